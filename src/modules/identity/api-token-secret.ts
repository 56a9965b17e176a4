import { randomInt } from 'node:crypto';
import { randomSecret, sha256Hex } from '../../core/crypto/secrets.js';

const PREFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A new API token `cor_<12 lowercase alnum>_<43 base64url>` and what is stored of it (the prefix and the secret's SHA-256). */
export function newApiToken(): { token: string; prefix: string; secretHash: string } {
  const prefix = Array.from({ length: 12 }, () => PREFIX_ALPHABET[randomInt(PREFIX_ALPHABET.length)]).join('');
  const secret = randomSecret(32);
  return { token: `cor_${prefix}_${secret}`, prefix, secretHash: sha256Hex(secret) };
}
