import type { Kysely, Selectable } from 'kysely';
import type { OrganisationKind } from '../../../core/auth/scopes.js';
import type { DB } from '../../../schema.js';
import type { OrganisationsTable } from '../tables.js';

export type OrganisationRow = Selectable<OrganisationsTable>;

export interface OrganisationFilter {
  /** Only these ids, or (when `countryOf` is set too) these ids and the non-platform organisations of that country. */
  ids?: string[];
  countryOf?: string;
  kind?: OrganisationKind;
  country?: string;
  status?: OrganisationRow['status'];
}

export const findOrganisation = (db: Kysely<DB>, id: string) =>
  db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();

export const findPlatformOrganisation = (db: Kysely<DB>) =>
  db.selectFrom('organisations').selectAll().where('kind', '=', 'platform').orderBy('created_at').limit(1).executeTakeFirst();

export async function countryExists(db: Kysely<DB>, code: string): Promise<boolean> {
  return !!(await db.selectFrom('countries').select('code').where('code', '=', code).executeTakeFirst());
}

export function insertOrganisation(
  db: Kysely<DB>,
  values: { kind: OrganisationKind; name: string; country: string; external_id?: string | null },
) {
  return db
    .insertInto('organisations')
    .values({ ...values, external_id: values.external_id ?? null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listOrganisations(db: Kysely<DB>, filter: OrganisationFilter): Promise<OrganisationRow[]> {
  let q = db.selectFrom('organisations').selectAll();
  if (filter.ids) {
    const ids = filter.ids;
    const country = filter.countryOf;
    q = q.where((eb) =>
      eb.or([
        ...(ids.length ? [eb('id', 'in', ids)] : []),
        ...(country ? [eb.and([eb('country', '=', country), eb('kind', '!=', 'platform')])] : []),
        ...(!ids.length && !country ? [eb.lit(false)] : []),
      ]),
    );
  }
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.country) q = q.where('country', '=', filter.country);
  if (filter.status) q = q.where('status', '=', filter.status);
  return q.orderBy('name').orderBy('id').execute();
}

export const setOrganisationStatus = (db: Kysely<DB>, id: string, status: OrganisationRow['status']) =>
  db.updateTable('organisations').set({ status }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
