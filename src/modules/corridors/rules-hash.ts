import canonicalize from 'canonicalize';
import { sha256Hex } from '../../core/crypto/secrets.js';
import type { CorridorRules } from './rules.schema.js';

/** SHA-256 (hex) of the RFC 8785 canonical JSON: key order and spacing do not change it. */
export function rulesHash(rules: CorridorRules): string {
  const text = canonicalize(rules);
  if (text === undefined) throw new Error('rules cannot be canonicalised');
  return sha256Hex(text);
}
