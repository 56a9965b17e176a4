import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret, URL-safe. */
export const randomSecret = (bytes = 32) => randomBytes(bytes).toString('base64url');

export const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
