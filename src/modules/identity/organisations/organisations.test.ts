import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrganisation, makeUser, signIn, type SignedIn } from '../../../../test/helpers/factories.js';

describe('organisations', () => {
  let t: TestApp;
  let admin: SignedIn;
  before(async () => {
    t = await startTestApp();
    admin = await signIn(t.app, await makeUser(t.database, { role: 'platform_admin' }));
  });
  after(async () => t.close());

  const create = (who: SignedIn, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/organisations', headers: who.headers(), payload });

  it('the platform administrator enrols one; the country must exist', async () => {
    const res = await create(admin, { kind: 'employer', name: 'Gulf Build LLC', country: 'ARE', external_id: 'EST-1' });
    assert.equal(res.statusCode, 201);
    assert.equal(res.json().status, 'active');
    const unknown = await create(admin, { kind: 'employer', name: 'Nowhere', country: 'XXZ' });
    assert.equal(unknown.statusCode, 422);
    assert.equal(unknown.json().errors[0].pointer, '/country');
    const badKind = await create(admin, { kind: 'bank', name: 'B', country: 'ARE' });
    assert.equal(badKind.statusCode, 422);
    assert.equal(badKind.json().errors[0].pointer, '/kind');
    const twice = await create(admin, { kind: 'employer', name: 'Gulf Build again', country: 'ARE', external_id: 'EST-1' });
    assert.equal(twice.statusCode, 409);
  });

  it('nobody else enrols (403 without the scope)', async () => {
    const orgAdmin = await signIn(t.app, await makeUser(t.database, { role: 'org_admin' }));
    assert.equal((await create(orgAdmin, { kind: 'employer', name: 'X', country: 'ARE' })).statusCode, 403);
  });

  it('lists: the platform all; an employer its own; an authority also its country; other ids 404', async () => {
    const npl = await makeOrganisation(t.database, { kind: 'origin_authority', country: 'NPL' });
    const agency = await makeOrganisation(t.database, { kind: 'recruitment_agency', country: 'NPL' });
    const employer = await makeOrganisation(t.database, { kind: 'employer', country: 'ARE' });
    const ministry = await signIn(t.app, await makeUser(t.database, { role: 'org_staff', organisation_id: npl.id }));
    const boss = await signIn(t.app, await makeUser(t.database, { role: 'org_staff', organisation_id: employer.id }));
    const list = async (who: SignedIn) =>
      ((await t.app.inject({ method: 'GET', url: '/api/v1/organisations', headers: who.headers() })).json().organisations as { id: string }[]).map((o) => o.id);

    assert.deepEqual(await list(boss), [employer.id]);
    const seen = await list(ministry);
    assert.ok(seen.includes(npl.id) && seen.includes(agency.id));
    assert.ok(!seen.includes(employer.id));
    assert.ok((await list(admin)).includes(employer.id));

    const get = (who: SignedIn, id: string) => t.app.inject({ method: 'GET', url: `/api/v1/organisations/${id}`, headers: who.headers() });
    assert.equal((await get(boss, employer.id)).statusCode, 200);
    assert.equal((await get(boss, npl.id)).statusCode, 404);
    assert.equal((await get(ministry, agency.id)).statusCode, 200);
    assert.equal((await get(ministry, employer.id)).statusCode, 404);
    assert.equal((await get(boss, 'not-a-uuid')).statusCode, 404);
  });

  it('suspends with a reason (audited); its users then cannot sign in; reactivates', async () => {
    const org = await makeOrganisation(t.database, { kind: 'wage_agent' });
    const member = await makeUser(t.database, { role: 'org_staff', organisation_id: org.id });
    const session = await signIn(t.app, member);
    const patch = (payload: object) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/organisations/${org.id}/status`, headers: admin.headers(), payload });
    assert.equal((await patch({ status: 'suspended' })).statusCode, 422, 'a reason is required');
    const res = await patch({ status: 'suspended', reason: 'licence withdrawn' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().status, 'suspended');
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers() })).statusCode, 401);
    const event = await t.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'organisation.suspended').where('subject_id', '=', org.id).executeTakeFirst();
    assert.equal((event?.details as { reason: string }).reason, 'licence withdrawn');
    assert.equal((await patch({ status: 'active', reason: 'licence restored' })).json().status, 'active');
    await signIn(t.app, member);
    const staff = await signIn(t.app, await makeUser(t.database, { role: 'org_admin', organisation_id: org.id }));
    const denied = await t.app.inject({ method: 'PATCH', url: `/api/v1/organisations/${org.id}/status`, headers: staff.headers(), payload: { status: 'suspended', reason: 'x' } });
    assert.equal(denied.statusCode, 403);
  });
});
