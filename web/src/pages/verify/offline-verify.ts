import { verifyPayload, type VerificationResult } from '../../../../src/modules/contracts/verifier/verify-payload.js';
import { fromBase64url } from '../../../../src/modules/contracts/verifier/web-crypto.js';

const KEYS_STORAGE = 'corridor.registry-keys';

/** The registry's log keys, fetched when online and kept on the device: the trust anchor offline. */
export async function trustedLogKeys(): Promise<string[]> {
  const cached = readCached();
  try {
    const response = await fetch('/.well-known/corridor-registry.json', { credentials: 'omit' });
    if (!response.ok) return cached;
    const body = (await response.json()) as { keys?: { purpose: string; public_key: string }[] };
    const keys = (body.keys ?? []).filter((k) => k.purpose === 'log').map((k) => k.public_key);
    const merged = [...new Set([...cached, ...keys])];
    localStorage.setItem(KEYS_STORAGE, JSON.stringify(merged));
    return merged;
  } catch {
    return cached; // offline: what this device saw last
  }
}

function readCached(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEYS_STORAGE) ?? '[]');
    return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

/** The payload a QR link carries after '#': base64url of its JSON. Undefined if it is not that. */
export function payloadFromFragment(fragment: string): unknown {
  const bytes = fromBase64url(fragment.replace(/^#/, ''));
  if (!bytes || bytes.length === 0) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

export async function verifyOffline(payload: unknown): Promise<VerificationResult> {
  return verifyPayload(payload, await trustedLogKeys());
}

export type { VerificationResult };
