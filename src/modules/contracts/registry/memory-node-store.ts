import { AppError } from '../../../core/errors.js';
import type { MerkleNode } from './merkle-frontier.js';
import type { NodeReader } from './merkle-proofs.js';
import type { NodeId } from './merkle-ranges.js';

/** The node table in memory, for tests: append-only, and counts reads so batching can be checked. */
export class MemoryNodeStore implements NodeReader {
  private readonly nodes = new Map<string, Uint8Array>();
  reads = 0;

  async getNodes(ids: readonly NodeId[]): Promise<Uint8Array[]> {
    this.reads++;
    return ids.map((id) => {
      const hash = this.nodes.get(keyOf(id));
      if (!hash) throw new AppError('internal', `Merkle node ${keyOf(id)} is missing`);
      return hash;
    });
  }

  putNodes(nodes: readonly MerkleNode[]): void {
    for (const node of nodes) {
      if (this.nodes.has(keyOf(node))) throw new AppError('conflict', `Merkle node ${keyOf(node)} already exists`);
      this.nodes.set(keyOf(node), node.hash);
    }
  }

  get size(): number {
    return this.nodes.size;
  }
}

const keyOf = (id: NodeId) => `${id.level}/${id.index}`;
