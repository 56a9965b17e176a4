import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.js';
import { corridorAverages } from './averages.js';

export interface HistoryPoint {
  period: string;
  /** Corridor's own figures, from the quotes it holds. */
  avg_total_cost_pct_200: number | null;
  smart_pct: number | null;
  services: number | null;
  /** The World Bank's published corridor average (DataBank ATCR.CORR), where it exists. */
  world_bank_pct: number | null;
  /** A third party's plain mean of RPW rows (not published by the World Bank). */
  derived_mean_pct: number | null;
}

/** One corridor over time: our figures beside the published ones, period by period, with the 3% and 5% lines. */
export async function corridorHistory(db: Kysely<DB>, source: string, destination: string) {
  const [own, published] = await Promise.all([
    corridorAverages(db, { source, destination }),
    db.selectFrom('remittance_published_averages')
      .select(['dataset', 'period', 'avg_total_cost_pct_200'])
      .where('source_country', '=', source)
      .where('destination_country', '=', destination)
      .execute(),
  ]);
  const points = new Map<string, HistoryPoint>();
  const at = (period: string) => {
    let p = points.get(period);
    if (!p) points.set(period, (p = { period, avg_total_cost_pct_200: null, smart_pct: null, services: null, world_bank_pct: null, derived_mean_pct: null }));
    return p;
  };
  for (const r of published) {
    if (r.dataset === 'wb_databank') at(r.period).world_bank_pct = Number(r.avg_total_cost_pct_200);
    else at(r.period).derived_mean_pct = Number(r.avg_total_cost_pct_200);
  }
  for (const r of own) Object.assign(at(r.period), { avg_total_cost_pct_200: r.avg_total_cost_pct_200, smart_pct: r.smart_pct, services: r.services });
  return {
    source_country: source,
    destination_country: destination,
    sdg_target_pct: 3,
    corridor_ceiling_pct: 5,
    points: [...points.values()].sort((a, b) => a.period.localeCompare(b.period)),
  };
}
