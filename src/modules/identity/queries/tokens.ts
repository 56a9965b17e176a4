import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../../schema.js';
import type { ApiTokensTable } from '../tables.js';

export type TokenRow = Selectable<ApiTokensTable>;

export function insertToken(
  db: Kysely<DB>,
  values: {
    prefix: string;
    secret_hash: string;
    name: string;
    organisation_id: string;
    created_by: string | null;
    scopes: string[];
    expires_at: Date | null;
  },
) {
  return db.insertInto('api_tokens').values(values).returningAll().executeTakeFirstOrThrow();
}

export const findToken = (db: Kysely<DB>, id: string) =>
  db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();

export const listTokens = (db: Kysely<DB>, organisationId?: string) => {
  let q = db.selectFrom('api_tokens').selectAll();
  if (organisationId) q = q.where('organisation_id', '=', organisationId);
  return q.orderBy('created_at', 'desc').orderBy('id').execute();
};

export const revokeToken = (db: Kysely<DB>, id: string, now: Date) =>
  db.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
