/**
 * The offline verification payload, version 1: what a contract's QR code carries.
 * docs/registry.md is the normative description; keep the two in step.
 */
export interface KeyTerms {
  /** ISCO-08 unit group, 4 digits. */
  isco: string;
  employer: string;
  /** Basic monthly wage in integer minor units of `currency`. */
  wage_minor: number;
  /** ISO 4217. */
  currency: string;
  /** YYYY-MM-DD. */
  start: string;
  end: string;
  /** The worker's initials: the only personal data a payload carries. */
  worker: string;
}

export const PARTY_ROLES = ['worker', 'origin', 'destination'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/** One party's Ed25519 signature over the terms message (see termsMessage). */
export interface PartySignature {
  role: PartyRole;
  /** Raw 32-byte public key, base64url. */
  key: string;
  /** 64-byte signature, base64url. */
  sig: string;
}

/** The log's signed tree head, minus its root hash: the verifier recomputes the root from the entry and the proof. */
export interface PayloadTreeHead {
  size: number;
  /** The head's timestamp, ISO 8601 UTC. */
  time: string;
  key_id: string;
  /** Ed25519 by the log key over the canonical {key_id, root_hash, timestamp, tree_size}, base64url. */
  sig: string;
}

/**
 * Short member names: the payload has to fit a QR code that a cheap phone reads
 * off paper (under 1,500 bytes for a log of a million entries).
 */
export interface OfflinePayloadV1 {
  v: 1;
  /** Contract number. */
  no: string;
  /** Contract version (amendments add versions). */
  ver: number;
  terms: KeyTerms;
  /** Hex SHA-256 of the canonical JSON of the full terms. */
  terms_digest: string;
  /** Registration instant, ISO 8601 UTC. */
  at: string;
  /** The parties' signatures, when the payload embeds them; else sigs_digest. */
  sigs?: PartySignature[];
  /** Hex SHA-256 of the canonical JSON of the signatures array, when they are not embedded. */
  sigs_digest?: string;
  /** Leaf index in the log. */
  index: number;
  /** The inclusion proof: its 32-byte hashes concatenated, leaf side first, base64url. */
  proof: string;
  sth: PayloadTreeHead;
}

/** The log leaf: its canonical JSON is what the Merkle tree commits to. */
export interface RegistryLeafV1 {
  v: 1;
  contract_no: string;
  version: number;
  terms_digest: string;
  /** Hex SHA-256 of the canonical JSON of the key terms. */
  key_terms_digest: string;
  /** Hex SHA-256 of the canonical JSON of the signatures array. */
  signatures_digest: string;
  registered_at: string;
}

/** What the log key signs, the tree head of RFC 9162 in JSON. */
export interface TreeHeadMessage {
  tree_size: number;
  timestamp: string;
  root_hash: string;
  key_id: string;
}

/** The message each party signs: the terms digest, tagged so it cannot be replayed as anything else. */
export const termsMessageOf = (termsDigest: string) => ({ purpose: 'corridor.contract.terms.v1', terms_digest: termsDigest });
