import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../../schema.js';
import { consistencyProof } from '../merkle-proofs.js';
import { verifyConsistency } from '../merkle-verify.js';
import { databaseNodeReader } from '../node-queries.js';
import { findLatestTreeHead } from '../tree-head-queries.js';
import { type EntryRow, checkEntry } from './check-entry.js';
import { TreeCheck } from './check-tree.js';
import { ProblemList, type RegistryProblem } from './problems.js';

export interface RegistryVerification {
  entries: number;
  ok: boolean;
  problems: RegistryProblem[];
}

export interface VerifyOptions {
  /** Entries per batch (memory stays bounded by it). */
  batchSize?: number;
  onStart?: (entries: number) => void;
  onProgress?: (checked: number) => void;
}

/**
 * `corridor registry verify`: re-checks the whole registry from what is stored, trusting
 * nothing derived: every entry against its contract version (terms digests recomputed,
 * signatures verified against the registry's keys), every Merkle node and every tree head
 * recomputed from the leaves, and registered versions that are missing from the log.
 */
export async function verifyRegistry(db: Kysely<DB>, options: VerifyOptions = {}): Promise<RegistryVerification> {
  const batchSize = options.batchSize ?? 10_000;
  const problems = new ProblemList();
  const keys = await db.selectFrom('signing_keys').select(['key_id', 'purpose', 'public_key']).execute();
  const keyPurposes = new Map(keys.map((k) => [k.public_key, k.purpose]));
  const logKeys = new Map(keys.filter((k) => k.purpose === 'log').map((k) => [k.key_id, k.public_key]));
  const total = Number((await db.selectFrom('registry_entries').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  options.onStart?.(total);

  const tree = new TreeCheck(db, logKeys, problems);
  let next = 0;
  for (;;) {
    const rows = await entryBatch(db, next, batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      row.leaf_index = Number(row.leaf_index);
      if (row.leaf_index !== next) problems.add(row.contract_no, `the log has no entry at index ${next} (next is ${row.leaf_index})`);
      next = row.leaf_index + 1;
      checkEntry(row, keyPurposes, problems);
    }
    // Positions, not stored indices: a gap must not shift the rebuilt tree.
    await tree.append(rows.map((row) => new Uint8Array(row.leaf_hash)), rows.map((row) => row.contract_no));
    options.onProgress?.(tree.size);
  }
  await tree.finish();
  await checkLogState(db, tree, problems);
  await checkUnlogged(db, problems);
  return { entries: total, ok: problems.ok, problems: problems.list() };
}

async function entryBatch(db: Kysely<DB>, from: number, limit: number): Promise<EntryRow[]> {
  const { rows } = await sql<EntryRow>`
    SELECT e.leaf_index, e.contract_no, e.version, e.leaf_json, e.leaf_hash, e.key_terms,
      cv.terms, cv.terms_digest, cv.signatures, cv.leaf_index AS cv_leaf_index
    FROM registry_entries e
    LEFT JOIN contracts c ON c.contract_no = e.contract_no
    LEFT JOIN contract_versions cv ON cv.employer_id = c.employer_id AND cv.contract_id = c.id AND cv.version = e.version
    WHERE e.leaf_index >= ${from}
    ORDER BY e.leaf_index
    LIMIT ${limit}`.execute(db);
  return rows;
}

/** The latest head covers the whole log, the log state agrees, and the oldest head is proved a prefix of it. */
async function checkLogState(db: Kysely<DB>, tree: TreeCheck, problems: ProblemList): Promise<void> {
  const state = await db.selectFrom('registry_log_state').select('tree_size').executeTakeFirst();
  if (Number(state?.tree_size) !== tree.size) problems.add(null, `the log state says ${state?.tree_size} entries, the log has ${tree.size}`);
  const latest = await findLatestTreeHead(db);
  if (tree.size > 0 && latest?.tree_size !== tree.size) problems.add(null, `no signed tree head covers all ${tree.size} entries`);
  const oldest = await db.selectFrom('registry_tree_heads').select(['tree_size', 'root_hash']).orderBy('tree_size').limit(1).executeTakeFirst();
  if (!oldest || !latest || Number(oldest.tree_size) >= latest.tree_size || latest.tree_size > tree.size) return;
  try {
    const proof = await consistencyProof(Number(oldest.tree_size), latest.tree_size, databaseNodeReader(db));
    const hex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));
    if (!verifyConsistency(Number(oldest.tree_size), latest.tree_size, hex(oldest.root_hash), hex(latest.root_hash), proof)) {
      problems.add(null, `the stored nodes do not prove tree head ${latest.tree_size} consistent with tree head ${oldest.tree_size}`);
    }
  } catch (err) {
    problems.add(null, `no consistency proof from tree head ${oldest.tree_size} to ${latest.tree_size}: ${(err as Error).message}`);
  }
}

/** Versions the contracts say are registered but the log does not hold: one set-based query. */
async function checkUnlogged(db: Kysely<DB>, problems: ProblemList): Promise<void> {
  const { rows } = await sql<{ contract_no: string; version: number }>`
    SELECT c.contract_no, cv.version
    FROM contract_versions cv
    JOIN contracts c ON c.employer_id = cv.employer_id AND c.id = cv.contract_id
    WHERE (cv.leaf_index IS NOT NULL OR cv.registered_at IS NOT NULL)
      AND NOT EXISTS (SELECT 1 FROM registry_entries e WHERE e.contract_no = c.contract_no AND e.version = cv.version)
    ORDER BY c.contract_no, cv.version
    LIMIT 1000`.execute(db);
  for (const row of rows) problems.add(row.contract_no, `version ${row.version} is recorded as registered but is not in the log`);
}
