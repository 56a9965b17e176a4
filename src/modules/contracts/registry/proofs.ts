import type { Kysely } from 'kysely';
import { AppError, notFound } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import { consistencyProof, inclusionProof } from './merkle-proofs.js';
import { databaseNodeReader } from './node-queries.js';
import { findTreeHead } from './tree-head-queries.js';

const hexAll = (hashes: readonly Uint8Array[]) => hashes.map((h) => Buffer.from(h).toString('hex'));

async function logSize(db: Kysely<DB>): Promise<number> {
  const state = await db.selectFrom('registry_log_state').select('tree_size').executeTakeFirstOrThrow();
  return Number(state.tree_size);
}

function beyond(size: number, logSize: number, pointer: string): AppError {
  return new AppError('validation_failed', `The log has ${logSize} entries; there is no tree of ${size}`, [
    { pointer, message: 'must not exceed the size of the log', expected: `0..${logSize}` },
  ]);
}

/** The proof that a contract version is in the tree of `treeSize` (default: the whole log). */
export async function inclusionProofFor(db: Kysely<DB>, query: { contract_no: string; version?: number; tree_size?: number }) {
  let entries = db
    .selectFrom('registry_entries')
    .select(['leaf_index', 'version', 'leaf_json', 'leaf_hash'])
    .where('contract_no', '=', query.contract_no);
  if (query.version !== undefined) entries = entries.where('version', '=', query.version);
  const entry = await entries.orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!entry) throw notFound(`Registry entry for ${query.contract_no}${query.version ? ` version ${query.version}` : ''}`);
  const size = await logSize(db);
  const treeSize = query.tree_size ?? size;
  if (treeSize > size) throw beyond(treeSize, size, '/tree_size');
  const leafIndex = Number(entry.leaf_index);
  if (leafIndex >= treeSize) {
    throw new AppError('validation_failed', `Entry ${leafIndex} is not in the tree of ${treeSize}`, [
      { pointer: '/tree_size', message: 'must be larger than the leaf index', expected: `${leafIndex + 1}..${size}` },
    ]);
  }
  return {
    contract_no: query.contract_no,
    version: entry.version,
    leaf_index: leafIndex,
    tree_size: treeSize,
    leaf: entry.leaf_json,
    leaf_hash: Buffer.from(entry.leaf_hash).toString('hex'),
    audit_path: hexAll(await inclusionProof(leafIndex, treeSize, databaseNodeReader(db))),
    tree_head: (await findTreeHead(db, treeSize)) ?? null,
  };
}

/** The proof that the tree of `first` entries is a prefix of the tree of `second`. */
export async function consistencyProofFor(db: Kysely<DB>, first: number, second: number) {
  const size = await logSize(db);
  if (second > size) throw beyond(second, size, '/second');
  return { first, second, consistency_path: hexAll(await consistencyProof(first, second, databaseNodeReader(db))) };
}
