import { splitPoint } from './merkle-hash.js';

/** A perfect subtree: level l, index k covers leaves [k*2^l, (k+1)*2^l). Level 0 is a leaf. */
export interface NodeId {
  level: number;
  index: number;
}

/** Half-open leaf range [start, end). */
export type Range = readonly [start: number, end: number];

/**
 * The perfect subtrees that make up [start, end), largest first. Every range the
 * RFC recursion produces starts at a multiple of the next power of two above its
 * length, so taking the largest power of two that fits is always aligned.
 */
export function perfectCover([start, end]: Range): NodeId[] {
  const ids: NodeId[] = [];
  let at = start;
  while (at < end) {
    let size = 1;
    let level = 0;
    while (size * 2 <= end - at) {
      size *= 2;
      level++;
    }
    if (at % size !== 0) throw new Error(`Range [${start}, ${end}) is not one the Merkle recursion produces`);
    ids.push({ level, index: at / size });
    at += size;
  }
  return ids;
}

/** The subtrees whose roots form PATH(m, D[n]) of RFC 9162 2.1.3.1, leaf side first. */
export function inclusionRanges(index: number, size: number): Range[] {
  const out: Range[] = [];
  const path = (start: number, end: number): void => {
    if (end - start === 1) return;
    const k = splitPoint(end - start);
    if (index < start + k) {
      path(start, start + k);
      out.push([start + k, end]);
    } else {
      path(start + k, end);
      out.push([start, start + k]);
    }
  };
  path(0, size);
  return out;
}

/** The subtrees whose roots form PROOF(m, D[n]) of RFC 9162 2.1.4.1. */
export function consistencyRanges(oldSize: number, newSize: number): Range[] {
  const out: Range[] = [];
  if (oldSize === 0 || oldSize === newSize) return out;
  const subproof = (m: number, start: number, end: number, complete: boolean): void => {
    if (m === end - start) {
      if (!complete) out.push([start, end]);
      return;
    }
    const k = splitPoint(end - start);
    if (m <= k) {
      subproof(m, start, start + k, complete);
      out.push([start + k, end]);
    } else {
      subproof(m - k, start + k, end, false);
      out.push([start, start + k]);
    }
  };
  subproof(oldSize, 0, newSize, true);
  return out;
}
