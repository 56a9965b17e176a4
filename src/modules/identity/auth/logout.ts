import type { Kysely } from 'kysely';
import { sha256Hex } from '../../../core/crypto/secrets.js';
import type { DB } from '../../../schema.js';
import { revokeSession } from '../queries/sessions.js';

/** Ends the session of this cookie; an unknown or ended one is fine (signing out twice is no error). */
export async function logout(db: Kysely<DB>, cookie: string | undefined, now = new Date()): Promise<void> {
  if (cookie) await revokeSession(db, sha256Hex(cookie), now);
}
