import { foldPerfect, nodeHash } from './merkle-hash.js';
import type { NodeReader } from './merkle-proofs.js';
import { type NodeId, perfectCover } from './merkle-ranges.js';

export interface MerkleNode extends NodeId {
  hash: Uint8Array;
}

/**
 * The perfect subtrees on the right edge of the tree, largest (leftmost) first:
 * one per set bit of the size, so O(log n). Enough to append and to compute the root.
 */
export type Frontier = readonly MerkleNode[];

export interface AppendResult {
  /** Every perfect subtree completed by the append, leaves included; a store inserts them and never updates. */
  newNodes: MerkleNode[];
  frontier: Frontier;
  root: Uint8Array;
}

export const frontierSize = (frontier: Frontier): number =>
  frontier.reduce((size, node) => size + 2 ** node.level, 0);

export const frontierRoot = (frontier: Frontier): Uint8Array => foldPerfect(frontier.map((node) => node.hash));

/** Node ids of the frontier of a tree of `size` leaves, to load it back from a store. */
export const frontierIds = (size: number): NodeId[] => (size === 0 ? [] : perfectCover([0, size]));

export async function loadFrontier(size: number, reader: NodeReader): Promise<Frontier> {
  const ids = frontierIds(size);
  const hashes = ids.length === 0 ? [] : await reader.getNodes(ids);
  return ids.map((id, i) => ({ ...id, hash: hashes[i]! }));
}

export function appendLeaves(frontier: Frontier, leafHashes: readonly Uint8Array[]): AppendResult {
  assertFrontier(frontier);
  const edge = [...frontier];
  const newNodes: MerkleNode[] = [];
  let size = frontierSize(frontier);
  for (const hash of leafHashes) {
    let node: MerkleNode = { level: 0, index: size, hash };
    newNodes.push(node);
    // Equal-sized neighbours merge like a binary counter carrying.
    while (edge.length > 0 && edge[edge.length - 1]!.level === node.level) {
      const left = edge.pop()!;
      node = { level: node.level + 1, index: left.index / 2, hash: nodeHash(left.hash, node.hash) };
      newNodes.push(node);
    }
    edge.push(node);
    size++;
  }
  return { newNodes, frontier: edge, root: frontierRoot(edge) };
}

function assertFrontier(frontier: Frontier): void {
  let offset = 0;
  frontier.forEach((node, i) => {
    const width = 2 ** node.level;
    const shrinking = i === 0 || node.level < frontier[i - 1]!.level;
    if (!shrinking || node.index * width !== offset || node.hash.length !== 32) {
      throw new Error(`Frontier node ${i} (level ${node.level}, index ${node.index}) is not on the right edge`);
    }
    offset += width;
  });
}
