import { type Kysely, sql } from 'kysely';

/**
 * The cost figures move from generated columns to a view (docs/decisions/0015): computing four
 * numeric divisions while loading took a third of a 500,000-row survey import, while a reader
 * needs them for a few hundred rows at a time. They stay out of reach of any input: they are
 * not stored at all, only computed from fee, amount, offered and reference rate when read.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE remittance_quotes
      DROP COLUMN fx_margin_pct_200, DROP COLUMN fx_margin_pct_500, DROP COLUMN total_cost_pct_200,
      DROP COLUMN total_cost_pct_500, DROP COLUMN comparable_200, DROP COLUMN comparable_500;
    CREATE VIEW remittance_quote_costs AS
      SELECT q.*,
        (reference_rate - rate_200) / reference_rate * 100 AS fx_margin_pct_200,
        (reference_rate - rate_500) / reference_rate * 100 AS fx_margin_pct_500,
        fee_200_minor::numeric * 100 / amount_200_minor + (reference_rate - rate_200) / reference_rate * 100 AS total_cost_pct_200,
        fee_500_minor::numeric * 100 / amount_500_minor + (reference_rate - rate_500) / reference_rate * 100 AS total_cost_pct_500,
        (transparent IS DISTINCT FROM false AND rate_200 IS NOT NULL AND rate_200 <> 0
          AND NOT (rate_200 = 1 AND abs(reference_rate - 1) > 0.5)) AS comparable_200,
        (transparent IS DISTINCT FROM false AND rate_500 IS NOT NULL AND rate_500 <> 0
          AND NOT (rate_500 = 1 AND abs(reference_rate - 1) > 0.5)) AS comparable_500
      FROM remittance_quotes q;
    COMMENT ON VIEW remittance_quote_costs IS 'Every quote with its RPW cost figures, computed from the stored fee, amount, offered and reference rate each time it is read';
    COMMENT ON COLUMN remittance_quote_costs.fx_margin_pct_200 IS 'Exchange-rate margin at USD 200, percent: (reference - offered) / reference x 100; negative where the offered rate beats the reference';
    COMMENT ON COLUMN remittance_quote_costs.fx_margin_pct_500 IS 'Exchange-rate margin at USD 500, percent';
    COMMENT ON COLUMN remittance_quote_costs.total_cost_pct_200 IS 'Total cost at USD 200, percent of the amount sent: fee share plus exchange-rate margin';
    COMMENT ON COLUMN remittance_quote_costs.total_cost_pct_500 IS 'Total cost at USD 500, percent of the amount sent';
    COMMENT ON COLUMN remittance_quote_costs.comparable_200 IS 'Whether the USD 200 price counts in averages, SmaRT and rankings: disclosed, with a real offered rate (not blank, 0 or the placeholder 1)';
    COMMENT ON COLUMN remittance_quote_costs.comparable_500 IS 'The same at USD 500';
  `.execute(db);
  // Views take the comments of nothing: the columns they pass through are described again.
  const { rows } = await sql<{ attname: string; comment: string }>`
    SELECT a.attname, col_description('remittance_quotes'::regclass, a.attnum) AS comment
    FROM pg_attribute a WHERE a.attrelid = 'remittance_quotes'::regclass AND a.attnum > 0 AND NOT a.attisdropped`.execute(db);
  for (const r of rows) await sql.raw(`COMMENT ON COLUMN remittance_quote_costs.${r.attname} IS '${r.comment.replaceAll("'", "''")}'`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP VIEW remittance_quote_costs;
    ALTER TABLE remittance_quotes
      ADD COLUMN fx_margin_pct_200 numeric GENERATED ALWAYS AS ((reference_rate - rate_200) / reference_rate * 100) STORED,
      ADD COLUMN fx_margin_pct_500 numeric GENERATED ALWAYS AS ((reference_rate - rate_500) / reference_rate * 100) STORED,
      ADD COLUMN total_cost_pct_200 numeric GENERATED ALWAYS AS (fee_200_minor::numeric * 100 / amount_200_minor + (reference_rate - rate_200) / reference_rate * 100) STORED,
      ADD COLUMN total_cost_pct_500 numeric GENERATED ALWAYS AS (fee_500_minor::numeric * 100 / amount_500_minor + (reference_rate - rate_500) / reference_rate * 100) STORED,
      ADD COLUMN comparable_200 boolean GENERATED ALWAYS AS (
        transparent IS DISTINCT FROM false AND rate_200 IS NOT NULL AND rate_200 <> 0 AND NOT (rate_200 = 1 AND abs(reference_rate - 1) > 0.5)) STORED,
      ADD COLUMN comparable_500 boolean GENERATED ALWAYS AS (
        transparent IS DISTINCT FROM false AND rate_500 IS NOT NULL AND rate_500 <> 0 AND NOT (rate_500 = 1 AND abs(reference_rate - 1) > 0.5)) STORED;
  `.execute(db);
}
