import { type Kysely, type Selectable, type Updateable, sql } from 'kysely';
import type { Role } from '../../../core/auth/scopes.js';
import type { DB } from '../../../schema.js';
import type { UsersTable } from '../tables.js';

export type UserRow = Selectable<UsersTable>;

/** Consecutive failures that lock an account, and for how long. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 15 * 60 * 1000;

export const findUser = (db: Kysely<DB>, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const findUserByEmail = (db: Kysely<DB>, email: string) =>
  db.selectFrom('users').selectAll().where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();

export const findUserByWorker = (db: Kysely<DB>, workerId: string) =>
  db.selectFrom('users').selectAll().where('worker_id', '=', workerId).executeTakeFirst();

export const platformAdminExists = async (db: Kysely<DB>) =>
  !!(await db.selectFrom('users').select('id').where('role', '=', 'platform_admin').limit(1).executeTakeFirst());

export function insertUser(
  db: Kysely<DB>,
  values: {
    email: string;
    display_name: string;
    role: Role;
    organisation_id: string | null;
    worker_id: string | null;
    password_hash: string;
    must_change_password: boolean;
    language?: string;
  },
) {
  return db.insertInto('users').values(values).returningAll().executeTakeFirstOrThrow();
}

export const updateUser = (db: Kysely<DB>, id: string, patch: Updateable<UsersTable>) =>
  db.updateTable('users').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

/** Counts a failed sign-in in one statement; the 5th in a row locks the account and starts the count again. */
export async function recordFailedLogin(db: Kysely<DB>, id: string, now: Date): Promise<Date | null> {
  const lockUntil = new Date(now.getTime() + LOCK_MS);
  const row = await db
    .updateTable('users')
    .set({
      failed_logins: sql`CASE WHEN failed_logins + 1 >= ${MAX_FAILED_LOGINS} THEN 0 ELSE failed_logins + 1 END`,
      locked_until: sql`CASE WHEN failed_logins + 1 >= ${MAX_FAILED_LOGINS} THEN ${lockUntil}::timestamptz ELSE locked_until END`,
    })
    .where('id', '=', id)
    .returning('locked_until')
    .executeTakeFirstOrThrow();
  return row.locked_until && row.locked_until > now ? row.locked_until : null;
}

export const listUsers = (db: Kysely<DB>, organisationId?: string) => {
  let q = db.selectFrom('users').selectAll();
  if (organisationId) q = q.where('organisation_id', '=', organisationId);
  return q.orderBy('email').execute();
};
