import { type Kysely, sql } from 'kysely';
import { notFound } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import { checkDate, monthStart, today } from './period.js';
import { reconciliationCtes } from './reconciliation-sql.js';

/** CLI.md `wps status`, plus which contract it is. */
export interface WorkerStatus {
  worker_id: string;
  status: string;
  expected_minor: number;
  paid_minor: number;
  paid_on: string | null;
  contract_no: string;
  currency: string;
  due_on: string;
  deadline: string;
  as_of: string;
}

/**
 * One worker's result for a month, computed by the same statement as the reconciliation but
 * stored nowhere (a read). A worker with two contracts in the month gets the one that started last.
 */
export async function workerStatus(db: Kysely<DB>, input: { period: string; personId: string; asOf?: string }): Promise<WorkerStatus> {
  const f = { month: monthStart(input.period), asOf: checkDate(input.asOf ?? today(), 'as-of'), personId: input.personId };
  const { rows } = await sql<Omit<WorkerStatus, 'worker_id'>>`
    WITH ${reconciliationCtes(f)}
    SELECT c.status, c.expected_minor, c.paid_minor, c.full_on AS paid_on, ct.contract_no, c.currency,
      c.due_on, c.deadline, c.as_of
    FROM computed c
    JOIN contracts ct ON ct.employer_id = c.employer_id AND ct.id = c.contract_id
    JOIN contract_versions cv ON cv.employer_id = ct.employer_id AND cv.contract_id = ct.id AND cv.version = ct.registered_version
    ORDER BY cv.start_date DESC, ct.contract_no
    LIMIT 1`.execute(db);
  const row = rows[0];
  if (!row) throw notFound(`A registered contract of worker ${input.personId} active in ${input.period}`);
  return { worker_id: input.personId, ...row };
}
