import { AppError } from '../../../core/errors.js';
import type { OfflinePayloadV1 } from '../verifier/payload-v1.js';
import { digestOf } from './canonical.js';
import { type LeafInput, registryLeaf, registryLeafHash } from './leaf.js';
import { verifyInclusion } from './merkle-verify.js';
import type { TreeHead } from './tree-head.js';

/**
 * The offline payload for one registered contract version, against `treeHead`.
 * It refuses to assemble a payload that would not verify, so a broken QR code
 * is caught here rather than on a worker's phone.
 */
export function buildPayload(
  entry: LeafInput & { leafIndex: number },
  proof: readonly Uint8Array[],
  treeHead: TreeHead,
  options: { embedSignatures?: boolean } = {},
): OfflinePayloadV1 {
  const leafHash = registryLeafHash(registryLeaf(entry));
  const root = new Uint8Array(Buffer.from(treeHead.root_hash, 'hex'));
  if (!verifyInclusion(leafHash, entry.leafIndex, treeHead.tree_size, proof, root)) {
    throw new AppError('internal', `Entry ${entry.leafIndex} does not verify against the tree head of size ${treeHead.tree_size}`);
  }
  return {
    v: 1,
    no: entry.contractNo,
    ver: entry.version,
    terms: entry.keyTerms,
    terms_digest: entry.termsDigest,
    at: entry.registeredAt,
    // Three embedded signatures cost ~500 bytes, a third of a QR code: opt in.
    ...(options.embedSignatures ? { sigs: entry.signatures } : { sigs_digest: digestOf(entry.signatures) }),
    index: entry.leafIndex,
    proof: Buffer.concat(proof).toString('base64url'),
    sth: { size: treeHead.tree_size, time: treeHead.timestamp, key_id: treeHead.key_id, sig: treeHead.signature },
  };
}
