import type { Kysely } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import { scopesFor, tokenScopesAllowed, type Scope } from '../../core/auth/scopes.js';
import { safeEqual, sha256Hex } from '../../core/crypto/secrets.js';
import { AppError } from '../../core/errors.js';
import type { DB } from '../../schema.js';
import type { KeptAnswers } from '../../core/db/kept-answers.js';

export const SESSION_COOKIE = 'corridor_session';
/** Sessions end this long after sign-in, whatever the activity. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** ... and after this long idle. */
export const SESSION_IDLE_MS = 60 * 60 * 1000;

export interface Authenticated {
  actor: Actor;
  /** For a browser session: the token the browser must echo on changes. */
  csrfToken?: string;
  mustChangePassword?: boolean;
}

const TOKEN_PATTERN = /^cor_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export function splitToken(token: string): { prefix: string; secret: string } | undefined {
  const m = TOKEN_PATTERN.exec(token);
  return m ? { prefix: m[1]!, secret: m[2]! } : undefined;
}

/**
 * Sign-in answers a server process may keep (kept-credentials.ts): the session's or the token's
 * row as read, by 's:' and the cookie's hash or 't:' and the token's prefix. Only rows that
 * were usable when read are kept; a kept row is checked again at every use (expiry, idle time,
 * the token's secret), and one that no longer passes is read again rather than refused.
 */
export type KeptCredentials = KeptAnswers<SessionRow | TokenRow>;

type SessionRow = NonNullable<Awaited<ReturnType<typeof readSession>>>;
type TokenRow = NonNullable<Awaited<ReturnType<typeof readToken>>>;

function readSession(db: Kysely<DB>, idHash: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([
      's.id_hash', 's.csrf_token', 's.expires_at', 's.last_seen_at', 's.revoked_at',
      'u.id as user_id', 'u.role', 'u.worker_id', 'u.disabled_at', 'u.must_change_password',
      'o.id as organisation_id', 'o.kind', 'o.country', 'o.status as organisation_status',
    ])
    .where('s.id_hash', '=', idHash)
    .executeTakeFirst();
}

function sessionUsable(row: SessionRow | undefined, now: Date): row is SessionRow {
  if (!row || row.revoked_at || row.disabled_at) return false;
  if (row.expires_at <= now || now.getTime() - row.last_seen_at.getTime() > SESSION_IDLE_MS) return false;
  return !(row.organisation_id && row.organisation_status !== 'active');
}

/** The kept row if it still passes `usable`, else the row read now (kept if it passes). */
async function keptOrRead<R extends SessionRow | TokenRow>(
  kept: KeptCredentials | undefined,
  key: string,
  usable: (row: R | undefined) => boolean,
  read: () => Promise<R | undefined>,
): Promise<R | undefined> {
  const held = kept?.get(key) as R | undefined;
  if (held && usable(held)) return held;
  const changesBefore = kept?.changes ?? 0;
  const row = await read();
  if (row && usable(row)) kept?.keep(key, changesBefore, row);
  return row;
}

/** A browser session from its cookie; undefined when absent, expired or revoked. */
export async function authenticateSession(db: Kysely<DB>, cookie: string, now = new Date(), kept?: KeptCredentials): Promise<Authenticated | undefined> {
  const idHash = sha256Hex(cookie);
  const row = await keptOrRead<SessionRow>(kept, `s:${idHash}`, (r) => sessionUsable(r, now), () => readSession(db, idHash));
  if (!sessionUsable(row, now)) return undefined;
  // Touch at most once a minute: a write per request would serialise every page load.
  if (now.getTime() - row.last_seen_at.getTime() > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', row.id_hash).execute();
    row.last_seen_at = now;
  }
  return {
    actor: {
      type: 'user',
      userId: row.user_id,
      role: row.role,
      organisationId: row.organisation_id ?? undefined,
      organisationKind: row.kind ?? undefined,
      country: row.country ?? undefined,
      workerId: row.worker_id ?? undefined,
      scopes: scopesFor(row.role, row.kind ?? undefined),
    },
    csrfToken: row.csrf_token,
    mustChangePassword: row.must_change_password,
  };
}

function readToken(db: Kysely<DB>, prefix: string) {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('organisations as o', 'o.id', 't.organisation_id')
    .select(['t.id', 't.secret_hash', 't.scopes', 't.expires_at', 't.revoked_at', 't.last_used_at', 'o.id as organisation_id', 'o.kind', 'o.country', 'o.status'])
    .where('t.prefix', '=', prefix)
    .executeTakeFirst();
}

const tokenUsable = (row: TokenRow | undefined, now: Date): row is TokenRow =>
  !!row && !row.revoked_at && !(row.expires_at && row.expires_at <= now) && row.status === 'active';

/** A machine client from its bearer token; throws on a token that is malformed, unknown, expired or revoked. */
export async function authenticateToken(db: Kysely<DB>, token: string, now = new Date(), kept?: KeptCredentials): Promise<Authenticated> {
  const parts = splitToken(token);
  // Made only when refusing: an error's stack costs more than the check of a kept token.
  const refused = () => new AppError('unauthenticated', 'The API token is not valid (malformed, unknown, expired or revoked)');
  if (!parts) throw refused();
  const row = await keptOrRead<TokenRow>(kept, `t:${parts.prefix}`, (r) => tokenUsable(r, now), () => readToken(db, parts.prefix));
  if (!tokenUsable(row, now)) throw refused();
  if (!safeEqual(row.secret_hash, sha256Hex(parts.secret))) throw refused();
  const allowed = tokenScopesAllowed(row.kind);
  // Like a session's last_seen_at, at most once a minute: a write per call would serialise a busy client's requests on one row.
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
    row.last_used_at = now;
  }
  return {
    actor: {
      type: 'token',
      tokenId: row.id,
      role: 'org_staff',
      organisationId: row.organisation_id,
      organisationKind: row.kind,
      country: row.country,
      // A token never holds more than its organisation's staff, even if the kind's scopes shrank since.
      scopes: new Set((row.scopes as string[]).filter((s): s is Scope => allowed.has(s as Scope))),
    },
  };
}
