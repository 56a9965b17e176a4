import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign as edSign, verify as edVerify } from 'node:crypto';
import { sha256 } from './canonical.js';

export interface SigningKey {
  /** First 16 hex digits of SHA-256 of the raw public key. */
  keyId: string;
  /** Raw 32-byte Ed25519 public key, base64url. */
  publicKey: string;
  /** PKCS#8 PEM. */
  privateKey: string;
}

// DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the raw key follows.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function generateSigningKey(): SigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(publicKey.export({ format: 'der', type: 'spki' }));
  return {
    keyId: keyIdOf(raw),
    publicKey: raw.toString('base64url'),
    privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

export const keyIdOf = (rawPublicKey: Uint8Array | string): string =>
  Buffer.from(sha256(typeof rawPublicKey === 'string' ? Buffer.from(rawPublicKey, 'base64url') : rawPublicKey))
    .toString('hex')
    .slice(0, 16);

/** The raw public key (base64url) of a PKCS#8 PEM private key. */
export function publicKeyOf(privateKeyPem: string): string {
  const parsed = parsedKey(privateKeyPem);
  parsed.publicKey ??= rawPublicKey(createPublicKey(parsed.privateKey).export({ format: 'der', type: 'spki' })).toString('base64url');
  return parsed.publicKey;
}

export const sign = (privateKeyPem: string, message: Uint8Array | string): string =>
  edSign(null, toBytes(message), parsedKey(privateKeyPem).privateKey).toString('base64url');

// Parsing a PEM costs more than the Ed25519 signature itself; the few keys in use are parsed once per process.
const parsed = new Map<string, { privateKey: KeyObject; publicKey?: string }>();
const PARSED_MAX = 1000;

function parsedKey(privateKeyPem: string) {
  let entry = parsed.get(privateKeyPem);
  if (!entry) {
    entry = { privateKey: createPrivateKey(privateKeyPem) };
    if (parsed.size >= PARSED_MAX) parsed.clear();
    parsed.set(privateKeyPem, entry);
  }
  return entry;
}

/** False, never an exception, for any malformed key, message or signature. */
export function verify(publicKeyRawB64u: string, message: Uint8Array | string, signature: string): boolean {
  try {
    const raw = strictBase64url(publicKeyRawB64u, 32);
    const sig = strictBase64url(signature, 64);
    if (!raw || !sig || (typeof message !== 'string' && !(message instanceof Uint8Array))) return false;
    const key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
    return edVerify(null, toBytes(message), key, sig);
  } catch {
    return false;
  }
}

const toBytes = (message: Uint8Array | string) => (typeof message === 'string' ? Buffer.from(message, 'utf8') : message);

function rawPublicKey(spki: Buffer): Buffer {
  return spki.subarray(SPKI_PREFIX.length);
}

// Buffer.from(.., 'base64url') skips junk characters; a signature must round-trip exactly.
function strictBase64url(text: unknown, length: number): Buffer | undefined {
  if (typeof text !== 'string' || !/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.length === length && bytes.toString('base64url') === text ? bytes : undefined;
}
