import { AppError } from '../../../core/errors.js';
import { foldPerfect } from './merkle-hash.js';
import { type NodeId, type Range, consistencyRanges, inclusionRanges, perfectCover } from './merkle-ranges.js';

/**
 * Where proofs read perfect-subtree hashes from. One call per proof, answers in
 * the order asked, so a database store is one `WHERE (level, index) IN (...)`.
 */
export interface NodeReader {
  getNodes(ids: readonly NodeId[]): Promise<Uint8Array[]>;
}

/** Audit path of RFC 9162 2.1.3.1 for leaf `index` in the tree of `size` leaves. */
export async function inclusionProof(index: number, size: number, reader: NodeReader): Promise<Uint8Array[]> {
  assertSize(size, 'size');
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    throw new AppError('validation_failed', `Leaf index ${index} is outside a tree of ${size} leaves`, [
      { pointer: '/index', message: 'must be at least 0 and below the tree size', expected: `0..${size - 1}` },
    ]);
  }
  return hashesOf(inclusionRanges(index, size), reader);
}

/** Consistency proof of RFC 9162 2.1.4.1 that the tree of `oldSize` is a prefix of the tree of `newSize`. */
export async function consistencyProof(oldSize: number, newSize: number, reader: NodeReader): Promise<Uint8Array[]> {
  assertSize(oldSize, 'old_size');
  assertSize(newSize, 'new_size');
  if (oldSize > newSize) {
    throw new AppError('validation_failed', `Tree size ${oldSize} is larger than ${newSize}`, [
      { pointer: '/old_size', message: 'must not exceed the new size', expected: `0..${newSize}` },
    ]);
  }
  return hashesOf(consistencyRanges(oldSize, newSize), reader);
}

/** Root of the tree of `size` leaves, from the perfect subtrees on its right edge. */
export async function rootAt(size: number, reader: NodeReader): Promise<Uint8Array> {
  assertSize(size, 'size');
  const [root] = await hashesOf(size === 0 ? [] : [[0, size]], reader);
  return root ?? foldPerfect([]);
}

async function hashesOf(ranges: readonly Range[], reader: NodeReader): Promise<Uint8Array[]> {
  const covers = ranges.map(perfectCover);
  const wanted = new Map<string, NodeId>();
  for (const id of covers.flat()) wanted.set(keyOf(id), id);
  const ids = [...wanted.values()];
  const hashes = ids.length === 0 ? [] : await reader.getNodes(ids);
  if (hashes.length !== ids.length) {
    throw new AppError('internal', `The node store returned ${hashes.length} hashes for ${ids.length} nodes`);
  }
  const byKey = new Map(ids.map((id, i) => [keyOf(id), hashes[i]!]));
  return covers.map((cover) => foldPerfect(cover.map((id) => byKey.get(keyOf(id))!)));
}

const keyOf = (id: NodeId) => `${id.level}/${id.index}`;

function assertSize(size: number, name: string): void {
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new AppError('validation_failed', `${name} must be a non-negative integer`, [
      { pointer: `/${name}`, message: 'must be a non-negative integer' },
    ]);
  }
}
