import { type RawBuilder, sql } from 'kysely';

/**
 * durationMonths (terms.schema.ts) in SQL: months from start to end inclusive, a
 * started month counting whole. Both arguments are dates.
 */
export function durationMonthsSql(start: RawBuilder<unknown>, end: RawBuilder<unknown>): RawBuilder<number> {
  const next = sql`(${end} + 1)`;
  const full = sql`((extract(year FROM ${next}) - extract(year FROM ${start})) * 12
    + extract(month FROM ${next}) - extract(month FROM ${start})
    - CASE WHEN extract(day FROM ${next}) < extract(day FROM ${start}) THEN 1 ELSE 0 END)`;
  return sql`(${full} + CASE WHEN extract(day FROM ${next}) = extract(day FROM ${start}) THEN 0 ELSE 1 END)::int`;
}

/** A JSON string literal of the text, escaped as RFC 8785 (and JSON.stringify) escape it. */
export const jsonStringSql = (value: RawBuilder<unknown>) => sql`to_json(${value}::text)::text`;
