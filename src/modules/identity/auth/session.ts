import type { Kysely } from 'kysely';
import { randomSecret, sha256Hex } from '../../../core/crypto/secrets.js';
import type { DB } from '../../../schema.js';
import { SESSION_TTL_MS } from '../authenticate.js';
import { insertSession } from '../queries/sessions.js';

export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}

export interface NewSession {
  /** The cookie value: given to the browser, stored only as its SHA-256. */
  cookie: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(db: Kysely<DB>, userId: string, client: ClientInfo, now: Date): Promise<NewSession> {
  const cookie = randomSecret(32);
  const csrfToken = randomSecret(32);
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await insertSession(db, {
    id_hash: sha256Hex(cookie),
    user_id: userId,
    csrf_token: csrfToken,
    expires_at: expiresAt,
    ip: client.ip ?? null,
    user_agent: client.userAgent?.slice(0, 500) ?? null,
  });
  return { cookie, csrfToken, expiresAt };
}
