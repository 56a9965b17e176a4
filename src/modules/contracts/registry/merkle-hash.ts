import { createHash } from 'node:crypto';

/** RFC 9162 section 2.1.1: the prefixes keep a leaf from passing for an inner node. */
export const leafHash = (leaf: Uint8Array | string): Uint8Array =>
  new Uint8Array(createHash('sha256').update(Uint8Array.of(0)).update(leaf).digest());

export const nodeHash = (left: Uint8Array, right: Uint8Array): Uint8Array =>
  new Uint8Array(createHash('sha256').update(Uint8Array.of(1)).update(left).update(right).digest());

/** MTH({}) = SHA-256 of the empty string. */
export const emptyRoot = (): Uint8Array => new Uint8Array(createHash('sha256').digest());

/** Largest power of two strictly smaller than n (n >= 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[n]) straight from the definition; the reference the incremental code is tested against. */
export function rootOf(leafHashes: readonly Uint8Array[]): Uint8Array {
  if (leafHashes.length === 0) return emptyRoot();
  return subtreeRoot(leafHashes, 0, leafHashes.length);
}

function subtreeRoot(hashes: readonly Uint8Array[], start: number, end: number): Uint8Array {
  if (end - start === 1) return hashes[start]!;
  const k = splitPoint(end - start);
  return nodeHash(subtreeRoot(hashes, start, start + k), subtreeRoot(hashes, start + k, end));
}

/**
 * Root of a range from its perfect subtrees, largest (leftmost) first: the RFC
 * splits off the largest power of two on the left, so the right side folds first.
 */
export function foldPerfect(hashes: readonly Uint8Array[]): Uint8Array {
  if (hashes.length === 0) return emptyRoot();
  let root = hashes[hashes.length - 1]!;
  for (let i = hashes.length - 2; i >= 0; i--) root = nodeHash(hashes[i]!, root);
  return root;
}

export const equalBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((byte, i) => byte === b[i]);
