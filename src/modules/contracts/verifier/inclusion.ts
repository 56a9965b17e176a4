import { type Bytes, concat, sha256 } from './web-crypto.js';

/** RFC 9162 2.1.3.2: the root that `proof` leads to from `leafHash`, or undefined if the path does not fit the sizes. */
export async function rootFromInclusion(
  leafHash: Bytes,
  index: number,
  size: number,
  proof: readonly Bytes[],
): Promise<Bytes | undefined> {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return undefined;
  const node = (left: Bytes, right: Bytes) => sha256(concat(Uint8Array.of(1), left, right));
  // Arithmetic, not bit operators: indexes may pass 2^31.
  const odd = (n: number) => n % 2 === 1;
  const half = (n: number) => Math.floor(n / 2);
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return undefined;
    if (odd(fn) || fn === sn) {
      r = await node(p, r);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = await node(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 ? r : undefined;
}

export const leafHashOf = (leaf: Bytes) => sha256(concat(Uint8Array.of(0), leaf));
