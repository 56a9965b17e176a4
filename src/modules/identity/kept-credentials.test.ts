import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import type { DB } from '../../schema.js';
import { type TestApp, startTestApp } from '../../../test/helpers/app.js';
import { makeOrganisation, makeToken, makeUser, signIn } from '../../../test/helpers/factories.js';
import { authenticateSession, authenticateToken, type KeptCredentials, SESSION_COOKIE } from './authenticate.js';
import { keptCredentials } from './kept-credentials.js';

let t: TestApp;
let kept: KeptCredentials;
let stop: () => Promise<void>;
before(async () => {
  t = await startTestApp();
  ({ kept, stop } = await keptCredentials(t.database));
});
after(async () => {
  await stop();
  await t.close();
});

const until = async (what: string, ok: () => boolean | Promise<boolean>, ms = 3000) => {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) assert.fail(`${what} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
};
/** A database handle that fails any query: what authenticates with it was answered from what was kept. */
const noDatabase = new Proxy({}, { get: () => () => assert.fail('read the database') }) as unknown as Kysely<DB>;
const quiet = () => new Promise((r) => setTimeout(r, 150));

describe('kept sign-in answers', () => {
  it('a token is answered without reading once kept, until it is revoked elsewhere; its use touches nothing kept', async () => {
    const org = await makeOrganisation(t.database, { kind: 'wage_agent', country: 'ARE' });
    const token = await makeToken(t.database, { organisation_id: org.id, scopes: ['reference:read'] });
    assert.equal(kept.hearing, true);
    const first = await authenticateToken(t.database.db, token, new Date(), kept);
    const again = await authenticateToken(noDatabase, token, new Date(), kept);
    assert.deepEqual(again.actor, first.actor);
    await assert.rejects(authenticateToken(noDatabase, token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'), new Date(), kept), { code: 'unauthenticated' }, 'a wrong secret is refused from what was kept');

    const prefix = token.split('_')[1]!;
    await t.database.db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('prefix', '=', prefix).execute();
    await quiet();
    await authenticateToken(noDatabase, token, new Date(), kept);

    // As `corridor tokens revoke` would, from another process: heard, forgotten, refused.
    await t.database.db.updateTable('api_tokens').set({ revoked_at: new Date() }).where('prefix', '=', prefix).execute();
    await until('the revocation heard', async () => !(await authenticateToken(noDatabase, token, new Date(), kept).then(() => true, () => false)));
    await assert.rejects(authenticateToken(t.database.db, token, new Date(), kept), { code: 'unauthenticated' });
  });

  it('a session is forgotten when its user is disabled or its organisation suspended; failed sign-ins forget nothing', async () => {
    const user = await makeUser(t.database, { role: 'org_staff' });
    const cookie = (await signIn(t, user)).cookie.slice(`${SESSION_COOKIE}=`.length);
    assert.ok(await authenticateSession(t.database.db, cookie, new Date(), kept));
    await t.database.db.updateTable('users').set({ failed_logins: 3 }).where('id', '=', user.id).execute();
    await quiet();
    assert.ok(await authenticateSession(noDatabase, cookie, new Date(), kept), 'still kept');

    await t.database.db.updateTable('organisations').set({ status: 'suspended' }).where('id', '=', user.organisation_id!).execute();
    await until('the suspension heard', () => kept.size === 0);
    assert.equal(await authenticateSession(t.database.db, cookie, new Date(), kept), undefined);

    const other = await makeUser(t.database, { role: 'org_staff' });
    const otherCookie = (await signIn(t, other)).cookie.slice(`${SESSION_COOKIE}=`.length);
    assert.ok(await authenticateSession(t.database.db, otherCookie, new Date(), kept));
    await t.database.db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', other.id).execute();
    await until('the disabling heard', () => kept.size === 0);
    assert.equal(await authenticateSession(t.database.db, otherCookie, new Date(), kept), undefined);
  });

  it('a kept session past its idle time is read again, not refused from what was kept', async () => {
    const user = await makeUser(t.database, { role: 'org_staff' });
    const cookie = (await signIn(t, user)).cookie.slice(`${SESSION_COOKIE}=`.length);
    assert.ok(await authenticateSession(t.database.db, cookie, new Date(), kept));
    // Two hours on, by this process's kept row it is idle; the database decides (here: idle too, refused).
    const later = new Date(Date.now() + 2 * 60 * 60 * 1000);
    await assert.rejects(authenticateSession(noDatabase, cookie, later, kept), /read the database/);
    assert.equal(await authenticateSession(t.database.db, cookie, later, kept), undefined);
  });

  it('through the server: a token revoked by SQL is refused within the notification trip', async () => {
    const org = await makeOrganisation(t.database, { kind: 'wage_agent', country: 'ARE' });
    const token = await makeToken(t.database, { organisation_id: org.id, scopes: ['reference:read', 'self:read'] });
    const me = () => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal((await me()).statusCode, 200);
    assert.equal((await me()).statusCode, 200);
    await t.database.db.updateTable('api_tokens').set({ revoked_at: new Date() }).where('prefix', '=', token.split('_')[1]!).execute();
    await until('refused', async () => (await me()).statusCode === 401, 2000);
  });
});
