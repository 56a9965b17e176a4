import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../../../core/auth/actor.js';
import type { DB } from '../../../schema.js';
import { resultsInView, wageView } from '../access.js';
import { monthStart, Period } from './period.js';

export const ResultsQuery = z.object({
  period: Period,
  corridor: z.string().optional(),
  employer: z.uuid().optional().describe('One employer organisation'),
});
export type ResultsQuery = z.infer<typeof ResultsQuery>;

const Counts = z.object({
  contracts: z.int(),
  paid: z.int(),
  late: z.int(),
  underpaid: z.int(),
  unpaid: z.int(),
  pending: z.int(),
  compliance: z.number().describe('Workers paid (status paid) / contracts active: the employer compliance of PRODUCT.md 5.3'),
});
export const ResultsSummary = z.object({
  period: z.string(),
  by_corridor: z.array(Counts.extend({ corridor: z.string() })),
  by_employer: z.array(Counts.extend({ employer_id: z.string(), employer_name: z.string() })),
});
export type ResultsSummary = z.infer<typeof ResultsSummary>;

type CountRow = { key: string; name: string; contracts: number; paid: number; late: number; underpaid: number; unpaid: number; pending: number };

const withCompliance = <T extends Omit<CountRow, 'key' | 'name'>>(r: T) => ({ ...r, compliance: r.contracts ? r.paid / r.contracts : 0 });

/** Stored results of a month, counted by status per corridor and per employer, within the actor's view. */
export async function readResults(db: Kysely<DB>, actor: Actor, query: ResultsQuery): Promise<ResultsSummary> {
  const where = sql`r.month = ${monthStart(query.period)}::date AND ${resultsInView(wageView(actor))}
    ${query.corridor ? sql`AND r.corridor_code = ${query.corridor}` : sql``}
    ${query.employer ? sql`AND r.employer_id = ${query.employer}` : sql``}`;
  const counts = sql`count(*)::int AS contracts,
    (count(*) FILTER (WHERE r.status = 'paid'))::int AS paid, (count(*) FILTER (WHERE r.status = 'late'))::int AS late,
    (count(*) FILTER (WHERE r.status = 'underpaid'))::int AS underpaid, (count(*) FILTER (WHERE r.status = 'unpaid'))::int AS unpaid,
    (count(*) FILTER (WHERE r.status = 'pending'))::int AS pending`;
  const [byCorridor, byEmployer] = await Promise.all([
    sql<CountRow>`SELECT r.corridor_code AS key, '' AS name, ${counts} FROM wage_results r WHERE ${where} GROUP BY r.corridor_code ORDER BY r.corridor_code`.execute(db),
    sql<CountRow>`SELECT r.employer_id AS key, o.name, ${counts} FROM wage_results r JOIN organisations o ON o.id = r.employer_id
      WHERE ${where} GROUP BY r.employer_id, o.name ORDER BY o.name`.execute(db),
  ]);
  return {
    period: query.period,
    by_corridor: byCorridor.rows.map(({ key, name: _, ...r }) => withCompliance({ corridor: key, ...r })),
    by_employer: byEmployer.rows.map(({ key, name, ...r }) => withCompliance({ employer_id: key, employer_name: name, ...r })),
  };
}
