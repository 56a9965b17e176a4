import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { loadConfig } from '../../../core/config.js';
import { TEST_MASTER_KEY } from '../../../../test/helpers/app.js';
import { type TestDatabase, testDatabase } from '../../../../test/helpers/database.js';
import { appendEntries } from './append-entries.js';
import { type BulkLeaf, appendLeafHashes } from './bulk-append.js';
import { digestOf } from './canonical.js';
import { type LeafInput, leafBytes, registryLeaf } from './leaf.js';
import { leafHash, rootOf } from './merkle-hash.js';
import { sampleTerms } from './test-log.js';
import { findLatestTreeHead } from './tree-head-queries.js';

let database: TestDatabase;
const config = loadConfig({ masterKey: TEST_MASTER_KEY }, {});

const input = (i: number): LeafInput => ({
  contractNo: `LEGACY-${String(i).padStart(7, '0')}`,
  version: 1,
  termsDigest: digestOf({ i }),
  keyTerms: sampleTerms(i),
  signatures: [],
  registeredAt: '2019-06-01T00:00:00Z',
});
const bulkLeaf = (i: number): BulkLeaf => {
  const leafJson = leafBytes(registryLeaf(input(i)));
  return { leafJson, leafHash: leafHash(leafJson), contractNo: input(i).contractNo, version: 1, keyTermsJson: JSON.stringify(input(i).keyTerms) };
};

before(async () => {
  database = await testDatabase();
});
after(() => database.close());

const inSession = <T>(fn: (s: Parameters<typeof appendLeafHashes>[0]) => Promise<T>) =>
  database.session((s) => s.db.transaction().execute((trx) => fn({ ...s, db: trx })));

test('bulk leaves, from memory and from a staging table, extend the log after ordinary appends', async () => {
  await database.db.transaction().execute((trx) => appendEntries(trx, config, [input(0), input(1), input(2)]));
  const fromMemory = await inSession((s) => appendLeafHashes(s, config, Array.from({ length: 70 }, (_, i) => bulkLeaf(3 + i))));
  assert.deepEqual([fromMemory.first, fromMemory.count, fromMemory.treeHead.tree_size], [3, 70, 73]);

  const staged = await inSession(async (s) => {
    await sql`CREATE TEMPORARY TABLE legacy_leaves (seq bigint, contract_no text, version integer, leaf_json text, leaf_hash bytea, key_terms_json text) ON COMMIT DROP`.execute(s.db);
    // Filled out of order: seq decides.
    const rows = Array.from({ length: 40 }, (_, i) => 73 + i).reverse().map((i) => {
      const leaf = bulkLeaf(i);
      return [i, leaf.contractNo, 1, leaf.leafJson, `\\x${Buffer.from(leaf.leafHash).toString('hex')}`, leaf.keyTermsJson];
    });
    await s.copyInto('legacy_leaves', ['seq', 'contract_no', 'version', 'leaf_json', 'leaf_hash', 'key_terms_json'], rows);
    return appendLeafHashes(s, config, { stagingTable: 'legacy_leaves' });
  });
  assert.deepEqual([staged.first, staged.count], [73, 40]);

  const expected = rootOf(Array.from({ length: 113 }, (_, i) => bulkLeaf(i).leafHash));
  const head = await findLatestTreeHead(database.db);
  assert.equal(head?.tree_size, 113);
  assert.equal(head?.root_hash, Buffer.from(expected).toString('hex'));
  const entry = await database.db.selectFrom('registry_entries').select('contract_no').where('leaf_index', '=', 100).executeTakeFirstOrThrow();
  assert.equal(entry.contract_no, input(100).contractNo);
  // Ordinary appends carry on from the bulk frontier.
  await database.db.transaction().execute((trx) => appendEntries(trx, config, [input(113)]));
  const after = await findLatestTreeHead(database.db);
  assert.equal(after?.root_hash, Buffer.from(rootOf(Array.from({ length: 114 }, (_, i) => bulkLeaf(i).leafHash))).toString('hex'));
});

test('a leaf hash that is not the hash of its JSON aborts the whole import', async () => {
  const before = await findLatestTreeHead(database.db);
  const leaves = [bulkLeaf(500), { ...bulkLeaf(501), leafHash: leafHash('something else') }];
  await assert.rejects(inSession((s) => appendLeafHashes(s, config, leaves)), { code: 'validation_failed', message: /do not match/ });
  assert.deepEqual(await findLatestTreeHead(database.db), before);
});
