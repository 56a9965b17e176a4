import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { loadConfig } from '../../../core/config.js';
import { TEST_MASTER_KEY } from '../../../../test/helpers/app.js';
import { type TestDatabase, testDatabase } from '../../../../test/helpers/database.js';
import { appendEntries } from './append-entries.js';
import { digestOf } from './canonical.js';
import { type LeafInput, registryLeaf, registryLeafHash } from './leaf.js';
import { inclusionProof, rootOf, verifyInclusion } from './merkle.js';
import { databaseNodeReader } from './node-queries.js';
import { sampleTerms } from './test-log.js';
import { findLatestTreeHead } from './tree-head-queries.js';
import { verifyTreeHead } from './tree-head.js';

let database: TestDatabase;
const config = loadConfig({ masterKey: TEST_MASTER_KEY }, {});

const entry = (i: number): LeafInput => ({
  contractNo: `AE-NP-2025-${String(i).padStart(6, '0')}`,
  version: 1,
  termsDigest: digestOf({ i }),
  keyTerms: sampleTerms(i),
  signatures: [],
  registeredAt: '2025-03-01T09:00:00Z',
});

before(async () => {
  database = await testDatabase();
});
after(() => database.close());

test('entries appended in batches form the RFC 9162 tree, with a signed head per append', async () => {
  const all = Array.from({ length: 13 }, (_, i) => entry(i));
  const batches = [all.slice(0, 1), all.slice(1, 6), all.slice(6, 7), all.slice(7)];
  const indices: number[] = [];
  for (const batch of batches) indices.push(...(await database.db.transaction().execute((trx) => appendEntries(trx, config, batch))));
  assert.deepEqual(indices, all.map((_, i) => i));

  const hashes = all.map((e) => registryLeafHash(registryLeaf(e)));
  const head = await findLatestTreeHead(database.db);
  assert.equal(head?.tree_size, 13);
  assert.equal(head?.root_hash, Buffer.from(rootOf(hashes)).toString('hex'));
  const logKey = await database.db.selectFrom('signing_keys').select('public_key').where('purpose', '=', 'log').executeTakeFirstOrThrow();
  assert.ok(verifyTreeHead(head!, logKey.public_key));

  const heads = await database.db.selectFrom('registry_tree_heads').select('tree_size').orderBy('tree_size').execute();
  assert.deepEqual(heads.map((h) => Number(h.tree_size)), [1, 6, 7, 13]);
  const proof = await inclusionProof(9, 13, databaseNodeReader(database.db));
  assert.ok(verifyInclusion(hashes[9]!, 9, 13, proof, rootOf(hashes)));

  const stored = await database.db.selectFrom('registry_entries').selectAll().where('leaf_index', '=', 4).executeTakeFirstOrThrow();
  assert.equal(stored.contract_no, all[4]!.contractNo);
  assert.deepEqual(JSON.parse(stored.leaf_json), registryLeaf(all[4]!));
  assert.equal(Buffer.from(stored.leaf_hash).toString('hex'), Buffer.from(hashes[4]!).toString('hex'));
  // 13 leaves make 12 inner perfect nodes: 6 + 3 + 1 + 2 (the right edge is never stored).
  const nodes = await database.db.selectFrom('registry_nodes').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  assert.equal(nodes.n, 13 + 6 + 3 + 1);
});

test('appending outside a transaction is refused, and a failed transaction leaves the log as it was', async () => {
  await assert.rejects(appendEntries(database.db, config, [entry(100)]), /inside a transaction/);
  const before = await findLatestTreeHead(database.db);
  await assert.rejects(
    database.db.transaction().execute(async (trx) => {
      await appendEntries(trx, config, [entry(101)]);
      throw new Error('caller failed');
    }),
    /caller failed/,
  );
  assert.deepEqual(await findLatestTreeHead(database.db), before);
  // The same contract version cannot enter twice.
  await assert.rejects(database.db.transaction().execute((trx) => appendEntries(trx, config, [entry(0)])));
});

test('concurrent appends are serialised: every index is used once', async () => {
  const start = (await findLatestTreeHead(database.db))!.tree_size;
  const results = await Promise.all(
    [200, 210, 220, 230].map((base) =>
      database.db.transaction().execute((trx) => appendEntries(trx, config, [entry(base), entry(base + 1)])),
    ),
  );
  assert.deepEqual(results.flat().sort((a, b) => a - b), Array.from({ length: 8 }, (_, i) => start + i));
});

test('the log tables are append-only for the application', async () => {
  for (const statement of [
    sql`UPDATE registry_nodes SET level = level`,
    sql`DELETE FROM registry_entries`,
    sql`UPDATE registry_tree_heads SET signature = 'x'`,
  ]) {
    await assert.rejects(statement.execute(database.db));
  }
});
