import { type Kysely, type RawBuilder, sql } from 'kysely';
import { AppError } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import type { MerkleNode } from './merkle-frontier.js';
import { hex } from './node-queries.js';
import type { TreeHead } from './tree-head.js';

export interface LockedLog {
  size: number;
  /** The frontier's nodes, largest first, when all of them were visible to the locking statement. */
  frontier: MerkleNode[] | undefined;
  /** The active log key's row, if there is one. */
  logKey: { key_id: string; public_key: string; private_key_encrypted: string } | undefined;
}

/**
 * Locks the log for this transaction and reads, in the same round trip, its size, the frontier
 * (one node per set bit of the size: level b, index (size >> (b+1)) << 1) and the log key; and
 * locks the contracts a batch of registrations will write (before the log, in id order, as every
 * batch does).
 * Under READ COMMITTED the subqueries see the snapshot taken before a wait for the lock, so
 * after waiting on another append the frontier may be incomplete: it is then undefined and the
 * caller reads it again. A frontier that is complete is right: nodes are inserted, never changed.
 */
export async function lockLogWithFrontier(trx: Kysely<DB>, contractIds: readonly string[] = []): Promise<LockedLog> {
  if (!trx.isTransaction) throw new AppError('internal', 'The registry log is appended to inside a transaction');
  const { rows } = await sql<{
    tree_size: number;
    frontier: { level: number; index: number; hash: string }[];
    key_id: string | null;
    public_key: string | null;
    private_key_encrypted: string | null;
  }>`
    WITH locked AS (SELECT id FROM contracts WHERE id = ANY(${[...contractIds]}::uuid[]) ORDER BY id FOR UPDATE)
    SELECT s.tree_size,
      (SELECT coalesce(json_agg(json_build_object('level', n.level, 'index', n.index, 'hash', encode(n.hash, 'hex')) ORDER BY n.level DESC), '[]')
         FROM generate_series(0, 62) AS b
         JOIN registry_nodes n ON n.level = b AND n.index = (s.tree_size >> (b + 1)) << 1
        WHERE (s.tree_size >> b) & 1 = 1) AS frontier,
      k.key_id, k.public_key, k.private_key_encrypted,
      -- Named so that the locking query runs: a WITH query no one reads is not run.
      (SELECT count(*) FROM locked) AS contracts_locked
    FROM registry_log_state s
    LEFT JOIN signing_keys k ON k.purpose = 'log' AND k.organisation_id IS NULL AND k.retired_at IS NULL
    FOR UPDATE OF s`.execute(trx);
  const row = rows[0];
  if (!row) throw new AppError('internal', 'The registry log state row is missing');
  const size = Number(row.tree_size);
  const expected = size.toString(2).split('').filter((bit) => bit === '1').length;
  const frontier =
    row.frontier.length === expected
      ? row.frontier.map((n) => ({ level: n.level, index: Number(n.index), hash: new Uint8Array(Buffer.from(n.hash, 'hex')) }))
      : undefined;
  const logKey = row.key_id ? { key_id: row.key_id, public_key: row.public_key!, private_key_encrypted: row.private_key_encrypted! } : undefined;
  return { size, frontier, logKey };
}

export interface AppendRows {
  nodes: readonly MerkleNode[];
  entries: { leafIndex: number; contractNo: string; version: number; leafJson: string; leafHash: Uint8Array; keyTermsJson: string }[];
  head: TreeHead;
}

/**
 * The new nodes, entries and tree head, and the log state moved to the new size, as four
 * data-modifying queries (arrays instead of a parameter per value) for one statement: run
 * alone by writeAppend, or inside a registration's own statement (see applyStep's `also`).
 */
export function appendWrites(rows: AppendRows): RawBuilder<unknown>[] {
  const { nodes, entries, head } = rows;
  return [
    sql`INSERT INTO registry_nodes (level, index, hash)
      SELECT level, index, decode(hash, 'hex')
      FROM unnest(${nodes.map((n) => n.level)}::smallint[], ${nodes.map((n) => n.index)}::bigint[], ${nodes.map((n) => hex(n.hash))}::text[]) AS t(level, index, hash)`,
    sql`INSERT INTO registry_entries (leaf_index, contract_no, version, leaf_json, leaf_hash, key_terms)
      SELECT leaf_index, contract_no, version, leaf_json, decode(leaf_hash, 'hex'), key_terms::jsonb
      FROM unnest(${entries.map((e) => e.leafIndex)}::bigint[], ${entries.map((e) => e.contractNo)}::text[], ${entries.map((e) => e.version)}::integer[],
        ${entries.map((e) => e.leafJson)}::text[], ${entries.map((e) => hex(e.leafHash))}::text[], ${entries.map((e) => e.keyTermsJson)}::text[])
        AS t(leaf_index, contract_no, version, leaf_json, leaf_hash, key_terms)`,
    sql`INSERT INTO registry_tree_heads (tree_size, timestamp, root_hash, key_id, signature)
      VALUES (${head.tree_size}, ${head.timestamp}, ${head.root_hash}, ${head.key_id}, ${head.signature})`,
    sql`UPDATE registry_log_state SET tree_size = ${head.tree_size}, updated_at = ${new Date()}`,
  ];
}

/** The append's writes in one statement. */
export async function writeAppend(trx: Kysely<DB>, rows: AppendRows): Promise<void> {
  const [nodes, entries, head, state] = appendWrites(rows);
  await sql`WITH nodes AS (${nodes}), entries AS (${entries}), head AS (${head}) ${state}`.execute(trx);
}
