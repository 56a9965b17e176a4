import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.js';
import { inclusionProof } from '../registry/merkle-proofs.js';
import { databaseNodeReader } from '../registry/node-queries.js';
import { findLatestTreeHead } from '../registry/tree-head-queries.js';
import type { TreeHead } from '../registry/tree-head.js';

/**
 * What public verification may reuse between requests, for one database (one per server):
 *  - the tree head it proves against, read again at most every `headMaxAgeMs` (as a CT log
 *    publishes a signed tree head periodically), and at once when a contract's leaf is not in
 *    it yet, so a contract is verifiable as soon as its registration commits;
 *  - inclusion proofs by (leaf index, tree size): a proof never changes, nodes are append-only.
 * The contract's status and its entry are read on every request: they are never stale.
 */
export interface VerificationCache {
  headMaxAgeMs: number;
  head?: { value: TreeHead; readAt: number };
  proofs: Map<string, Uint8Array[]>;
}

const PROOFS_MAX = 100_000;

export const verificationCache = (headMaxAgeMs = 1000): VerificationCache => ({ headMaxAgeMs, proofs: new Map() });

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
