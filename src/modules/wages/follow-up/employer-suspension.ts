import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../schema.js';

/**
 * Whether the employer's new job orders and contracts are suspended on that day for unpaid or
 * underpaid wages (corridor rule wage.follow_up.suspend_after_months; set by the follow-up run).
 * For the contracts module: refuse a new job order or contract while this is true.
 */
export async function isEmployerSuspended(db: Kysely<DB>, employerId: string, on: string): Promise<boolean> {
  const { rows } = await sql<{ suspended: boolean }>`
    SELECT EXISTS (
      SELECT 1 FROM wage_suspensions s
      WHERE s.employer_id = ${employerId} AND s.started_on <= ${on}::date AND (s.lifted_on IS NULL OR s.lifted_on > ${on}::date)
    ) AS suspended`.execute(db);
  return rows[0]!.suspended;
}
