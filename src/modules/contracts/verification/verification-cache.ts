import type { Kysely } from 'kysely';
import type { Database } from '../../../core/db/database.js';
import type { DB } from '../../../schema.js';
import { KeptAnswers } from '../../../core/db/kept-answers.js';
import { inclusionProof } from '../registry/merkle-proofs.js';
import { databaseNodeReader } from '../registry/node-queries.js';
import { findLatestTreeHead } from '../registry/tree-head-queries.js';
import type { TreeHead } from '../registry/tree-head.js';

/**
 * What public verification may reuse between requests, for one database (one per server):
 *  - the tree head it proves against, read again at most every `headMaxAgeMs` (as a CT log
 *    publishes a signed tree head periodically), and at once when a contract's leaf is not in
 *    it yet, so a contract is verifiable as soon as its registration commits;
 *  - inclusion proofs by (leaf index, tree size): a proof never changes, nodes are append-only;
 *  - offline payloads by (leaf index, signed tree head), kept with the entry and signatures they were
 *    built from and used only when the row read now has the very same ones (building one
 *    canonicalises and hashes the leaf and the signatures and checks the proof).
 *  - whole answers by contract number, only while the process hears the database announce every
 *    registration and every change of a registered contract's status (migration 0017,
 *    `hearContractChanges`): an answer is forgotten as soon as the change commits, so it is never
 *    staler than the notification's trip. Without hearing (not yet, or the connection was lost)
 *    nothing is kept and every request reads the contract.
 * Each server process keeps its own (decision 0011): nothing in it can be made wrong by another.
 */
export interface VerificationCache {
  headMaxAgeMs: number;
  head?: { value: TreeHead; readAt: number };
  proofs: Map<string, Uint8Array[]>;
  payloads: Map<string, { leafJson: string; signaturesJson: string; payload: unknown }>;
  answers: KeptAnswers<unknown>;
}

const PROOFS_MAX = 100_000;

export const verificationCache = (headMaxAgeMs = 1000): VerificationCache => ({
  headMaxAgeMs,
  proofs: new Map(),
  payloads: new Map(),
  // About 2–3 KB each (the offline payload carries the proof); renewed after a minute, so that their tree head and proof do not grow old.
  answers: new KeptAnswers<unknown>(20_000, 60_000),
});

export const CONTRACT_CHANGED = 'corridor_contract_changed';

/** Listens for registered contracts' changes and forgets their answers (see KeptAnswers.hear). Returns what stops it. */
export function hearContractChanges(database: Database, cache: VerificationCache, retryMs = 1000): Promise<() => Promise<void>> {
  return cache.answers.hear(database, CONTRACT_CHANGED, (contractNo) => cache.answers.forget(contractNo), retryMs);
}

/** The answer kept for this contract, while it may be trusted. */
export const keptAnswer = <T>(cache: VerificationCache | undefined, contractNo: string) => cache?.answers.get(contractNo) as T | undefined;

/** Keeps an answer read when `changesBefore` changes had been heard, unless one was heard since. */
export function keepAnswer(cache: VerificationCache | undefined, contractNo: string, changesBefore: number, value: unknown): void {
  cache?.answers.keep(contractNo, changesBefore, value);
}

/** The payload built from exactly this entry and these signatures against this signed head, or build it and keep it. */
export function payloadFor<T>(
  cache: VerificationCache | undefined,
  leafIndex: number,
  head: TreeHead,
  leafJson: string,
  signatures: unknown,
  build: () => T,
): T {
  if (!cache) return build();
  const key = `${leafIndex}/${head.tree_size}/${head.signature}`;
  const signaturesJson = JSON.stringify(signatures);
  const cached = cache.payloads.get(key);
  if (cached && cached.leafJson === leafJson && cached.signaturesJson === signaturesJson) return cached.payload as T;
  const payload = build();
  if (cache.payloads.size >= PROOFS_MAX) cache.payloads.clear();
  cache.payloads.set(key, { leafJson, signaturesJson, payload });
  return payload;
}

/** A signed tree head that contains `leafIndex`: the cached one while fresh, else the latest. */
export async function headFor(db: Kysely<DB>, leafIndex: number, cache?: VerificationCache): Promise<TreeHead | undefined> {
  const now = Date.now();
  const cached = cache?.head;
  if (cached && now - cached.readAt < cache.headMaxAgeMs && leafIndex < cached.value.tree_size) return cached.value;
  const head = await findLatestTreeHead(db);
  if (head && cache) cache.head = { value: head, readAt: now };
  return head;
}

export async function proofFor(db: Kysely<DB>, leafIndex: number, treeSize: number, cache?: VerificationCache): Promise<Uint8Array[]> {
  const key = `${leafIndex}/${treeSize}`;
  const cached = cache?.proofs.get(key);
  if (cached) return cached;
  const proof = await inclusionProof(leafIndex, treeSize, databaseNodeReader(db));
  if (cache) {
    // Proofs against an older head are no longer asked for once the head moves on: start afresh rather than track use.
    if (cache.proofs.size >= PROOFS_MAX) cache.proofs.clear();
    cache.proofs.set(key, proof);
  }
  return proof;
}
