import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../../../core/auth/actor.js';
import type { DB } from '../../../schema.js';
import { resultsInView, wageView } from '../access.js';
import { Period } from '../reconcile/period.js';

export const ComplianceQuery = z.object({
  period: Period.optional(),
  employer: z.uuid().optional().describe('One employer organisation'),
});
export type ComplianceQuery = z.infer<typeof ComplianceQuery>;

export const ComplianceMonth = z.object({
  employer_id: z.string(),
  employer_name: z.string(),
  period: z.string(),
  contracts: z.int().describe('Contracts active in the month'),
  paid: z.int().describe('Of which paid in full by the deadline (status paid)'),
  compliance: z.number().describe('paid / contracts (PRODUCT.md 5.3)'),
  open_cases: z.int().describe('Follow-up cases of the month still open'),
  suspended: z.boolean().describe('New job orders and contracts suspended today'),
});
export const ComplianceReport = z.object({ months: z.array(ComplianceMonth) });
export type ComplianceReport = z.infer<typeof ComplianceReport>;

/** Employer compliance per month = workers paid (status paid) / contracts active, within the actor's view, from the stored reconciliation. */
export async function employerCompliance(db: Kysely<DB>, actor: Actor, query: ComplianceQuery): Promise<ComplianceReport> {
  const { rows } = await sql<Omit<z.infer<typeof ComplianceMonth>, 'compliance'>>`
    SELECT r.employer_id, o.name AS employer_name, to_char(r.month, 'YYYY-MM') AS period,
      count(*)::int AS contracts, (count(*) FILTER (WHERE r.status = 'paid'))::int AS paid,
      (SELECT count(*)::int FROM wage_escalations e WHERE e.employer_id = r.employer_id AND e.month = r.month AND e.state = 'open') AS open_cases,
      EXISTS (SELECT 1 FROM wage_suspensions s WHERE s.employer_id = r.employer_id AND s.lifted_on IS NULL) AS suspended
    FROM wage_results r JOIN organisations o ON o.id = r.employer_id
    WHERE ${resultsInView(wageView(actor))}
      ${query.period ? sql`AND r.month = ${`${query.period}-01`}::date` : sql``}
      ${query.employer ? sql`AND r.employer_id = ${query.employer}` : sql``}
    GROUP BY r.employer_id, o.name, r.month
    ORDER BY r.month DESC, o.name
    LIMIT 10000`.execute(db);
  return { months: rows.map((r) => ({ ...r, compliance: r.contracts ? r.paid / r.contracts : 0 })) };
}
