import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '../../schema.js';
import type { CorridorRuleVersionsTable } from './tables.js';

export type VersionRow = Selectable<CorridorRuleVersionsTable>;

const versions = (db: Kysely<DB>) => db.selectFrom('corridor_rule_versions').selectAll();

export function listVersions(db: Kysely<DB>, code: string): Promise<VersionRow[]> {
  return versions(db).where('corridor_code', '=', code).orderBy('version').execute();
}

export function findVersion(db: Kysely<DB>, code: string, version: number, lock = false): Promise<VersionRow | undefined> {
  const query = versions(db).where('corridor_code', '=', code).where('version', '=', version);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

/** The newest version not withdrawn: what a repeated proposal is compared with. */
export function findLatestActiveVersion(db: Kysely<DB>, code: string): Promise<VersionRow | undefined> {
  return versions(db).where('corridor_code', '=', code).where('withdrawn_at', 'is', null).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

export async function nextVersionNumber(db: Kysely<DB>, code: string): Promise<number> {
  const row = await db
    .selectFrom('corridor_rule_versions')
    .select((eb) => eb.fn.max('version').as('last'))
    .where('corridor_code', '=', code)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

/**
 * The version in force on a date, per corridor: approved by both sides, valid_from on or
 * before the date, the latest valid_from winning (ties: the higher version).
 */
export function versionsInForce(db: Kysely<DB>, on: string, code?: string): Promise<VersionRow[]> {
  let query = versions(db)
    .distinctOn('corridor_code')
    .where('origin_approved_at', 'is not', null)
    .where('destination_approved_at', 'is not', null)
    .where('withdrawn_at', 'is', null)
    .where('valid_from', '<=', on)
    .orderBy('corridor_code')
    .orderBy('valid_from', 'desc')
    .orderBy('version', 'desc');
  if (code) query = query.where('corridor_code', '=', code);
  return query.execute();
}

export async function findVersionInForce(db: Kysely<DB>, code: string, on: string): Promise<VersionRow | undefined> {
  return (await versionsInForce(db, on, code))[0];
}

export function insertVersion(db: Kysely<DB>, row: Insertable<CorridorRuleVersionsTable>): Promise<VersionRow> {
  return db.insertInto('corridor_rule_versions').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateVersion(
  db: Kysely<DB>,
  code: string,
  version: number,
  changes: Updateable<CorridorRuleVersionsTable>,
): Promise<VersionRow> {
  return db
    .updateTable('corridor_rule_versions')
    .set(changes)
    .where('corridor_code', '=', code)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirstOrThrow();
}
