import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrganisation, makeToken, makeUser, makeWorker, signIn, type SignedIn } from '../../../../test/helpers/factories.js';

describe('workers', () => {
  let t: TestApp;
  let ministry: SignedIn;
  let ministryOrg: string;
  let agency: SignedIn;
  let agencyOrg: string;
  before(async () => {
    t = await startTestApp();
    ministryOrg = (await makeOrganisation(t.database, { kind: 'origin_authority', country: 'NPL' })).id;
    agencyOrg = (await makeOrganisation(t.database, { kind: 'recruitment_agency', country: 'NPL' })).id;
    ministry = await signIn(t.app, await makeUser(t.database, { role: 'org_staff', organisation_id: ministryOrg }));
    agency = await signIn(t.app, await makeUser(t.database, { role: 'org_staff', organisation_id: agencyOrg }));
  });
  after(async () => t.close());

  const register = (who: SignedIn, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/v1/workers', headers: who.headers(), payload });
  const read = (headers: Record<string, string>, id: string) => t.app.inject({ method: 'GET', url: `/api/v1/workers/${id}`, headers });
  const sita = { full_name: 'Sita Tamang', sex: 'F', birth_date: '1996-02-03', nationality: 'NPL' };
  const reads = (id: string) =>
    t.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'worker.read').where('subject_id', '=', id).execute();

  it('an origin authority registers its own nationals only; an agency likewise; others may not', async () => {
    const res = await register(ministry, { ...sita, passport_no: 'PA1234567' });
    assert.equal(res.statusCode, 201);
    assert.equal(res.json().passport_no, 'PA1234567');
    const foreign = await register(ministry, { ...sita, nationality: 'IND' });
    assert.equal(foreign.statusCode, 403);
    assert.equal(foreign.json().errors[0].pointer, '/nationality');
    const byAgency = await register(agency, { ...sita, full_name: 'Ram Thapa', sex: 'M', passport_no: 'PA7654321' });
    assert.equal(byAgency.statusCode, 201);
    assert.equal(byAgency.json().passport_no, undefined, 'an agency does not see passport numbers');
    assert.equal((await register(agency, { ...sita, nationality: 'BGD' })).statusCode, 403);
    const employer = await signIn(t.app, await makeUser(t.database, { role: 'org_admin' }));
    assert.equal((await register(employer, sita)).statusCode, 403);
    assert.equal((await register(ministry, { ...sita, passport_no: 'PA1234567' })).statusCode, 409);
    const bad = await register(ministry, { ...sita, sex: 'Q', birth_date: '2999-01-01' });
    assert.equal(bad.statusCode, 422);
    assert.equal(bad.json().errors[0].pointer, '/sex');
  });

  it('the worker sees only themself, with no audit entry; others 404', async () => {
    const mine = await makeWorker(t.database, { nationality: 'NPL' });
    const other = await makeWorker(t.database, { nationality: 'NPL' });
    const worker = await signIn(t.app, await makeUser(t.database, { role: 'worker', worker_id: mine.id }));
    const own = await read(worker.headers(), mine.id);
    assert.equal(own.statusCode, 200);
    assert.equal(own.json().passport_no, mine.passport_no);
    assert.equal((await read(worker.headers(), other.id)).statusCode, 404);
    assert.equal((await reads(mine.id)).length, 0);
  });

  it('the origin authority reads its nationals (audited); a foreign authority or employer gets 404', async () => {
    const w = await makeWorker(t.database, { nationality: 'NPL' });
    const res = await read(ministry.headers(), w.id);
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().passport_no, w.passport_no);
    const events = await reads(w.id);
    assert.equal(events.length, 1);
    assert.deepEqual(events[0]!.scope_countries, ['NPL']);
    assert.deepEqual(events[0]!.scope_organisation_ids, [ministryOrg]);
    assert.ok(!JSON.stringify(events[0]).includes(w.passport_no!), 'no passport number in the audit trail');

    const india = await makeOrganisation(t.database, { kind: 'origin_authority', country: 'IND' });
    const indian = await signIn(t.app, await makeUser(t.database, { role: 'org_staff', organisation_id: india.id }));
    assert.equal((await read(indian.headers(), w.id)).statusCode, 404);
    const dest = await makeOrganisation(t.database, { kind: 'destination_authority', country: 'ARE' });
    const token = await makeToken(t.database, { organisation_id: dest.id, scopes: ['workers:read'] });
    assert.equal((await read({ authorization: `Bearer ${token}` }, w.id)).statusCode, 404);
    assert.equal((await reads(w.id)).length, 1, 'refused reads are not reads');
  });

  it('the registering agency reads without the passport number; the platform reads all (audited)', async () => {
    const w = await makeWorker(t.database, { nationality: 'NPL', registered_by: agencyOrg });
    const byAgency = await read(agency.headers(), w.id);
    assert.equal(byAgency.statusCode, 200);
    assert.equal(byAgency.json().passport_no, undefined);
    const otherAgency = await makeOrganisation(t.database, { kind: 'recruitment_agency', country: 'NPL' });
    const rival = await signIn(t.app, await makeUser(t.database, { role: 'org_staff', organisation_id: otherAgency.id }));
    assert.equal((await read(rival.headers(), w.id)).statusCode, 404);
    const admin = await signIn(t.app, await makeUser(t.database, { role: 'platform_admin' }));
    assert.equal((await read(admin.headers(), w.id)).json().passport_no, w.passport_no);
    assert.equal((await reads(w.id)).length, 2);
  });
});
