import { canonicalJson } from './canonical-json.js';
import { leafHashOf, rootFromInclusion } from './inclusion.js';
import { shapeProblem } from './payload-shape.js';
import {
  type OfflinePayloadV1,
  type PartySignature,
  type RegistryLeafV1,
  type TreeHeadMessage,
  termsMessageOf,
} from './payload-v1.js';
import { type Bytes, fromBase64url, sha256, toHex, utf8, verifyEd25519 } from './web-crypto.js';

export interface VerificationCheck {
  /** Stable: format, log_key, signers, signature:<role>, signatures, proof, log_signature. */
  name: string;
  ok: boolean;
  message: string;
}

export interface VerificationResult {
  ok: boolean;
  checks: VerificationCheck[];
}

/**
 * Verify a contract's offline payload with no network. The payload carries no
 * root hash: the root is recomputed from the entry as shown and the proof, so the
 * log's signature over the tree head checks the key terms, the signatures, the
 * index and the proof at once. `trustedLogPublicKeys` (raw Ed25519, base64url)
 * are the only trust anchor.
 */
export async function verifyPayload(payload: unknown, trustedLogPublicKeys: readonly string[]): Promise<VerificationResult> {
  const problem = shapeProblem(payload);
  if (problem) return result([{ name: 'format', ok: false, message: problem }]);
  const p = payload as OfflinePayloadV1;
  const checks: VerificationCheck[] = [{ name: 'format', ok: true, message: 'a version 1 payload' }];

  const logKey = await findLogKey(p.sth.key_id, trustedLogPublicKeys);
  checks.push(
    logKey
      ? { name: 'log_key', ok: true, message: `the tree head names trusted log key ${p.sth.key_id}` }
      : { name: 'log_key', ok: false, message: `log key ${p.sth.key_id} is not a trusted key` },
  );

  if (p.sigs) checks.push(signersCheck(p.sigs), ...(await signatureChecks(p.sigs, p.terms_digest)));
  else
    checks.push({
      name: 'signatures',
      ok: true,
      message: 'the parties\u2019 signatures are carried as a digest: the log vouches for them; check them online',
    });

  const root = await rootOf(p);
  checks.push(
    root
      ? { name: 'proof', ok: true, message: `a path from entry ${p.index} to the root of a tree of ${p.sth.size}` }
      : { name: 'proof', ok: false, message: `the proof does not fit entry ${p.index} of a tree of ${p.sth.size}` },
  );
  checks.push(await logSignatureCheck(p, root, logKey));
  return result(checks);
}

/** The leaf the log holds for this contract version, rebuilt from the payload. */
export async function leafOf(p: OfflinePayloadV1): Promise<RegistryLeafV1> {
  return {
    v: 1,
    contract_no: p.no,
    version: p.ver,
    terms_digest: p.terms_digest,
    key_terms_digest: await digestOf(p.terms),
    signatures_digest: p.sigs ? await digestOf(p.sigs) : p.sigs_digest!,
    registered_at: p.at,
  };
}

async function rootOf(p: OfflinePayloadV1): Promise<Bytes | undefined> {
  const bytes = fromBase64url(p.proof);
  if (!bytes || bytes.length % 32 !== 0) return undefined;
  const proof = Array.from({ length: bytes.length / 32 }, (_, i) => bytes.slice(i * 32, i * 32 + 32));
  const leafHash = await leafHashOf(utf8(canonicalJson(await leafOf(p))));
  return rootFromInclusion(leafHash, p.index, p.sth.size, proof);
}

async function logSignatureCheck(p: OfflinePayloadV1, root: Bytes | undefined, logKey: Bytes | undefined) {
  const name = 'log_signature';
  if (!logKey || !root) return { name, ok: false, message: 'not checked: needs a trusted log key and a proof that fits' };
  const head: TreeHeadMessage = { tree_size: p.sth.size, timestamp: p.sth.time, root_hash: toHex(root), key_id: p.sth.key_id };
  return (await verifySig(logKey, canonicalJson(head), p.sth.sig))
    ? { name, ok: true, message: `the log signed, at ${p.sth.time}, a tree of ${p.sth.size} entries holding this contract as shown` }
    : { name, ok: false, message: 'the log did not sign a tree holding this contract as shown: it was altered or is not registered' };
}

function signersCheck(sigs: readonly PartySignature[]): VerificationCheck {
  const roles = sigs.map((s) => s.role);
  const ok = new Set(roles).size === roles.length && roles.includes('worker') && roles.some((r) => r !== 'worker');
  return {
    name: 'signers',
    ok,
    message: ok ? `signed by ${roles.join(', ')}` : 'needs one worker and at least one authority signature, each role once',
  };
}

async function signatureChecks(sigs: readonly PartySignature[], termsDigest: string): Promise<VerificationCheck[]> {
  const message = canonicalJson(termsMessageOf(termsDigest));
  return Promise.all(
    sigs.map(async (s) => {
      const ok = await verifySig(fromBase64url(s.key), message, s.sig);
      const text = ok ? `the ${s.role} signed the terms digest` : `the ${s.role} signature does not match the terms digest`;
      return { name: `signature:${s.role}`, ok, message: text };
    }),
  );
}

async function findLogKey(keyId: string, trusted: readonly string[]): Promise<Bytes | undefined> {
  for (const text of trusted) {
    const key = typeof text === 'string' ? fromBase64url(text) : undefined;
    if (key?.length === 32 && toHex(await sha256(key)).slice(0, 16) === keyId) return key;
  }
  return undefined;
}

async function verifySig(key: Bytes | undefined, message: string, signature: string): Promise<boolean> {
  const sig = fromBase64url(signature);
  return key !== undefined && sig !== undefined && verifyEd25519(key, utf8(message), sig);
}

const digestOf = async (value: unknown) => toHex(await sha256(utf8(canonicalJson(value))));
const result = (checks: VerificationCheck[]): VerificationResult => ({ ok: checks.every((c) => c.ok), checks });
