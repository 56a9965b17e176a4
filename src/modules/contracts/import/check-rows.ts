import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../schema.js';
import type { ImportContext } from './import-context.js';
import { durationMonthsSql } from './sql-formats.js';

/**
 * One pass over the staged rows for what needs reference data or the corridor's rules
 * (PRODUCT.md 5.1): known country and occupation, enrolled employer, and every rule legacy
 * data can be checked against, each failure a (line, column, message) row. A value whose
 * format was bad is NULL here and was reported while streaming. Rules about terms a
 * legacy register does not hold (hours, leave, fees, ...) cannot be checked.
 */
export async function checkRows(db: Kysely<DB>, ctx: ImportContext): Promise<void> {
  // Rules go in as scalars, not as one jsonb read per row: a million jsonb lookups cost seconds.
  const { rules } = ctx;
  const allowed = rules.allowed_occupations ?? null;
  const months = durationMonthsSql(sql`t.start_on`, sql`t.end_on`);
  await sql`
    INSERT INTO import_errors (line, col, message)
    SELECT t.line, c.col, c.msg
    FROM import_rows t
    LEFT JOIN countries n ON n.code = t.nationality
    LEFT JOIN occupations o ON o.code = t.occupation_isco AND o.level = 4
    LEFT JOIN organisations e ON e.kind = 'employer' AND e.country = ${ctx.destination} AND e.external_id = t.employer_id
    LEFT JOIN jsonb_each_text(${JSON.stringify(rules.min_wage_by_occupation)}::jsonb) m ON m.key = t.occupation_isco
    CROSS JOIN LATERAL (VALUES
      ('birth_date', CASE WHEN t.birth_on >= coalesce(t.start_on, current_date) THEN 'must be before start_date' END),
      ('nationality', CASE WHEN n.code IS NULL THEN 'must be an ISO 3166-1 alpha-3 country code'
        WHEN t.nationality <> ${ctx.origin} THEN format('must be %s, the origin of corridor %s', ${ctx.origin}::text, ${ctx.corridor}::text) END),
      ('employer_id', CASE WHEN e.id IS NULL THEN format('no employer with establishment id %s is enrolled in %s', t.employer_id, ${ctx.destination}::text) END),
      ('occupation_isco', CASE WHEN o.code IS NULL THEN 'must be an ISCO-08 unit group (4 digits)'
        WHEN ${allowed}::text[] IS NOT NULL AND t.occupation_isco <> ALL (${allowed}::text[])
          THEN 'this occupation may not be recruited in this corridor'
        WHEN o.is_health AND ${rules.health_worker_safeguard}::boolean
          AND (SELECT who_ssl_2023 FROM countries WHERE code = ${ctx.origin})
          AND NOT EXISTS (SELECT 1 FROM health_safeguard_exceptions x
            WHERE x.corridor_code = ${ctx.corridor} AND (x.occupation_isco IS NULL OR x.occupation_isco = t.occupation_isco)
              AND x.valid_from <= coalesce(t.start_on, current_date) AND (x.valid_to IS NULL OR x.valid_to >= coalesce(t.start_on, current_date)))
          THEN 'active recruitment of health personnel from a country on the WHO safeguard list needs a recorded government-to-government exception' END),
      ('end_date', CASE WHEN t.end_on < t.start_on THEN 'must not be before start_date'
        WHEN ${months} > ${rules.max_contract_months}::int
          THEN format('the contract runs %s months; the corridor allows at most %s', ${months}, ${rules.max_contract_months}::int) END),
      ('basic_wage_minor', CASE WHEN t.basic_minor < coalesce(m.value::bigint, ${rules.min_monthly_wage_minor}::bigint)
          THEN format('is below the minimum of %s', coalesce(m.value::bigint, ${rules.min_monthly_wage_minor}::bigint)) END),
      ('currency', CASE WHEN t.currency <> ${rules.currency}::text THEN format('wages must be stated in %s', ${rules.currency}::text) END)
    ) AS c(col, msg)
    WHERE c.msg IS NOT NULL
      AND CASE c.col WHEN 'nationality' THEN t.nationality IS NOT NULL WHEN 'employer_id' THEN t.employer_id IS NOT NULL
        WHEN 'occupation_isco' THEN t.occupation_isco IS NOT NULL ELSE true END
  `.execute(db);
}
