import { digestOf } from '../canonical.js';
import { verifyTermsSignature } from '../leaf.js';
import { equalBytes, leafHash } from '../merkle-hash.js';
import type { KeyTerms, PartySignature, RegistryLeafV1 } from '../../verifier/payload-v1.js';
import type { ProblemList } from './problems.js';

/** A log entry beside the contract version it claims to register (null fields: no such version). */
export interface EntryRow {
  leaf_index: number;
  contract_no: string;
  version: number;
  leaf_json: string;
  leaf_hash: Buffer;
  key_terms: KeyTerms;
  terms: unknown;
  terms_digest: string | null;
  signatures: PartySignature[] | null;
  cv_leaf_index: number | string | null;
}

export type KeyPurposes = ReadonlyMap<string, string>;

const PURPOSE_OF_ROLE: Record<string, string> = { worker: 'acceptance', origin: 'authority', destination: 'authority' };

/**
 * Everything one entry must satisfy: its hash is the hash of its leaf; the leaf's digests
 * are those of the stored key terms, of the stored terms (recomputed, not trusted) and of
 * the stored signatures; each signature is by a key the registry holds, for that role.
 */
export function checkEntry(row: EntryRow, keyPurposes: KeyPurposes, problems: ProblemList): void {
  const no = row.contract_no;
  const add = (message: string) => problems.add(no, `version ${row.version}, leaf ${row.leaf_index}: ${message}`);
  if (!equalBytes(leafHash(row.leaf_json), row.leaf_hash)) add('the stored leaf hash is not the hash of the stored leaf');
  let leaf: RegistryLeafV1;
  try {
    leaf = JSON.parse(row.leaf_json) as RegistryLeafV1;
  } catch {
    return add('the stored leaf is not JSON');
  }
  if (leaf.contract_no !== row.contract_no || leaf.version !== row.version) add('the leaf names another contract version');
  if (digestOf(row.key_terms) !== leaf.key_terms_digest) add('the key terms differ from those registered');
  if (row.terms_digest === null || row.signatures === null) return add('the log registers a contract version that does not exist');

  const termsDigest = digestOf(row.terms);
  if (termsDigest !== leaf.terms_digest) add('the terms were changed after registration (their digest differs from the registered one)');
  else if (row.terms_digest !== termsDigest) add('the recorded terms digest differs from the digest of the terms');
  if (row.cv_leaf_index === null || Number(row.cv_leaf_index) !== row.leaf_index) add('the contract version points at another leaf');
  if (digestOf(row.signatures) !== leaf.signatures_digest) add('the signatures differ from those registered');
  for (const signature of row.signatures) {
    const purpose = keyPurposes.get(signature.key);
    if (purpose === undefined) add(`the ${signature.role} signature is by a key the registry does not hold`);
    else if (purpose !== PURPOSE_OF_ROLE[signature.role]) add(`the ${signature.role} signature is by a ${purpose} key`);
    else if (!verifyTermsSignature(signature, termsDigest)) add(`the ${signature.role} signature does not verify over the terms`);
  }
}
