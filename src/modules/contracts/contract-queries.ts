import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { DB } from '../../schema.js';
import type { ContractTransitionsTable, ContractsTable, ContractVersionsTable } from './tables.js';

export type ContractRow = Selectable<ContractsTable>;
export type VersionRow = Selectable<ContractVersionsTable>;
export type TransitionRow = Selectable<ContractTransitionsTable>;

/** Inside a transaction, lock it: one step at a time per contract. */
export function findContract(db: Kysely<DB>, id: string, lock = false): Promise<ContractRow | undefined> {
  const query = db.selectFrom('contracts').selectAll().where('id', '=', id);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

export function insertContract(db: Kysely<DB>, row: Insertable<ContractsTable>): Promise<ContractRow> {
  return db.insertInto('contracts').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateContract(db: Kysely<DB>, c: ContractRow, changes: Updateable<ContractsTable>): Promise<ContractRow> {
  return db
    .updateTable('contracts')
    .set({ ...changes, updated_at: new Date() })
    .where('employer_id', '=', c.employer_id)
    .where('id', '=', c.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listVersions(db: Kysely<DB>, c: ContractRow): Promise<VersionRow[]> {
  return db
    .selectFrom('contract_versions')
    .selectAll()
    .where('employer_id', '=', c.employer_id)
    .where('contract_id', '=', c.id)
    .orderBy('version')
    .execute();
}

export function getVersion(db: Kysely<DB>, c: ContractRow, version: number): Promise<VersionRow> {
  return db
    .selectFrom('contract_versions')
    .selectAll()
    .where('employer_id', '=', c.employer_id)
    .where('contract_id', '=', c.id)
    .where('version', '=', version)
    .executeTakeFirstOrThrow();
}

export function updateVersion(db: Kysely<DB>, v: VersionRow, changes: Updateable<ContractVersionsTable>): Promise<VersionRow> {
  return db
    .updateTable('contract_versions')
    .set(changes)
    .where('employer_id', '=', v.employer_id)
    .where('contract_id', '=', v.contract_id)
    .where('version', '=', v.version)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listTransitions(db: Kysely<DB>, c: ContractRow): Promise<TransitionRow[]> {
  return db
    .selectFrom('contract_transitions')
    .selectAll()
    .where('employer_id', '=', c.employer_id)
    .where('contract_id', '=', c.id)
    .orderBy('id')
    .execute();
}

/** Returns the row as stored (its id and time), so that a step can answer without reading the history again. */
export function insertTransition(db: Kysely<DB>, row: Insertable<ContractTransitionsTable>): Promise<TransitionRow> {
  return db.insertInto('contract_transitions').values(row).returningAll().executeTakeFirstOrThrow();
}

/** A readable, unique number: corridor, year, serial (e.g. NPL-ARE-2026-0000042). */
export async function nextContractNo(db: Kysely<DB>, corridor: string, on: Date): Promise<string> {
  const { rows } = await sql<{ n: number }>`SELECT nextval('contract_number_seq') AS n`.execute(db);
  return `${corridor}-${on.getUTCFullYear()}-${String(rows[0]!.n).padStart(7, '0')}`;
}

export async function nextVersionNumber(db: Kysely<DB>, c: ContractRow): Promise<number> {
  const row = await db
    .selectFrom('contract_versions')
    .select((eb) => eb.fn.max('version').as('last'))
    .where('employer_id', '=', c.employer_id)
    .where('contract_id', '=', c.id)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

/** Records the worker was shown a version in a language; true the first time. */
export async function recordView(db: Kysely<DB>, v: VersionRow, language: string, workerId: string): Promise<boolean> {
  const inserted = await db
    .insertInto('contract_views')
    .values({ employer_id: v.employer_id, contract_id: v.contract_id, version: v.version, language, worker_id: workerId })
    .onConflict((oc) => oc.columns(['employer_id', 'contract_id', 'version', 'language']).doNothing())
    .returning('language')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function wasViewedIn(db: Kysely<DB>, v: VersionRow, language: string): Promise<boolean> {
  const row = await db
    .selectFrom('contract_views')
    .select('language')
    .where('employer_id', '=', v.employer_id)
    .where('contract_id', '=', v.contract_id)
    .where('version', '=', v.version)
    .where('language', '=', language)
    .executeTakeFirst();
  return row !== undefined;
}

export async function viewLanguages(db: Kysely<DB>, c: ContractRow): Promise<{ version: number; language: string; first_viewed_at: Date }[]> {
  return db
    .selectFrom('contract_views')
    .select(['version', 'language', 'first_viewed_at'])
    .where('employer_id', '=', c.employer_id)
    .where('contract_id', '=', c.id)
    .orderBy('first_viewed_at')
    .execute();
}
