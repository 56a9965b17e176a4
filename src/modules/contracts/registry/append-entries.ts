import type { Kysely } from 'kysely';
import type { Config } from '../../../core/config.js';
import { masterKeyOf } from '../../../core/crypto/master-key.js';
import type { DB } from '../../../schema.js';
import { AppError } from '../../../core/errors.js';
import { type AppendRows, type LockedLog, lockLogWithFrontier, writeAppend } from './append-queries.js';
import { activeKey, unsealed } from './key-store.js';
import { type LeafInput, leafBytes, registryLeaf } from './leaf.js';
import { appendLeaves, loadFrontier } from './merkle-frontier.js';
import { leafHash } from './merkle-hash.js';
import { databaseNodeReader } from './node-queries.js';
import { signTreeHead } from './tree-head.js';

/**
 * Appends registered contract versions to the registry log inside the caller's transaction
 * (one writer at a time), stores the new perfect-subtree nodes and signs a new tree head.
 * Returns each entry's leaf index, in the order given. Two statements whatever the number of
 * entries (the lock with the frontier and the log key; then every row written), so the lock
 * is held for as little as possible; a third only when the lock had to wait (see
 * lockLogWithFrontier). The caller records the audit event of the registration it makes.
 */
export async function appendEntries(trx: Kysely<DB>, config: Config, entries: readonly LeafInput[]): Promise<number[]> {
  if (entries.length === 0) return [];
  const prepared = await prepareAppend(trx, config, entries);
  await writeAppend(trx, prepared.rows);
  return prepared.leafIndexes;
}

export interface PreparedAppend {
  /** Each entry's leaf index, in the order given. */
  leafIndexes: number[];
  rows: AppendRows;
}

/**
 * The first half of an append: locks the log (held to the end of the caller's transaction),
 * computes the new nodes and signs the new tree head. The caller must then write `rows` in the
 * same transaction: appendWrites(rows) gives the writes to put in a statement of its own making
 * (a registration writes them together with its step), writeAppend runs them alone.
 */
export async function prepareAppend(
  trx: Kysely<DB>,
  config: Config,
  entries: readonly LeafInput[],
  /** The log as the caller locked it already (lockLogWithFrontier) in this transaction. */
  locked?: LockedLog,
): Promise<PreparedAppend> {
  if (entries.length === 0) throw new AppError('internal', 'Nothing to append');
  locked ??= await lockLogWithFrontier(trx);
  const { size } = locked;
  const frontier = locked.frontier ?? (await loadFrontier(size, databaseNodeReader(trx)));
  // The first append ever makes the log key (and its audit event); after that it comes with the lock.
  const key = locked.logKey ? unsealed(masterKeyOf(config), locked.logKey) : await activeKey(trx, config, 'log');
  const leaves = entries.map((entry) => leafBytes(registryLeaf(entry)));
  const hashes = leaves.map((leaf) => leafHash(leaf));
  const appended = appendLeaves(frontier, hashes);
  const head = signTreeHead({ treeSize: size + entries.length, rootHash: appended.root, timestamp: new Date() }, key.privateKey);
  return {
    leafIndexes: entries.map((_, i) => size + i),
    rows: {
      nodes: appended.newNodes,
      entries: entries.map((entry, i) => ({
        leafIndex: size + i,
        contractNo: entry.contractNo,
        version: entry.version,
        leafJson: leaves[i]!,
        leafHash: hashes[i]!,
        keyTermsJson: JSON.stringify(entry.keyTerms),
      })),
      head,
    },
  };
}
