import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sha256Hex } from '../../../core/crypto/secrets.js';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrganisation, makeUser, signIn } from '../../../../test/helpers/factories.js';
import { SESSION_COOKIE } from '../authenticate.js';

describe('sign-in, sessions and passwords', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => t.close());

  const login = (email: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

  it('signs in: an httpOnly, SameSite=Lax, Secure cookie, stored only as its hash, and a CSRF token', async () => {
    const org = await makeOrganisation(t.database, { kind: 'origin_authority' });
    const user = await makeUser(t.database, { role: 'org_admin', organisation_id: org.id });
    const res = await login(user.email.toUpperCase(), user.password);
    assert.equal(res.statusCode, 200);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.secure, true);
    assert.equal(cookie.path, '/');
    const body = res.json();
    assert.deepEqual(Object.keys(body.user).sort(), [
      'display_name', 'email', 'id', 'language', 'must_change_password', 'organisation_id', 'role', 'worker_id',
    ]);
    assert.equal(body.user.organisation_id, org.id);
    assert.equal(typeof body.csrf_token, 'string');
    const sessions = await t.database.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute();
    assert.equal(sessions.length, 1);
    assert.equal(sessions[0]!.id_hash, sha256Hex(cookie.value));
    assert.notEqual(sessions[0]!.id_hash, cookie.value);
  });

  it('answers an unknown email and a wrong password alike (401)', async () => {
    const user = await makeUser(t.database, { role: 'org_staff' });
    const unknown = await login('nobody@example.test', 'whatever-password');
    const wrong = await login(user.email, 'not-the-password');
    assert.equal(unknown.statusCode, 401);
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.json().detail, wrong.json().detail);
  });

  it('locks the account after 5 failures in a row for 15 minutes (423 with the unlock time)', async () => {
    const user = await makeUser(t.database, { role: 'org_staff' });
    for (let i = 0; i < 4; i++) assert.equal((await login(user.email, 'wrong-password-x')).statusCode, 401);
    const fifth = await login(user.email, 'wrong-password-x');
    assert.equal(fifth.statusCode, 423);
    assert.equal(fifth.json().code, 'locked');
    const until = Date.parse(fifth.json().locked_until);
    assert.ok(Math.abs(until - (Date.now() + 15 * 60_000)) < 60_000);
    assert.equal((await login(user.email, user.password)).statusCode, 423, 'even the right password while locked');
    await t.database.db.updateTable('users').set({ locked_until: new Date(Date.now() - 1000) }).where('id', '=', user.id).execute();
    assert.equal((await login(user.email, user.password)).statusCode, 200);
  });

  it('resets the failure count on success', async () => {
    const user = await makeUser(t.database, { role: 'org_staff' });
    for (let i = 0; i < 4; i++) await login(user.email, 'wrong-password-x');
    assert.equal((await login(user.email, user.password)).statusCode, 200);
    for (let i = 0; i < 4; i++) assert.equal((await login(user.email, 'wrong-password-x')).statusCode, 401);
  });

  it('refuses disabled users and users of a suspended organisation', async () => {
    const disabled = await makeUser(t.database, { role: 'org_staff' });
    await t.database.db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', disabled.id).execute();
    assert.equal((await login(disabled.email, disabled.password)).statusCode, 403);
    const member = await makeUser(t.database, { role: 'org_staff' });
    await t.database.db.updateTable('organisations').set({ status: 'suspended' }).where('id', '=', member.organisation_id!).execute();
    assert.equal((await login(member.email, member.password)).statusCode, 403);
  });

  it('GET /auth/me: the user, organisation, scopes and CSRF token; 401 without a session', async () => {
    const user = await makeUser(t.database, { role: 'org_admin' });
    const s = await signIn(t.app, user);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().user.id, user.id);
    assert.equal(res.json().organisation.id, user.organisation_id);
    assert.equal(res.json().csrf_token, s.csrf);
    assert.ok(res.json().scopes.includes('users:manage'));
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode, 401);
  });

  it('refuses a change made with the cookie but without X-CSRF-Token (403)', async () => {
    const user = await makeUser(t.database, { role: 'org_staff' });
    const s = await signIn(t.app, user);
    const payload = { current_password: user.password, new_password: 'a brand new passphrase' };
    const without = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie: s.cookie }, payload });
    assert.equal(without.statusCode, 403);
    assert.match(without.json().detail, /CSRF/);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie: s.cookie, 'x-csrf-token': 'nope' }, payload });
    assert.equal(wrong.statusCode, 403);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: s.headers(), payload });
    assert.equal(ok.statusCode, 200);
  });

  it('with a one-time password allows nothing but /auth/me and the password change, which ends the other sessions', async () => {
    const user = await makeUser(t.database, { role: 'org_admin', must_change_password: true });
    const first = await signIn(t.app, user);
    const second = await signIn(t.app, user);
    assert.equal(first.csrf !== second.csrf, true, 'a CSRF token per session');
    const blocked = await t.app.inject({ method: 'GET', url: '/api/v1/organisations', headers: first.headers() });
    assert.equal(blocked.statusCode, 403);
    assert.match(blocked.json().detail, /one-time password/);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: first.headers() })).json().user.must_change_password, true);

    const weak = await t.app.inject({
      method: 'POST', url: '/api/v1/auth/password', headers: first.headers(),
      payload: { current_password: user.password, new_password: user.email },
    });
    assert.equal(weak.statusCode, 422);
    assert.equal(weak.json().errors[0].pointer, '/new_password');
    const wrongCurrent = await t.app.inject({
      method: 'POST', url: '/api/v1/auth/password', headers: first.headers(),
      payload: { current_password: 'not-the-current-one', new_password: 'a brand new passphrase' },
    });
    assert.equal(wrongCurrent.statusCode, 422);
    assert.equal(wrongCurrent.json().errors[0].pointer, '/current_password');

    const changed = await t.app.inject({
      method: 'POST', url: '/api/v1/auth/password', headers: first.headers(),
      payload: { current_password: user.password, new_password: 'a brand new passphrase' },
    });
    assert.equal(changed.statusCode, 200);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/organisations', headers: first.headers() })).statusCode, 200);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: second.headers() })).statusCode, 401);
    assert.equal((await login(user.email, 'a brand new passphrase')).statusCode, 200);
  });

  it('signs out: the session stops working and the cookie is cleared', async () => {
    const user = await makeUser(t.database, { role: 'org_staff' });
    const s = await signIn(t.app, user);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers() });
    assert.equal(out.statusCode, 204);
    assert.equal(out.cookies.find((c) => c.name === SESSION_COOKIE)?.value, '');
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers() })).statusCode, 401);
  });

  it('answers 422 with pointers for a malformed sign-in', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'x@example.test' } });
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().errors[0].pointer, '/password');
  });
});
