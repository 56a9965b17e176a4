import type { Kysely } from 'kysely';
import type { Config } from '../../../core/config.js';
import { AppError } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import { activeKey } from './key-store.js';
import { type TreeHead, signTreeHead } from './tree-head.js';

const HEAD_COLUMNS = ['tree_size', 'timestamp', 'root_hash', 'key_id', 'signature'] as const;

/** Locks the log for this transaction and returns its size: appends happen one at a time. */
export async function lockLog(trx: Kysely<DB>): Promise<number> {
  if (!trx.isTransaction) throw new AppError('internal', 'The registry log is appended to inside a transaction');
  const state = await trx.selectFrom('registry_log_state').select('tree_size').forUpdate().executeTakeFirstOrThrow();
  return Number(state.tree_size);
}

/** Signs the head of the new size with the log key, stores it, and moves the log state to it. */
export async function storeTreeHead(trx: Kysely<DB>, config: Config, treeSize: number, root: Uint8Array): Promise<TreeHead> {
  const key = await activeKey(trx, config, 'log');
  const head = signTreeHead({ treeSize, rootHash: root, timestamp: new Date() }, key.privateKey);
  await trx.insertInto('registry_tree_heads').values(head).execute();
  await trx.updateTable('registry_log_state').set({ tree_size: treeSize, updated_at: new Date() }).execute();
  return head;
}

export async function findLatestTreeHead(db: Kysely<DB>): Promise<TreeHead | undefined> {
  const row = await db.selectFrom('registry_tree_heads').select(HEAD_COLUMNS).orderBy('tree_size', 'desc').limit(1).executeTakeFirst();
  return row && { ...row, tree_size: Number(row.tree_size) };
}

export async function findTreeHead(db: Kysely<DB>, treeSize: number): Promise<TreeHead | undefined> {
  const row = await db.selectFrom('registry_tree_heads').select(HEAD_COLUMNS).where('tree_size', '=', treeSize).executeTakeFirst();
  return row && { ...row, tree_size: Number(row.tree_size) };
}
