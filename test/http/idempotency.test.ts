import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { makeOrganisation, makeToken } from '../helpers/factories.js';

describe('Idempotency-Key on POST', () => {
  let t: TestApp;
  let auth: Record<string, string>;
  let otherAuth: Record<string, string>;
  const count = async () =>
    Number((await t.database.db.selectFrom('organisations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  before(async () => {
    t = await startTestApp();
    const platform = await makeOrganisation(t.database, { kind: 'platform' });
    auth = { authorization: `Bearer ${await makeToken(t.database, { organisation_id: platform.id, scopes: ['organisations:manage'] })}` };
    otherAuth = { authorization: `Bearer ${await makeToken(t.database, { organisation_id: platform.id, scopes: ['organisations:manage'] })}` };
  });
  after(async () => t.close());

  const create = (headers: Record<string, string>, name: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/organisations', headers, payload: { kind: 'employer', name, country: 'ARE' } });

  it('creates once and replays the first answer to a repeat', async () => {
    const before = await count();
    const first = await create({ ...auth, 'idempotency-key': 'org-1' }, 'Idempotent Builders');
    assert.equal(first.statusCode, 201);
    const again = await create({ ...auth, 'idempotency-key': 'org-1' }, 'Idempotent Builders');
    assert.equal(again.statusCode, 201);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.deepEqual(again.json(), first.json());
    assert.equal(await count(), before + 1);
  });

  it('refuses the same key with a different request, storing nothing', async () => {
    await create({ ...auth, 'idempotency-key': 'org-2' }, 'First Name Trading');
    const before = await count();
    const other = await create({ ...auth, 'idempotency-key': 'org-2' }, 'Second Name Trading');
    assert.equal(other.statusCode, 422);
    assert.equal(other.json().code, 'idempotency_mismatch');
    assert.equal(await count(), before);
  });

  it('keeps keys of different clients apart', async () => {
    const before = await count();
    const mine = await create({ ...auth, 'idempotency-key': 'shared-key' }, 'Client A Logistics');
    const theirs = await create({ ...otherAuth, 'idempotency-key': 'shared-key' }, 'Client B Logistics');
    assert.equal(mine.statusCode, 201);
    assert.equal(theirs.statusCode, 201);
    assert.notEqual(mine.json().id, theirs.json().id);
    assert.equal(await count(), before + 2);
  });

  it('frees the key when the request was refused, so a corrected retry goes through', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { ...auth, 'idempotency-key': 'org-3' },
      payload: { kind: 'employer', name: 'Nowhere Ltd', country: 'XXX' },
    });
    assert.equal(bad.statusCode, 422);
    const good = await create({ ...auth, 'idempotency-key': 'org-3' }, 'Somewhere Ltd');
    assert.equal(good.statusCode, 201);
  });

  it('refuses an over-long key', async () => {
    const res = await create({ ...auth, 'idempotency-key': 'k'.repeat(201) }, 'Long Key Ltd');
    assert.equal(res.statusCode, 400);
  });
});
