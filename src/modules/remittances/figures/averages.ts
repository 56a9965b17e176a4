import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../schema.js';
import { TOO_SLOW_FOR_SMART } from '../speeds.js';
import { servicesInPeriod } from './services-in-period.js';

/** One corridor in one period, exactly as `corridor remittances averages --json` prints it (CLI.md). */
export interface CorridorAverage {
  period: string;
  source_code: string;
  destination_code: string;
  avg_total_cost_pct_200: number | null;
  avg_total_cost_pct_500: number | null;
  services: number;
  smart_pct: number | null;
}

export interface AverageFilter {
  period?: string;
  source?: string;
  destination?: string;
}

/**
 * PRODUCT.md 5.5 in one statement: plain means of the comparable services' total costs at
 * each price point; SmaRT as the mean of the three cheapest eligible services at USD 200
 * (comparable, 5 days or faster, accessible), null when fewer than three. Percentages leave
 * the database as exact decimal text and are not rounded.
 */
export async function corridorAverages(db: Kysely<DB>, filter: AverageFilter = {}): Promise<CorridorAverage[]> {
  const where = sql.join(
    [
      sql`true`,
      ...(filter.period ? [sql`period = ${filter.period}`] : []),
      ...(filter.source ? [sql`source_country = ${filter.source}`] : []),
      ...(filter.destination ? [sql`destination_country = ${filter.destination}`] : []),
    ],
    sql` AND `,
  );
  const { rows } = await sql<{
    period: string; source_code: string; destination_code: string; avg_200: string | null; avg_500: string | null; services: number; smart: string | null;
  }>`
    WITH s AS (${servicesInPeriod(where)}),
    e AS (
      SELECT s.*, (comparable_200 AND speed IS DISTINCT FROM ${TOO_SLOW_FOR_SMART} AND NOT inaccessible) AS eligible
      FROM s
    ),
    r AS (
      SELECT e.*, CASE WHEN eligible THEN row_number() OVER (
        PARTITION BY period, source_country, destination_country, eligible ORDER BY total_cost_pct_200, id) END AS cheapness
      FROM e
    )
    SELECT period, source_country AS source_code, destination_country AS destination_code,
      (avg(total_cost_pct_200) FILTER (WHERE comparable_200))::text AS avg_200,
      (avg(total_cost_pct_500) FILTER (WHERE comparable_500))::text AS avg_500,
      count(*) FILTER (WHERE comparable_200)::int AS services,
      (CASE WHEN count(*) FILTER (WHERE eligible) >= 3 THEN avg(total_cost_pct_200) FILTER (WHERE cheapness <= 3) END)::text AS smart
    FROM r
    GROUP BY period, source_country, destination_country
    ORDER BY period, source_country, destination_country`.execute(db);
  return rows.map((r) => ({
    period: r.period,
    source_code: r.source_code,
    destination_code: r.destination_code,
    avg_total_cost_pct_200: num(r.avg_200),
    avg_total_cost_pct_500: num(r.avg_500),
    services: r.services,
    smart_pct: num(r.smart),
  }));
}

const num = (text: string | null) => (text === null ? null : Number(text));
