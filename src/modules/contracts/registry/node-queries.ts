import { type Kysely, sql } from 'kysely';
import { AppError } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import type { MerkleNode } from './merkle-frontier.js';
import type { NodeReader } from './merkle-proofs.js';
import type { NodeId } from './merkle-ranges.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');

/** Perfect-subtree hashes from registry_nodes, one query per call, in the order asked. */
export const databaseNodeReader = (db: Kysely<DB>): NodeReader => ({
  async getNodes(ids: readonly NodeId[]): Promise<Uint8Array[]> {
    if (ids.length === 0) return [];
    const { rows } = await sql<{ level: number; index: string | number; hash: Buffer }>`
      SELECT n.level, n.index, n.hash
      FROM registry_nodes n
      JOIN unnest(${ids.map((id) => id.level)}::smallint[], ${ids.map((id) => id.index)}::bigint[]) AS w(level, index)
        ON n.level = w.level AND n.index = w.index`.execute(db);
    const byKey = new Map(rows.map((row) => [`${row.level}/${row.index}`, new Uint8Array(row.hash)]));
    return ids.map((id) => {
      const hash = byKey.get(`${id.level}/${id.index}`);
      if (!hash) throw new AppError('internal', `Registry node ${id.level}/${id.index} is missing`);
      return hash;
    });
  },
});

/** One INSERT, whatever the number of nodes: arrays instead of a parameter per value. */
export async function insertNodes(db: Kysely<DB>, nodes: readonly MerkleNode[]): Promise<void> {
  if (nodes.length === 0) return;
  await sql`
    INSERT INTO registry_nodes (level, index, hash)
    SELECT level, index, decode(hash, 'hex')
    FROM unnest(${nodes.map((n) => n.level)}::smallint[], ${nodes.map((n) => n.index)}::bigint[], ${nodes.map((n) => hex(n.hash))}::text[])
      AS t(level, index, hash)`.execute(db);
}

export { hex };
