import type { Kysely, Selectable } from 'kysely';
import { notFound } from '../../core/errors.js';
import type { DB } from '../../schema.js';
import type { CorridorsTable } from './tables.js';

export type CorridorRow = Selectable<CorridorsTable>;

export function listCorridors(db: Kysely<DB>): Promise<CorridorRow[]> {
  return db.selectFrom('corridors').selectAll().orderBy('code').execute();
}

export function findCorridor(db: Kysely<DB>, code: string): Promise<CorridorRow | undefined> {
  return db.selectFrom('corridors').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function getCorridor(db: Kysely<DB>, code: string): Promise<CorridorRow> {
  const corridor = await findCorridor(db, code);
  if (!corridor) throw notFound(`Corridor ${code}`);
  return corridor;
}

/** Inside a transaction: the corridor row locked, so its versions are numbered one writer at a time. */
export function lockCorridor(db: Kysely<DB>, code: string): Promise<CorridorRow | undefined> {
  return db.selectFrom('corridors').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
}

/** True when this call created it. */
export async function insertCorridorIfMissing(db: Kysely<DB>, origin: string, destination: string): Promise<boolean> {
  const inserted = await db
    .insertInto('corridors')
    .values({ code: `${origin}-${destination}`, origin, destination })
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('code')
    .executeTakeFirst();
  return inserted !== undefined;
}
