// The Merkle log of RFC 9162 section 2.1, in one import.
export { emptyRoot, leafHash, nodeHash, rootOf } from './merkle-hash.js';
export type { NodeId } from './merkle-ranges.js';
export { type NodeReader, consistencyProof, inclusionProof, rootAt } from './merkle-proofs.js';
export { verifyConsistency, verifyInclusion } from './merkle-verify.js';
export {
  type AppendResult,
  type Frontier,
  type MerkleNode,
  appendLeaves,
  frontierIds,
  frontierRoot,
  frontierSize,
  loadFrontier,
} from './merkle-frontier.js';
export { MemoryNodeStore } from './memory-node-store.js';
