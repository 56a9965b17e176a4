import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeOrganisation, makeToken, makeUser, signIn, type SignedIn } from '../../../../test/helpers/factories.js';

describe('API tokens', () => {
  let t: TestApp;
  let agentAdmin: SignedIn;
  let agentId: string;
  before(async () => {
    t = await startTestApp();
    agentId = (await makeOrganisation(t.database, { kind: 'wage_agent' })).id;
    agentAdmin = await signIn(t.app, await makeUser(t.database, { role: 'org_admin', organisation_id: agentId }));
  });
  after(async () => t.close());

  const create = (payload: object, who = agentAdmin) => t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: who.headers(), payload });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('is shown once, works, is listed without its secret, and stops working when revoked', async () => {
    const res = await create({ name: 'salary uploads', scopes: ['reference:read', 'self:read'], expires_at: '2999-12-31' });
    assert.equal(res.statusCode, 201);
    const { id, token } = res.json();
    assert.match(token, /^cor_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    assert.equal(res.json().expires_at, '3000-01-01T00:00:00.000Z', 'a date means through that day');

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(token) });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().organisation.id, agentId);
    assert.deepEqual(me.json().scopes, ['reference:read', 'self:read']);

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: agentAdmin.headers() });
    assert.equal(list.statusCode, 200);
    assert.equal(list.json().tokens.length, 1);
    assert.ok(!list.body.includes(token.slice('cor_'.length + 13)), 'the secret is never listed');
    const stored = await t.database.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.ok(!JSON.stringify(stored).includes(token.slice('cor_'.length + 13)), 'stored only hashed');

    const revoked = await t.app.inject({ method: 'POST', url: `/api/v1/tokens/${id}/revoke`, headers: agentAdmin.headers() });
    assert.equal(revoked.statusCode, 200);
    assert.ok(revoked.json().revoked_at);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(token) })).statusCode, 401);
  });

  it('refuses scopes beyond what the organisation kind allows, naming each (422)', async () => {
    const res = await create({ name: 'too much', scopes: ['reference:read', 'workers:register', 'tokens:manage'] });
    assert.equal(res.statusCode, 422);
    assert.deepEqual(res.json().errors.map((e: { pointer: string }) => e.pointer), ['/scopes/1', '/scopes/2']);
    const unknown = await create({ name: 'typo', scopes: ['reference:raed'] });
    assert.equal(unknown.statusCode, 422);
    assert.equal(unknown.json().errors[0].pointer, '/scopes/0');
    const past = await create({ name: 'old', scopes: ['reference:read'], expires_at: '2001-01-01' });
    assert.equal(past.json().errors[0].pointer, '/expires_at');
  });

  it("another organisation's token is 404; a token for another organisation is 404; staff may not manage tokens", async () => {
    const other = await makeOrganisation(t.database, { kind: 'remittance_provider' });
    const theirs = await makeToken(t.database, { organisation_id: other.id, scopes: ['reference:read'] });
    const theirId = (await t.database.db.selectFrom('api_tokens').select('id').where('prefix', '=', theirs.split('_')[1]!).executeTakeFirstOrThrow()).id;
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/tokens/${theirId}/revoke`, headers: agentAdmin.headers() })).statusCode, 404);
    assert.equal((await create({ name: 'x', scopes: ['reference:read'], organisation_id: other.id })).statusCode, 404);
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: agentAdmin.headers() })).json().tokens as { id: string }[];
    assert.ok(!list.some((tk) => tk.id === theirId));
    const staff = await signIn(t.app, await makeUser(t.database, { role: 'org_staff', organisation_id: agentId }));
    assert.equal((await create({ name: 'x', scopes: ['reference:read'] }, staff)).statusCode, 403);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: bearer(theirs) })).statusCode, 403, 'a token cannot manage tokens');
  });

  it('the platform administrator creates a token for a named organisation', async () => {
    const admin = await signIn(t.app, await makeUser(t.database, { role: 'platform_admin' }));
    const res = await create({ name: 'for the agent', scopes: ['corridors:read'], organisation_id: agentId }, admin);
    assert.equal(res.statusCode, 201);
    assert.equal(res.json().organisation_id, agentId);
  });
});
