import { AppError } from '../../../core/errors.js';
import { canonicalJson } from './canonical.js';
import type { TreeHeadMessage } from '../verifier/payload-v1.js';
import { keyIdOf, publicKeyOf, sign, verify } from './signing.js';

export interface TreeHead {
  tree_size: number;
  /** ISO 8601 UTC, e.g. 2025-02-20T10:05:00.000Z. */
  timestamp: string;
  /** Hex SHA-256 Merkle tree hash. */
  root_hash: string;
  key_id: string;
  /** Ed25519 over the canonical JSON of the other four members, base64url. */
  signature: string;
}

export type UnsignedTreeHead = TreeHeadMessage;

const UTC_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const HEX_HASH = /^[0-9a-f]{64}$/;

/** The exact bytes the log key signs. */
export const treeHeadMessage = (head: UnsignedTreeHead): string =>
  canonicalJson({ tree_size: head.tree_size, timestamp: head.timestamp, root_hash: head.root_hash, key_id: head.key_id });

export function signTreeHead(
  input: { treeSize: number; rootHash: Uint8Array | string; timestamp: Date | string },
  privateKeyPem: string,
): TreeHead {
  const head: UnsignedTreeHead = {
    tree_size: input.treeSize,
    timestamp: typeof input.timestamp === 'string' ? input.timestamp : secondsUtc(input.timestamp),
    root_hash: typeof input.rootHash === 'string' ? input.rootHash : Buffer.from(input.rootHash).toString('hex'),
    key_id: keyIdOf(publicKeyOf(privateKeyPem)),
  };
  const problem = shapeProblem(head);
  if (problem) throw new AppError('validation_failed', `Cannot sign the tree head: ${problem}`);
  return { ...head, signature: sign(privateKeyPem, treeHeadMessage(head)) };
}

/** True only for a well-formed head signed by `publicKey` (raw base64url) whose key id matches it. */
export function verifyTreeHead(head: TreeHead, publicKey: string): boolean {
  try {
    if (shapeProblem(head) || keyIdOf(publicKey) !== head.key_id) return false;
    return verify(publicKey, treeHeadMessage(head), head.signature);
  } catch {
    return false;
  }
}

// Second precision: milliseconds say nothing useful about a log and cost QR bytes.
const secondsUtc = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

function shapeProblem(head: UnsignedTreeHead): string | undefined {
  if (typeof head !== 'object' || head === null) return 'not an object';
  if (!Number.isSafeInteger(head.tree_size) || head.tree_size < 0) return 'tree_size must be a non-negative integer';
  if (typeof head.timestamp !== 'string' || !UTC_ISO.test(head.timestamp) || Number.isNaN(Date.parse(head.timestamp)))
    return 'timestamp must be ISO 8601 UTC';
  if (typeof head.root_hash !== 'string' || !HEX_HASH.test(head.root_hash)) return 'root_hash must be 64 lowercase hex digits';
  if (typeof head.key_id !== 'string' || !/^[0-9a-f]{16}$/.test(head.key_id)) return 'key_id must be 16 hex digits';
  return undefined;
}
