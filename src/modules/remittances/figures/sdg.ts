import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../schema.js';
import { servicesInPeriod } from './services-in-period.js';

export interface PeriodFigure {
  period: string;
  /** SDG 10.c.1: the plain mean of the USD 200 total cost over every comparable service of the period, in all corridors. */
  global_avg_total_cost_pct_200: number | null;
  services: number;
  corridors: number;
  /** Gap to the SDG target of 3% (positive: above it). */
  gap_to_3_pct: number | null;
  /** Means over the services sending to each World Bank region (of the receiving country). */
  regions: { region: string; avg_total_cost_pct_200: number | null; services: number }[];
}

/** The global average (SDG 10.c.1) and the regional averages, per period (PRODUCT.md 5.5): means over services, not of corridor means. */
export async function periodFigures(db: Kysely<DB>, period?: string): Promise<PeriodFigure[]> {
  const where = period ? sql`period = ${period}` : sql`true`;
  const { rows: globals } = await sql<{ period: string; avg: string | null; services: number; corridors: number }>`
    WITH s AS (${servicesInPeriod(where)})
    SELECT period, (avg(total_cost_pct_200) FILTER (WHERE comparable_200))::text AS avg,
      count(*) FILTER (WHERE comparable_200)::int AS services,
      count(DISTINCT (source_country, destination_country)) FILTER (WHERE comparable_200)::int AS corridors
    FROM s GROUP BY period ORDER BY period`.execute(db);
  const { rows: regions } = await sql<{ period: string; region: string; avg: string | null; services: number }>`
    WITH s AS (${servicesInPeriod(where)})
    SELECT s.period, coalesce(cr.region, 'Unclassified') AS region,
      (avg(s.total_cost_pct_200) FILTER (WHERE s.comparable_200))::text AS avg,
      count(*) FILTER (WHERE s.comparable_200)::int AS services
    FROM s LEFT JOIN country_regions cr ON cr.code = s.destination_country
    GROUP BY s.period, coalesce(cr.region, 'Unclassified') ORDER BY s.period, region`.execute(db);
  return globals.map((g) => {
    const avg = g.avg === null ? null : Number(g.avg);
    return {
      period: g.period,
      global_avg_total_cost_pct_200: avg,
      services: g.services,
      corridors: g.corridors,
      gap_to_3_pct: avg === null ? null : avg - 3,
      regions: regions.filter((r) => r.period === g.period).map((r) => ({ region: r.region, avg_total_cost_pct_200: r.avg === null ? null : Number(r.avg), services: r.services })),
    };
  });
}
