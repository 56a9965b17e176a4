import { type Insertable, type Kysely, sql } from 'kysely';
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

/** At most 1,000 rows (25,000 parameters) per INSERT: the protocol allows 65,535. */
function* chunks<T>(rows: T[], size = 1_000): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/**
 * Inserts accepted files unless the same bytes were accepted meanwhile (a concurrent
 * submission): returns the rows that went in, as stored; the others are duplicates.
 */
export async function insertAcceptedFiles(db: Kysely<DB>, rows: Insertable<SalaryFilesTable>[]): Promise<Map<string, SalaryFileRow>> {
  if (rows.length === 0) return new Map();
  const inserted = new Map<string, SalaryFileRow>();
  for (const part of chunks(rows)) {
    const got = await db
      .insertInto('salary_files')
      .values(part)
      // The partial index's predicate as a literal: with a parameter, a prepared statement's generic
      // plan (from its sixth run) cannot prove the index applies and the insert fails.
      .onConflict((oc) => oc.column('sha256').where('status', '=', sql.lit('accepted')).doNothing())
      .returningAll()
      .execute();
    for (const r of got) inserted.set(r.id, r);
  }
  return inserted;
}

/** Inserts acknowledgements; returns them as stored. */
export async function insertFiles(db: Kysely<DB>, rows: Insertable<SalaryFilesTable>[]): Promise<Map<string, SalaryFileRow>> {
  if (rows.length === 0) return new Map();
  const inserted = new Map<string, SalaryFileRow>();
  for (const part of chunks(rows)) for (const r of await db.insertInto('salary_files').values(part).returningAll().execute()) inserted.set(r.id, r);
  return inserted;
}
