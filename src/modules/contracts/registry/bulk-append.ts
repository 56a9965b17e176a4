import { type Kysely, sql } from 'kysely';
import type { Config } from '../../../core/config.js';
import type { Session } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import { type Frontier, type MerkleNode, appendLeaves, frontierRoot, loadFrontier } from './merkle-frontier.js';
import { databaseNodeReader, hex } from './node-queries.js';
import { SYSTEM_ACTOR } from './system-actor.js';
import { recordEvent } from '../../audit/record-event.js';
import { lockLog, storeTreeHead } from './tree-head-queries.js';
import type { TreeHead } from './tree-head.js';

export interface BulkLeaf {
  /** SHA-256(0x00 ‖ leafJson), computed by the caller (it may use worker threads). */
  leafHash: Uint8Array;
  contractNo: string;
  version: number;
  /** The canonical leaf JSON (leafBytes(registryLeaf(input))). */
  leafJson: string;
  /** The key terms whose digest is in the leaf, as JSON. */
  keyTermsJson: string;
}

/**
 * A staging table the caller filled (e.g. with COPY): columns seq bigint (the order to
 * append in), contract_no text, version integer, leaf_json text, leaf_hash bytea, key_terms_json text.
 */
export interface StagedLeaves {
  stagingTable: string;
}

export interface BulkAppendResult {
  first: number;
  count: number;
  treeHead: TreeHead;
}

const CHUNK = 50_000;

/**
 * The legacy import's path into the log: nodes computed in memory from the frontier, entries
 * and nodes loaded with COPY in chunks of 50,000 (bounded memory), one tree head at the end.
 * `session.db` must be a transaction on the session's connection, so that COPY is part of it:
 * `database.session((s) => s.db.transaction().execute((trx) => appendLeafHashes({ ...s, db: trx }, config, leaves)))`.
 * Each stored leaf hash is then checked against its JSON in one statement; a mismatch aborts.
 */
export async function appendLeafHashes(
  session: Session,
  config: Config,
  leaves: Iterable<BulkLeaf> | AsyncIterable<BulkLeaf> | StagedLeaves,
): Promise<BulkAppendResult> {
  const trx = session.db;
  const first = await lockLog(trx);
  let frontier: Frontier = await loadFrontier(first, databaseNodeReader(trx));
  let size = first;
  const copyNodes = (nodes: MerkleNode[]) =>
    session.copyInto('registry_nodes', ['level', 'index', 'hash'], nodes.map((n) => [n.level, n.index, `\\x${hex(n.hash)}`]));

  if ('stagingTable' in leaves) {
    const table = stagingIdentifier(leaves.stagingTable);
    await sql`
      INSERT INTO registry_entries (leaf_index, contract_no, version, leaf_json, leaf_hash, key_terms)
      SELECT ${first}::bigint + row_number() OVER (ORDER BY seq) - 1, contract_no, version, leaf_json, leaf_hash, key_terms_json::jsonb
      FROM ${sql.table(table)}`.execute(trx);
    for await (const hashes of stagedHashes(trx, table)) {
      const appended = appendLeaves(frontier, hashes);
      await copyNodes(appended.newNodes);
      frontier = appended.frontier;
      size += hashes.length;
    }
  } else {
    for await (const chunk of chunks(leaves)) {
      const appended = appendLeaves(frontier, chunk.map((leaf) => leaf.leafHash));
      await session.copyInto(
        'registry_entries',
        ['leaf_index', 'contract_no', 'version', 'leaf_json', 'leaf_hash', 'key_terms'],
        chunk.map((leaf, i) => [size + i, leaf.contractNo, leaf.version, leaf.leafJson, `\\x${hex(leaf.leafHash)}`, leaf.keyTermsJson]),
      );
      await copyNodes(appended.newNodes);
      frontier = appended.frontier;
      size += chunk.length;
    }
  }

  await assertLeafHashes(trx, first);
  const count = size - first;
  if (count === 0) throw new AppError('validation_failed', 'Nothing to append: the import has no entries', []);
  const treeHead = await storeTreeHead(trx, config, size, frontierRoot(frontier));
  await recordEvent(trx, SYSTEM_ACTOR, {
    action: 'registry.bulk_appended',
    subjectType: 'registry',
    details: { first_leaf_index: first, count, tree_size: size, root_hash: treeHead.root_hash },
  });
  return { first, count, treeHead };
}

async function* chunks(leaves: Iterable<BulkLeaf> | AsyncIterable<BulkLeaf>): AsyncGenerator<BulkLeaf[]> {
  let chunk: BulkLeaf[] = [];
  for await (const leaf of leaves) {
    chunk.push(leaf);
    if (chunk.length === CHUNK) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

// Keyset pages by seq: no cursor, so it works the same on PGlite and a server.
async function* stagedHashes(trx: Kysely<DB>, table: string): AsyncGenerator<Uint8Array[]> {
  let after: string | null = null;
  for (;;) {
    const { rows }: { rows: { last_seq: string; leaf_hash: Buffer }[] } = await sql<{ last_seq: string; leaf_hash: Buffer }>`
      SELECT seq::text AS last_seq, leaf_hash FROM ${sql.table(table)}
      WHERE ${after === null ? sql`true` : sql`seq > ${after}::bigint`}
      ORDER BY seq LIMIT ${CHUNK}`.execute(trx);
    if (rows.length === 0) return;
    yield rows.map((row) => new Uint8Array(row.leaf_hash));
    after = rows[rows.length - 1]!.last_seq;
  }
}

/** The hash a caller computed must be the hash of the JSON it stored: one set-based check. */
async function assertLeafHashes(trx: Kysely<DB>, first: number): Promise<void> {
  const { rows } = await sql<{ leaf_index: number; contract_no: string }>`
    SELECT leaf_index, contract_no FROM registry_entries
    WHERE leaf_index >= ${first} AND leaf_hash <> sha256('\\x00'::bytea || convert_to(leaf_json, 'UTF8'))
    ORDER BY leaf_index LIMIT 5`.execute(trx);
  if (rows.length > 0) {
    throw new AppError(
      'validation_failed',
      `${rows.length === 5 ? 'At least 5' : rows.length} leaf hashes do not match their leaf JSON`,
      rows.map((row) => ({ pointer: `/${Number(row.leaf_index) - first}`, message: `the leaf hash of ${row.contract_no} is not SHA-256(0x00 ‖ leaf)` })),
    );
  }
}

function stagingIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new AppError('internal', `bad staging table name ${name}`);
  return name;
}
