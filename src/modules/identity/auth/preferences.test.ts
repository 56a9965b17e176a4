import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrganisation, makeToken, makeUser, makeWorker, signIn } from '../../../../test/helpers/factories.js';

describe('a person\'s own language, remembered on the server (PATCH /api/v1/auth/me)', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => t.close());

  const patch = (headers: Record<string, string>, payload: unknown) =>
    t.app.inject({ method: 'PATCH', url: '/api/v1/auth/me', headers, payload: payload as object });
  const languageOf = async (id: string) =>
    (await t.database.db.selectFrom('users').select('language').where('id', '=', id).executeTakeFirstOrThrow()).language;
  const audited = async (id: string) =>
    Number((await t.database.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n'))
      .where('action', '=', 'user.preferences_changed').where('subject_id', '=', id).executeTakeFirstOrThrow()).n);

  it('a worker saves their language; /auth/me and the next sign-in (another device) return it; audited', async () => {
    const worker = await makeWorker(t.database, { nationality: 'NPL' });
    const user = await makeUser(t.database, { role: 'worker', worker_id: worker.id });
    const session = await signIn(t.app, user);
    const res = await patch(session.headers(), { language: 'ne' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().language, 'ne');
    assert.equal(res.json().id, user.id);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers() });
    assert.equal(me.json().user.language, 'ne');
    const elsewhere = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: user.password } });
    assert.equal(elsewhere.json().user.language, 'ne');
    assert.equal(await audited(user.id), 1);
    assert.equal((await patch(session.headers(), { language: 'ne' })).statusCode, 200);
    assert.equal(await audited(user.id), 1, 'the same language again changes nothing');
  });

  it('refuses a language the application does not speak (422 with a pointer) and stores nothing', async () => {
    const user = await makeUser(t.database, { role: 'org_staff' });
    const session = await signIn(t.app, user);
    for (const language of ['fr', 'en-GB', '', 42]) {
      const res = await patch(session.headers(), { language });
      assert.equal(res.statusCode, 422, String(language));
      assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(res.json().errors[0].pointer, '/language');
    }
    const unknownField = await patch(session.headers(), {});
    assert.equal(unknownField.statusCode, 422);
    assert.equal(await languageOf(user.id), 'en');
    assert.equal(await audited(user.id), 0);
  });

  it("changes only the caller's own account: another's stays, and PATCH /users/:id is refused without users:manage", async () => {
    const org = await makeOrganisation(t.database, { kind: 'employer' });
    const a = await makeUser(t.database, { role: 'org_staff', organisation_id: org.id });
    const b = await makeUser(t.database, { role: 'org_staff', organisation_id: org.id });
    const sa = await signIn(t.app, a);
    assert.equal((await patch(sa.headers(), { language: 'ar', id: b.id })).json().id, a.id);
    assert.equal(await languageOf(a.id), 'ar');
    assert.equal(await languageOf(b.id), 'en');
    const other = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${b.id}`, headers: sa.headers(), payload: { language: 'ar' } });
    assert.equal(other.statusCode, 403);
    assert.equal(await languageOf(b.id), 'en');
  });

  it('needs a session and its CSRF token; an API token has no language to keep', async () => {
    const user = await makeUser(t.database, { role: 'org_staff' });
    const session = await signIn(t.app, user);
    assert.equal((await patch({}, { language: 'hi' })).statusCode, 401);
    assert.equal((await patch({ cookie: session.cookie }, { language: 'hi' })).statusCode, 403, 'no CSRF token');
    const token = await makeToken(t.database, { organisation_id: user.organisation_id!, scopes: ['reference:read', 'self:read'] });
    assert.equal((await patch({ authorization: `Bearer ${token}` }, { language: 'hi' })).statusCode, 403);
    assert.equal(await languageOf(user.id), 'en');
  });
});
