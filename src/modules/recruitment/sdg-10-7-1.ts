import { type Kysely, sql } from 'kysely';
import type { DB } from '../../schema.js';

/** PRODUCT.md 5.6: cells of fewer than 5 workers are suppressed in anything published. */
export const MINIMUM_CELL = 5;

/**
 * SDG 10.7.1 from administrative data, in one statement: per worker (contract), the worker-paid
 * recruitment costs (their own latest declaration, else the agency's) over the first month's
 * earnings (paid in the first reconciled month with pay, else the contract's monthly wage),
 * both in the wage currency; then the mean by corridor, by corridor and sex, by corridor and
 * occupation. Only contracts the worker accepted count (they took the job).
 */
export async function sdg1071Averages(db: Kysely<DB>, corridor?: string) {
  const { rows } = await sql<{ corridor: string; sex: string | null; occupation_isco: string | null; n: number; mean: string }>`
    WITH latest AS (
      SELECT DISTINCT ON (d.contract_id, d.side) d.contract_id, d.side, d.total_wage_minor
      FROM recruitment_cost_declarations d ORDER BY d.contract_id, d.side, d.created_at DESC
    ), paid AS (
      SELECT contract_id, COALESCE(max(total_wage_minor) FILTER (WHERE side = 'worker'), max(total_wage_minor) FILTER (WHERE side = 'agency')) AS cost
      FROM latest GROUP BY contract_id
    ), first_month AS (
      SELECT DISTINCT ON (r.contract_id) r.contract_id, r.paid_minor FROM wage_results r
      WHERE r.paid_minor > 0 AND r.contract_id IN (SELECT contract_id FROM paid) ORDER BY r.contract_id, r.month
    ), per_worker AS (
      SELECT c.corridor_code, w.sex, v.terms->>'occupation_isco' AS occupation_isco,
        p.cost::numeric / COALESCE(f.paid_minor, v.monthly_fixed_minor) AS ratio
      FROM paid p
      JOIN contracts c ON c.id = p.contract_id
      JOIN workers w ON w.id = c.worker_id
      JOIN contract_versions v ON v.employer_id = c.employer_id AND v.contract_id = c.id AND v.version = COALESCE(c.registered_version, c.current_version)
      LEFT JOIN first_month f ON f.contract_id = c.id
      WHERE c.status IN ('accepted', 'approved', 'registered', 'active', 'completed', 'terminated')
        AND COALESCE(f.paid_minor, v.monthly_fixed_minor) > 0
        ${corridor ? sql`AND c.corridor_code = ${corridor}` : sql``}
    )
    SELECT corridor_code AS corridor, sex, occupation_isco, count(*)::int AS n, round(avg(ratio), 2)::text AS mean
    FROM per_worker
    GROUP BY GROUPING SETS ((corridor_code), (corridor_code, sex), (corridor_code, occupation_isco))
    ORDER BY corridor_code, sex NULLS FIRST, occupation_isco NULLS FIRST`.execute(db);
  return {
    minimum_cell: MINIMUM_CELL,
    cells: rows.map((r) => {
      const suppressed = Number(r.n) < MINIMUM_CELL;
      return { corridor: r.corridor, sex: r.sex, occupation_isco: r.occupation_isco, workers: suppressed ? null : Number(r.n), mean_ratio: suppressed ? null : r.mean, suppressed };
    }),
  };
}
