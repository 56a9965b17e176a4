import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { AppError } from '../../../core/errors.js';

/**
 * RFC 8785 canonical JSON. The `canonicalize` package silently drops undefined
 * members and turns undefined array items into null, so a typo'd field would
 * change what is signed without anyone noticing: refuse anything that is not
 * plain JSON (undefined, NaN/Infinity, bigint, functions, class instances).
 */
export function canonicalJson(value: unknown): string {
  assertPlainJson(value, '');
  try {
    const text = canonicalize(value);
    if (text !== undefined) return text;
  } catch (error) {
    // Lone UTF-16 surrogates and cycles are refused by the package itself.
    throw notJson('', 'I-JSON (RFC 7493)', (error as Error).message);
  }
  throw notJson('', 'a JSON value');
}

export const sha256 = (bytes: Uint8Array | string): Uint8Array =>
  new Uint8Array(createHash('sha256').update(bytes).digest());

/** Hex SHA-256 of the canonical JSON of `value`. */
export const digestOf = (value: unknown): string => Buffer.from(sha256(canonicalJson(value))).toString('hex');

function assertPlainJson(value: unknown, pointer: string): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) throw notJson(pointer, 'a finite number', String(value));
      return;
    case 'object': {
      if (value === null) return;
      if (Array.isArray(value)) {
        value.forEach((item, i) => assertPlainJson(item, `${pointer}/${i}`));
        return;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        throw notJson(pointer, 'a plain object, array or primitive', proto?.constructor?.name ?? 'object');
      }
      for (const [key, item] of Object.entries(value)) assertPlainJson(item, `${pointer}/${escapePointer(key)}`);
      return;
    }
    default:
      throw notJson(pointer, 'a JSON value', typeof value);
  }
}

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function notJson(pointer: string, expected: string, got?: string): AppError {
  const message = `Cannot canonicalise: ${pointer || 'the value'} is ${got ?? 'not JSON'}, expected ${expected}`;
  return new AppError('validation_failed', message, [{ pointer, message, expected }]);
}
