import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../../../core/auth/actor.js';
import type { DB } from '../../../schema.js';
import { recordEvent } from '../../audit/record-event.js';
import { initialsOf } from '../../contracts/initials.js';
import { WAGE_STATUSES } from '../tables.js';
import { resultsInView, wageView } from '../access.js';
import { monthStart, Period } from './period.js';

export const ContractResultsQuery = z.object({
  period: Period.optional().describe('One month; all reconciled months when absent'),
  employer: z.uuid().optional().describe('One employer organisation'),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});
export type ContractResultsQuery = z.infer<typeof ContractResultsQuery>;

export const ContractResult = z.object({
  period: z.string().describe('YYYY-MM'),
  contract_id: z.string(),
  contract_no: z.string(),
  employer_id: z.string(),
  employer_name: z.string(),
  worker_id: z.string(),
  worker_initials: z.string().describe('The only personal data shown with a contract'),
  currency: z.string(),
  expected_minor: z.int(),
  paid_minor: z.int(),
  status: z.enum(WAGE_STATUSES),
  paid_on: z.string().nullable().describe('When the pay reached the expected amount (less the tolerance); null if it has not'),
  deadline: z.string(),
  as_of: z.string(),
});
export const ContractResults = z.object({ results: z.array(ContractResult) });
export type ContractResults = z.infer<typeof ContractResults>;

type Row = Omit<z.infer<typeof ContractResult>, 'worker_initials'> & { worker_name: string };

/**
 * Each contract's reconciled month, within the actor's view (an employer: its own workers only),
 * newest month first. Workers appear by initials; the read is audited for the employers concerned.
 */
export async function listContractResults(db: Kysely<DB>, actor: Actor, query: ContractResultsQuery): Promise<ContractResults> {
  const { rows } = await sql<Row>`
    SELECT to_char(r.month, 'YYYY-MM') AS period, r.contract_id, c.contract_no, r.employer_id, o.name AS employer_name,
      r.worker_id, w.full_name AS worker_name, r.currency, r.expected_minor, r.paid_minor, r.status, r.full_on AS paid_on, r.deadline, r.as_of
    FROM wage_results r
    JOIN contracts c ON c.employer_id = r.employer_id AND c.id = r.contract_id
    JOIN organisations o ON o.id = r.employer_id
    JOIN workers w ON w.id = r.worker_id
    WHERE ${resultsInView(wageView(actor))}
      ${query.period ? sql`AND r.month = ${monthStart(query.period)}::date` : sql``}
      ${query.employer ? sql`AND r.employer_id = ${query.employer}` : sql``}
    ORDER BY r.month DESC, c.contract_no
    LIMIT ${query.limit}`.execute(db);
  if (rows.length > 0 && !actor.workerId)
    await recordEvent(db, actor, {
      action: 'wages.results.read', subjectType: 'wage_results', subjectId: null,
      organisationIds: [...new Set(rows.map((r) => r.employer_id))],
      details: { period: query.period ?? null, months: rows.length, workers: new Set(rows.map((r) => r.worker_id)).size },
    });
  return { results: rows.map(({ worker_name, ...r }) => ({ ...r, worker_initials: initialsOf(worker_name) })) };
}
