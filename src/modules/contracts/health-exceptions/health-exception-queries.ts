import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB } from '../../../schema.js';
import type { HealthSafeguardExceptionsTable } from '../tables.js';

export type HealthExceptionRow = Selectable<HealthSafeguardExceptionsTable>;

/** An exception valid on `on` covers this corridor and this occupation, or every health occupation. */
export async function hasHealthException(db: Kysely<DB>, corridor: string, isco: string, on: string): Promise<boolean> {
  const row = await db
    .selectFrom('health_safeguard_exceptions')
    .select('id')
    .where('corridor_code', '=', corridor)
    .where((eb) => eb.or([eb('occupation_isco', '=', isco), eb('occupation_isco', 'is', null)]))
    .where('valid_from', '<=', on)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', on)]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export function insertHealthException(db: Kysely<DB>, row: Insertable<HealthSafeguardExceptionsTable>): Promise<HealthExceptionRow> {
  return db.insertInto('health_safeguard_exceptions').values(row).returningAll().executeTakeFirstOrThrow();
}

export function listHealthExceptions(db: Kysely<DB>, corridor: string): Promise<HealthExceptionRow[]> {
  return db.selectFrom('health_safeguard_exceptions').selectAll().where('corridor_code', '=', corridor).orderBy('valid_from').execute();
}
