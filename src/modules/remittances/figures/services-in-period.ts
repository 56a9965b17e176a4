import { sql, type RawBuilder } from 'kysely';

/**
 * The services counted for a period: the latest quote of each provider service in the
 * period, and the survey rows of the latest survey import for that corridor and period
 * (a re-survey replaces the earlier one; both stay stored). `where` narrows the quotes.
 */
export function servicesInPeriod(where: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    SELECT * FROM (
      SELECT q.*, max(q.import_id) FILTER (WHERE q.source = 'survey')
               OVER (PARTITION BY q.period, q.source_country, q.destination_country) AS latest_import
      FROM (
        SELECT DISTINCT ON (service_key, period) *
        FROM remittance_quote_costs
        WHERE ${where}
        ORDER BY service_key, period, observed_at DESC NULLS LAST, id DESC
      ) q
    ) s
    WHERE s.source <> 'survey' OR s.import_id = s.latest_import`;
}
