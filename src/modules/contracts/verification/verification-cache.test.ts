import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { type TestApp, startTestApp } from '../../../../test/helpers/app.js';
import { TEST_ENGINE, withAdmin } from '../../../../test/helpers/database.js';
import { hearContractChanges, keepAnswer, keptAnswer, verificationCache } from './verification-cache.js';

let t: TestApp;
before(async () => (t = await startTestApp()));
after(() => t.close());

const until = async (what: string, ok: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) assert.fail(`${what} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

test('nothing is kept before the database is heard, nor an answer read across a change', async () => {
  const cache = verificationCache();
  keepAnswer(cache, 'A-1', 0, { status: 'registered' });
  assert.equal(keptAnswer(cache, 'A-1'), undefined, 'not hearing yet');

  const stop = await hearContractChanges(t.database, cache);
  try {
    assert.equal(cache.answers.hearing, true);
    const before = cache.answers.changes;
    await sql`SELECT pg_notify('corridor_contract_changed', 'B-2')`.execute(t.database.db);
    await until('the notification heard', () => cache.answers.changes > before);
    keepAnswer(cache, 'A-1', before, { status: 'registered' });
    assert.equal(keptAnswer(cache, 'A-1'), undefined, 'read before a change heard since');
    keepAnswer(cache, 'A-1', cache.answers.changes, { status: 'registered' });
    assert.deepEqual(keptAnswer(cache, 'A-1'), { status: 'registered' });
    await sql`SELECT pg_notify('corridor_contract_changed', 'A-1')`.execute(t.database.db);
    await until('the answer forgotten', () => keptAnswer(cache, 'A-1') === undefined);
  } finally {
    await stop();
  }
  assert.equal(cache.answers.hearing, false);
  assert.equal(cache.answers.size, 0);
});

test('a lost listening connection forgets every answer, keeps none until heard again, and listens again', { skip: TEST_ENGINE === 'pglite' && 'PGlite has one session, never lost' }, async () => {
  assert.equal(t.database.engine, 'postgres');
  const cache = verificationCache();
  const stop = await hearContractChanges(t.database, cache, 50);
  try {
    keepAnswer(cache, 'C-3', cache.answers.changes, { status: 'active' });
    assert.ok(keptAnswer(cache, 'C-3'));
    const { rows } = await sql<{ db: string }>`SELECT current_database() AS db`.execute(t.database.db);
    // As a server restart would: the listening connections of this test's database are ended.
    const ended = await withAdmin((admin) =>
      admin.query(`SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND query = 'LISTEN "corridor_contract_changed"'`, [rows[0]!.db]),
    );
    assert.ok(ended.rows[0].n >= 1);
    await until('the loss noticed', () => !cache.answers.hearing);
    assert.equal(keptAnswer(cache, 'C-3'), undefined);
    keepAnswer(cache, 'C-3', cache.answers.changes, { status: 'active' });
    assert.equal(cache.answers.size, 0, 'nothing kept while deaf');
    await until('listening again', () => cache.answers.hearing);
    const before = cache.answers.changes;
    await sql`SELECT pg_notify('corridor_contract_changed', 'C-3')`.execute(t.database.db);
    await until('heard again', () => cache.answers.changes > before);
  } finally {
    await stop();
  }
});
