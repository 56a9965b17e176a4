import type { Kysely } from 'kysely';
import type { Config } from '../../../core/config.js';
import type { DB } from '../../../schema.js';
import { type LeafInput, leafBytes, registryLeaf } from './leaf.js';
import { appendLeaves, loadFrontier } from './merkle-frontier.js';
import { leafHash } from './merkle-hash.js';
import { databaseNodeReader, insertNodes } from './node-queries.js';
import { lockLog, storeTreeHead } from './tree-head-queries.js';

/**
 * Appends registered contract versions to the registry log inside the caller's transaction
 * (one writer at a time), stores the new perfect-subtree nodes and signs a new tree head.
 * Returns each entry's leaf index, in the order given. Seven statements whatever the
 * number of entries; the caller records the audit event of the registration it makes.
 */
export async function appendEntries(trx: Kysely<DB>, config: Config, entries: readonly LeafInput[]): Promise<number[]> {
  if (entries.length === 0) return [];
  const size = await lockLog(trx);
  const frontier = await loadFrontier(size, databaseNodeReader(trx));
  const leaves = entries.map((entry) => leafBytes(registryLeaf(entry)));
  const hashes = leaves.map((leaf) => leafHash(leaf));
  const appended = appendLeaves(frontier, hashes);
  await insertNodes(trx, appended.newNodes);
  await trx
    .insertInto('registry_entries')
    .values(
      entries.map((entry, i) => ({
        leaf_index: size + i,
        contract_no: entry.contractNo,
        version: entry.version,
        leaf_json: leaves[i]!,
        leaf_hash: Buffer.from(hashes[i]!),
        key_terms: JSON.stringify(entry.keyTerms),
      })),
    )
    .execute();
  await storeTreeHead(trx, config, size + entries.length, appended.root);
  return entries.map((_, i) => size + i);
}
