import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrganisation, makeUser, makeWorker, signIn, type SignedIn } from '../../../../test/helpers/factories.js';

describe('users', () => {
  let t: TestApp;
  let admin: SignedIn;
  before(async () => {
    t = await startTestApp();
    admin = await signIn(t.app, await makeUser(t.database, { role: 'platform_admin' }));
  });
  after(async () => t.close());

  const post = (who: SignedIn, payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/users', headers: who.headers(), payload });

  it('creates with a one-time password, shown once, which must be changed', async () => {
    const org = await makeOrganisation(t.database, { kind: 'employer' });
    const res = await post(admin, { email: 'Hr@Gulf.example', display_name: 'HR', role: 'org_admin', organisation_id: org.id });
    assert.equal(res.statusCode, 201);
    const { user, one_time_password } = res.json();
    assert.equal(user.must_change_password, true);
    assert.equal(typeof one_time_password, 'string');
    const session = await signIn(t.app, { email: 'hr@gulf.example', password: one_time_password });
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: session.headers() })).statusCode, 403);
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/users?organisation_id=${org.id}`, headers: admin.headers() });
    assert.ok(!list.body.includes(one_time_password));
  });

  it('takes a given password (no one-time password) but refuses a weak one with a pointer', async () => {
    const org = await makeOrganisation(t.database, { kind: 'employer' });
    const weak = await post(admin, { email: 'a@b.example', display_name: 'A', role: 'org_staff', organisation_id: org.id, password: 'a@b.example' });
    assert.equal(weak.statusCode, 422);
    assert.equal(weak.json().errors[0].pointer, '/password');
    const ok = await post(admin, { email: 'a@b.example', display_name: 'A', role: 'org_staff', organisation_id: org.id, password: 'quite a long passphrase' });
    assert.equal(ok.statusCode, 201);
    assert.equal(ok.json().one_time_password, undefined);
    assert.equal(ok.json().user.must_change_password, false);
  });

  it('refuses an email already used, whatever its case (409)', async () => {
    const existing = await makeUser(t.database, { role: 'org_staff' });
    const res = await post(admin, { email: existing.email.toUpperCase(), display_name: 'X', role: 'org_staff', organisation_id: existing.organisation_id });
    assert.equal(res.statusCode, 409);
  });

  it('an org_admin creates only org_admin/org_staff of its own organisation', async () => {
    const mine = await makeUser(t.database, { role: 'org_admin' });
    const other = await makeOrganisation(t.database, { kind: 'employer' });
    const s = await signIn(t.app, mine);
    assert.equal((await post(s, { email: 'staff1@example.test', display_name: 'S', role: 'org_staff' })).json().user.organisation_id, mine.organisation_id);
    assert.equal((await post(s, { email: 'staff2@example.test', display_name: 'S', role: 'org_staff', organisation_id: other.id })).statusCode, 404);
    assert.equal((await post(s, { email: 'staff3@example.test', display_name: 'S', role: 'platform_admin' })).statusCode, 403);
    const staff = await signIn(t.app, await makeUser(t.database, { role: 'org_staff', organisation_id: mine.organisation_id! }));
    assert.equal((await post(staff, { email: 'staff4@example.test', display_name: 'S', role: 'org_staff' })).statusCode, 403);
  });

  it('worker accounts: by the origin authority of the worker or who registered them; others 404', async () => {
    const ministry = await makeOrganisation(t.database, { kind: 'origin_authority', country: 'NPL' });
    const agency = await makeOrganisation(t.database, { kind: 'recruitment_agency', country: 'NPL' });
    const employer = await makeOrganisation(t.database, { kind: 'employer', country: 'ARE' });
    const w1 = await makeWorker(t.database, { nationality: 'NPL' });
    const w2 = await makeWorker(t.database, { nationality: 'NPL', registered_by: agency.id });
    const w3 = await makeWorker(t.database, { nationality: 'NPL' });
    const as = async (org: string) => signIn(t.app, await makeUser(t.database, { role: 'org_admin', organisation_id: org }));
    const body = (w: string, email: string) => ({ email, display_name: 'Worker', role: 'worker', worker_id: w });
    assert.equal((await post(await as(ministry.id), body(w1.id, 'w1@example.test'))).statusCode, 201);
    assert.equal((await post(await as(agency.id), body(w2.id, 'w2@example.test'))).statusCode, 201);
    assert.equal((await post(await as(agency.id), body(w3.id, 'w3@example.test'))).statusCode, 404);
    assert.equal((await post(await as(employer.id), body(w3.id, 'w3@example.test'))).statusCode, 404);
    assert.equal((await post(admin, body(w1.id, 'w1b@example.test'))).statusCode, 409, 'one account per worker');
    const missing = await post(admin, { email: 'w4@example.test', display_name: 'W', role: 'worker' });
    assert.equal(missing.statusCode, 422);
    assert.equal(missing.json().errors[0].pointer, '/worker_id');
  });

  it('lists its own organisation only; PATCH disables (ending sessions), changes role within limits; other orgs 404', async () => {
    const boss = await makeUser(t.database, { role: 'org_admin' });
    const clerk = await makeUser(t.database, { role: 'org_staff', organisation_id: boss.organisation_id! });
    const stranger = await makeUser(t.database, { role: 'org_staff' });
    const s = await signIn(t.app, boss);
    const users = (await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: s.headers() })).json().users as { id: string }[];
    assert.deepEqual(users.map((u) => u.id).sort(), [boss.id, clerk.id].sort());
    const clerkSession = await signIn(t.app, clerk);
    const patch = (id: string, payload: object) => t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: s.headers(), payload });
    assert.equal((await patch(stranger.id, { disabled: true })).statusCode, 404);
    assert.equal((await patch(clerk.id, { role: 'platform_admin' })).statusCode, 403);
    assert.equal((await patch(clerk.id, { role: 'org_admin' })).json().role, 'org_admin');
    assert.equal((await patch(boss.id, { disabled: true })).statusCode, 409, 'not yourself');
    const disabled = await patch(clerk.id, { disabled: true });
    assert.equal(disabled.statusCode, 200);
    assert.ok(disabled.json().disabled_at);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: clerkSession.headers() })).statusCode, 401);
    assert.equal((await patch(clerk.id, { disabled: false })).json().disabled_at, null);
    assert.equal((await patch(clerk.id, {})).statusCode, 422);
  });
});
