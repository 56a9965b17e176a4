import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.js';

export function insertSession(
  db: Kysely<DB>,
  values: { id_hash: string; user_id: string; csrf_token: string; expires_at: Date; ip: string | null; user_agent: string | null },
) {
  return db.insertInto('sessions').values(values).execute();
}

export const revokeSession = (db: Kysely<DB>, idHash: string, now: Date) =>
  db.updateTable('sessions').set({ revoked_at: now }).where('id_hash', '=', idHash).where('revoked_at', 'is', null).execute();

/** Ends every session of a user, but the one named in `except` (the caller's own). */
export function revokeUserSessions(db: Kysely<DB>, userId: string, now: Date, except?: string) {
  let q = db.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (except) q = q.where('id_hash', '!=', except);
  return q.execute();
}
