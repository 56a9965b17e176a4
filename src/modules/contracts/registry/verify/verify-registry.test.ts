import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Kysely, sql } from 'kysely';
import { loadConfig } from '../../../../core/config.js';
import type { DB } from '../../../../schema.js';
import { TEST_MASTER_KEY } from '../../../../../test/helpers/app.js';
import { type TestDatabase, testDatabase } from '../../../../../test/helpers/database.js';
import { type Authorities, makeAuthorities, makeLoggedContract } from '../test-registry.js';
import { verifyRegistry } from './verify-registry.js';

const config = loadConfig({ masterKey: TEST_MASTER_KEY }, {});
let database: TestDatabase;
let authorities: Authorities;

before(async () => {
  database = await testDatabase();
  authorities = await makeAuthorities(database);
});
after(() => database.close());

/**
 * Runs SQL as the database owner, as someone with direct database access would (and with the
 * append-only triggers of `tables` switched off), then returns to the application's role.
 */
async function asOwner(tables: string[], fn: (db: Kysely<DB>) => Promise<unknown>): Promise<void> {
  await database.session(async ({ db }) => {
    await sql`RESET ROLE`.execute(db);
    try {
      for (const table of tables) await sql`ALTER TABLE ${sql.table(table)} DISABLE TRIGGER USER`.execute(db);
      await fn(db);
      for (const table of tables) await sql`ALTER TABLE ${sql.table(table)} ENABLE TRIGGER USER`.execute(db);
    } finally {
      // PGlite has one session and a server's pooled connection goes back to the pool: both must be the app again.
      await sql`SET ROLE corridor_app`.execute(db);
    }
  });
}

test('an untouched registry verifies, in batches smaller than the log', async () => {
  const empty = await verifyRegistry(database.db);
  assert.deepEqual(empty, { entries: 0, ok: true, problems: [] });
  for (let i = 0; i < 5; i++) await makeLoggedContract(database, config, authorities);
  let progress = 0;
  const result = await verifyRegistry(database.db, { batchSize: 2, onProgress: (n) => (progress = n) });
  assert.deepEqual(result, { entries: 5, ok: true, problems: [] });
  assert.equal(progress, 5);
});

test('an edit of registered terms made directly in the database is found and the contract named', async () => {
  const victim = await makeLoggedContract(database, config, authorities);
  await makeLoggedContract(database, config, authorities);
  await asOwner([], (db) =>
    sql`UPDATE contract_versions SET terms = jsonb_set(terms, '{wage,basic_monthly_minor}', '1')
        WHERE contract_id = ${victim.id}`.execute(db),
  );
  const result = await verifyRegistry(database.db, { batchSize: 3 });
  assert.equal(result.ok, false);
  assert.deepEqual([...new Set(result.problems.map((p) => p.contract_no))], [victim.contract_no]);
  assert.match(result.problems[0]!.message, /terms were changed after registration/);
  // Putting the terms back makes the registry whole again: the check is of content, not of history.
  await asOwner([], (db) =>
    sql`UPDATE contract_versions SET terms = ${JSON.stringify(victim.terms)}::jsonb WHERE contract_id = ${victim.id}`.execute(db),
  );
  assert.equal((await verifyRegistry(database.db)).ok, true);
});

test('a forged signature, a rewritten node and a rewritten tree head are each found', async () => {
  const signed = await makeLoggedContract(database, config, authorities);
  await asOwner([], (db) =>
    sql`UPDATE contract_versions SET signatures = jsonb_set(signatures, '{1,sig}', to_jsonb(signatures->2->>'sig'))
        WHERE contract_id = ${signed.id}`.execute(db),
  );
  let result = await verifyRegistry(database.db);
  assert.ok(result.problems.some((p) => p.contract_no === signed.contract_no && /signatures differ from those registered/.test(p.message)));
  assert.ok(result.problems.some((p) => /origin signature does not verify/.test(p.message)));

  const size = (await verifyRegistry(database.db)).entries;
  await asOwner(['registry_nodes'], (db) =>
    sql`UPDATE registry_nodes SET hash = sha256(hash) WHERE level = 1 AND index = 0`.execute(db),
  );
  await asOwner(['registry_tree_heads'], (db) =>
    sql`UPDATE registry_tree_heads SET root_hash = repeat('0', 64) WHERE tree_size = ${size}`.execute(db),
  );
  result = await verifyRegistry(database.db, { batchSize: 4 });
  assert.equal(result.ok, false);
  assert.ok(result.problems.some((p) => p.contract_no === null && /Merkle node 1\/0 differs/.test(p.message)), JSON.stringify(result.problems));
  assert.ok(result.problems.some((p) => new RegExp(`tree head ${size}: its root hash`).test(p.message)));
});

test('a version recorded as registered but missing from the log is found', async () => {
  const logged = await makeLoggedContract(database, config, authorities);
  await asOwner([], (db) => sql`UPDATE contract_versions SET version = 2 WHERE contract_id = ${logged.id}`.execute(db));
  const result = await verifyRegistry(database.db);
  assert.ok(result.problems.some((p) => p.contract_no === logged.contract_no && /version 2 is recorded as registered but is not in the log/.test(p.message)));
  assert.ok(result.problems.some((p) => p.contract_no === logged.contract_no && /does not exist/.test(p.message)));
});
