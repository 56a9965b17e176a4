import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../../../core/auth/actor.js';
import { notFound } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import { recordEvent } from '../../audit/record-event.js';
import { isUuid } from '../../identity/access.js';
import { resultsInView, resultsOfWorker, wageView } from '../access.js';

export const HistoryMonth = z.object({
  period: z.string().describe('YYYY-MM'),
  contract_no: z.string(),
  employer_id: z.string(),
  employer_name: z.string(),
  currency: z.string(),
  expected_minor: z.int(),
  paid_minor: z.int(),
  status: z.enum(['paid', 'late', 'pending', 'unpaid', 'underpaid']),
  paid_on: z.string().nullable().describe('When the pay reached the expected amount (less the tolerance); null if it has not'),
  due_on: z.string(),
  deadline: z.string(),
  as_of: z.string(),
});
export const WorkerHistory = z.object({ worker_id: z.string(), months: z.array(HistoryMonth) });
export type WorkerHistory = z.infer<typeof WorkerHistory>;

/**
 * A worker's month-by-month wage check, as last reconciled. The worker sees all of it; an
 * employer only its own contracts' months; an authority its side. Nothing in view is 404,
 * and a read by anyone but the worker is audited.
 */
export async function workerHistory(db: Kysely<DB>, actor: Actor, workerId: string): Promise<WorkerHistory> {
  if (!isUuid(workerId)) throw notFound(`Worker ${workerId}`);
  const { rows } = await sql<z.infer<typeof HistoryMonth>>`
    SELECT to_char(r.month, 'YYYY-MM') AS period, c.contract_no, r.employer_id, o.name AS employer_name, r.currency,
      r.expected_minor, r.paid_minor, r.status, r.full_on AS paid_on, r.due_on, r.deadline, r.as_of
    FROM wage_results r
    JOIN contracts c ON c.employer_id = r.employer_id AND c.id = r.contract_id
    JOIN organisations o ON o.id = r.employer_id
    WHERE ${resultsOfWorker(workerId)} AND ${resultsInView(wageView(actor))}
    ORDER BY r.month DESC, c.contract_no`.execute(db);
  if (rows.length === 0) {
    const self = actor.workerId === workerId;
    if (!self) throw notFound(`Worker ${workerId}`);
  } else if (actor.workerId !== workerId) {
    await recordEvent(db, actor, {
      action: 'worker.wages.read', subjectType: 'worker', subjectId: workerId,
      organisationIds: [...new Set(rows.map((r) => r.employer_id))], details: { months: rows.length },
    });
  }
  return { worker_id: workerId, months: rows };
}
