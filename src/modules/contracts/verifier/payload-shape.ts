import { type OfflinePayloadV1, PARTY_ROLES } from './payload-v1.js';

type Check = (value: unknown) => boolean;

const str = (pattern: RegExp, max = 200): Check => (v) => typeof v === 'string' && v.length <= max && pattern.test(v);
const int = (min: number): Check => (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= min;
const HEX64 = str(/^[0-9a-f]{64}$/);
const DATE = str(/^\d{4}-\d{2}-\d{2}$/);
const INSTANT = str(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/);
const B64U = str(/^[A-Za-z0-9_-]+$/, 4000);
const TEXT = str(/^[^\u0000-\u001f]+$/);

const KEY_TERMS: Record<string, Check> = {
  isco: str(/^\d{4}$/),
  employer: TEXT,
  wage_minor: int(0),
  currency: str(/^[A-Z]{3}$/),
  start: DATE,
  end: DATE,
  worker: str(/^[^\u0000-\u001f]{1,12}$/),
};
const SIGNATURE: Record<string, Check> = {
  role: (v) => (PARTY_ROLES as readonly unknown[]).includes(v),
  key: B64U,
  sig: B64U,
};
const TREE_HEAD: Record<string, Check> = {
  size: int(1),
  time: INSTANT,
  key_id: str(/^[0-9a-f]{16}$/),
  sig: B64U,
};
const PAYLOAD: Record<string, Check> = {
  v: (v) => v === 1,
  no: TEXT,
  ver: int(1),
  terms: object(KEY_TERMS),
  terms_digest: HEX64,
  at: INSTANT,
  index: int(0),
  proof: (v) => v === '' || B64U(v),
  sth: object(TREE_HEAD),
};
// Exactly one of the two: the signatures themselves, or their digest.
const SIGNATURES: Record<string, Check> = {
  sigs: (v) => Array.isArray(v) && v.length > 0 && v.length <= 8 && v.every(object(SIGNATURE)),
  sigs_digest: HEX64,
};

/** Exactly the members of version 1, each of the right type: an unknown member is refused, not ignored. */
function object(members: Record<string, Check>): Check {
  return (v) =>
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.keys(v).length === Object.keys(members).length &&
    Object.entries(members).every(([name, check]) => Object.hasOwn(v, name) && check((v as Record<string, unknown>)[name]));
}

/** The first member that is missing, unknown or malformed, or undefined if the payload has the version 1 shape. */
export function shapeProblem(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return 'the payload is not a JSON object';
  const record = payload as Record<string, unknown>;
  if (record.v !== 1) return `unsupported payload version ${JSON.stringify(record.v)}`;
  const unknown = Object.keys(record).find((name) => !Object.hasOwn(PAYLOAD, name) && !Object.hasOwn(SIGNATURES, name));
  if (unknown) return `unknown member "${unknown}"`;
  const bad = Object.entries(PAYLOAD).find(([name, check]) => !check(record[name]));
  if (bad) return `member "${bad[0]}" is missing or malformed`;
  const carried = Object.keys(SIGNATURES).filter((name) => Object.hasOwn(record, name));
  if (carried.length !== 1) return 'the payload needs exactly one of "sigs" and "sigs_digest"';
  return SIGNATURES[carried[0]!]!(record[carried[0]!]) ? undefined : `member "${carried[0]}" is malformed`;
}

export const isPayloadV1 = (payload: unknown): payload is OfflinePayloadV1 => shapeProblem(payload) === undefined;
