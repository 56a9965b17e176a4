import { randomInt } from 'node:crypto';
import { type Algorithm, hash, verify } from '@node-rs/argon2';
import type { FieldProblem } from '../../core/errors.js';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

// OWASP's argon2id minimum (19 MiB, 2 passes): ~40 ms here.
// 2 is Algorithm.Argon2id (a const enum, which isolated modules cannot read).
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of nothing anyone knows: verified against when the email is unknown, so both answers take as long. */
let decoy: Promise<string> | undefined;
export const decoyHash = () => (decoy ??= hashPassword(`decoy-${randomInt(1e9)}-${Date.now()}`));

const COMMON = new Set([
  'password1234', '123456789012', 'qwertyuiopas', '111111111111', 'passwordpassword',
  'iloveyou1234', 'administrator', 'changeme1234', 'welcome12345', 'letmein12345', 'corridor1234',
]);

/** Problems with a new password (empty when it is acceptable); `pointer` names the field it came in. */
export function passwordProblems(password: string, context: { email?: string; pointer?: string } = {}): FieldProblem[] {
  const pointer = context.pointer ?? '/password';
  const problem = (message: string, code: string, params?: Record<string, number>): FieldProblem[] => [{ pointer, message, code, ...(params ? { params } : {}) }];
  if (password.length < MIN_PASSWORD_LENGTH) return problem(`must be at least ${MIN_PASSWORD_LENGTH} characters`, 'password.too_short', { min: MIN_PASSWORD_LENGTH });
  if (password.length > MAX_PASSWORD_LENGTH) return problem(`must be at most ${MAX_PASSWORD_LENGTH} characters`, 'password.too_long', { max: MAX_PASSWORD_LENGTH });
  const lower = password.toLowerCase();
  const email = context.email?.toLowerCase();
  if (email && (lower === email || lower === email.split('@')[0])) return problem('must not be your email address', 'password.is_email');
  if (new Set(lower).size < 4) return problem('is too repetitive: use at least 4 different characters', 'password.repetitive', { min: 4 });
  if (COMMON.has(lower) || isSequence(lower)) return problem('is too easy to guess', 'password.common');
  return [];
}

function isSequence(s: string): boolean {
  const steps = new Set<number>();
  for (let i = 1; i < s.length; i++) steps.add(s.charCodeAt(i) - s.charCodeAt(i - 1));
  return steps.size === 1 && [1, -1].includes([...steps][0]!);
}

// No 0/O, 1/l/I: a one-time password is read off a screen and typed.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password: 4 groups of 5, ~114 bits. */
export function generatePassword(): string {
  const group = () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}
