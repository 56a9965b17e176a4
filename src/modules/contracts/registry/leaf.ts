import {
  type KeyTerms,
  type PartyRole,
  type PartySignature,
  type RegistryLeafV1,
  termsMessageOf,
} from '../verifier/payload-v1.js';
import { canonicalJson, digestOf } from './canonical.js';
import { leafHash } from './merkle-hash.js';
import { sign, verify } from './signing.js';

export interface LeafInput {
  contractNo: string;
  version: number;
  /** Hex SHA-256 of the canonical full terms (digestOf(terms)). */
  termsDigest: string;
  keyTerms: KeyTerms;
  signatures: PartySignature[];
  /** ISO 8601 UTC. */
  registeredAt: string;
}

/** What the worker and each authority sign: the canonical JSON of the tagged terms digest. */
export const termsMessage = (termsDigest: string): string => canonicalJson(termsMessageOf(termsDigest));

export const signTerms = (role: PartyRole, privateKeyPem: string, publicKey: string, termsDigest: string): PartySignature => ({
  role,
  key: publicKey,
  sig: sign(privateKeyPem, termsMessage(termsDigest)),
});

export const verifyTermsSignature = (signature: PartySignature, termsDigest: string): boolean =>
  verify(signature.key, termsMessage(termsDigest), signature.sig);

/**
 * The log entry. Key terms and signatures enter as digests: the public log does
 * not list employers and wages, a QR code need not carry three signatures, and a
 * payload that shows other key terms still rebuilds another leaf.
 */
export const registryLeaf = (input: LeafInput): RegistryLeafV1 => ({
  v: 1,
  contract_no: input.contractNo,
  version: input.version,
  terms_digest: input.termsDigest,
  key_terms_digest: digestOf(input.keyTerms),
  signatures_digest: digestOf(input.signatures),
  registered_at: input.registeredAt,
});

/** The bytes the tree commits to for this entry. */
export const leafBytes = (leaf: RegistryLeafV1): string => canonicalJson(leaf);

export const registryLeafHash = (leaf: RegistryLeafV1): Uint8Array => leafHash(leafBytes(leaf));
