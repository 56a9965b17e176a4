import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../../schema.js';
import type { SalaryFilesTable } from '../tables.js';
import type { SalaryFileRow } from './acknowledgement.js';

export interface EmployerMatch {
  id: string;
  external_id: string;
  country: string;
}

/** Employers whose establishment id is one of these (as written, or without its zero padding). */
export function findEmployersByExternalId(db: Kysely<DB>, externalIds: readonly string[]): Promise<EmployerMatch[]> {
  if (externalIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('organisations')
    .select(['id', 'external_id as external_id', 'country'])
    .where('kind', '=', 'employer')
    .where('external_id', 'in', [...externalIds])
    .execute() as Promise<EmployerMatch[]>;
}

/** Of these employers, those that mandated the agent. */
export async function mandatedEmployers(db: Kysely<DB>, agentId: string, employerIds: readonly string[]): Promise<Set<string>> {
  if (employerIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('wage_mandates')
    .select('employer_id')
    .where('agent_id', '=', agentId)
    .where('employer_id', 'in', [...employerIds])
    .execute();
  return new Set(rows.map((r) => r.employer_id));
}

/** Accepted files with these hashes: sha256 -> the file. */
export async function acceptedBySha(db: Kysely<DB>, hashes: readonly string[]): Promise<Map<string, { id: string; employer_id: string | null }>> {
  if (hashes.length === 0) return new Map();
  const rows = await db
    .selectFrom('salary_files')
    .select(['id', 'sha256', 'employer_id'])
    .where('status', '=', 'accepted')
    .where('sha256', 'in', [...hashes])
    .execute();
  return new Map(rows.map((r) => [r.sha256, { id: r.id, employer_id: r.employer_id }]));
}

/**
 * Inserts accepted files unless the same bytes were accepted meanwhile (a concurrent
 * submission): returns the ids that went in; the others are duplicates.
 */
export async function insertAcceptedFiles(db: Kysely<DB>, rows: Insertable<SalaryFilesTable>[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await db
    .insertInto('salary_files')
    .values(rows)
    .onConflict((oc) => oc.column('sha256').where('status', '=', 'accepted').doNothing())
    .returning('id')
    .execute();
  return new Set(inserted.map((r) => r.id));
}

export async function insertFiles(db: Kysely<DB>, rows: Insertable<SalaryFilesTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('salary_files').values(rows).execute();
}

export function filesById(db: Kysely<DB>, ids: readonly string[]): Promise<SalaryFileRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('salary_files').selectAll().where('id', 'in', [...ids]).execute();
}
