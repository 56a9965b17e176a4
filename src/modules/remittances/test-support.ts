import type { Kysely } from 'kysely';
import type { DB } from '../../schema.js';

export interface TestQuote {
  firm?: string;
  period?: string;
  from?: string;
  to?: string;
  currency?: string;
  amount200: number;
  fee200: number;
  rate200: string | null;
  amount500?: number;
  fee500?: number;
  rate500?: string | null;
  reference: string;
  transparent?: boolean | null;
  speed?: string | null;
  inaccessible?: boolean;
}

/** Survey quotes straight into the table (one import), for tests of what the database computes. */
export async function insertSurveyQuotes(db: Kysely<DB>, quotes: TestQuote[]): Promise<number[]> {
  const { id } = await db
    .insertInto('remittance_imports')
    .values({ sha256: Math.random().toString(16).slice(2).padEnd(64, '0').slice(0, 64), file_name: 'test.csv', rows: quotes.length, not_comparable: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rows = await db
    .insertInto('remittance_quotes')
    .values(
      quotes.map((q, i) => ({
        service_key: `survey:${id}:${i + 2}`, source: 'survey' as const, import_id: id, line: i + 2, period: q.period ?? '2025_1Q',
        source_country: q.from ?? 'ARE', destination_country: q.to ?? 'NPL', firm: q.firm ?? `Firm ${i}`, firm_type: null, product: null,
        payment_instrument: 'Cash', access_point: 'Agent', pickup_method: 'Cash pick-up', speed: q.speed === undefined ? 'Next day' : q.speed,
        transparent: q.transparent === undefined ? true : q.transparent, inaccessible: q.inaccessible ?? false, send_currency: q.currency ?? 'AED',
        receive_currency: 'NPR', amount_200_minor: q.amount200, fee_200_minor: q.fee200, rate_200: q.rate200,
        amount_500_minor: q.amount500 ?? Math.round(q.amount200 * 2.5), fee_500_minor: q.fee500 ?? q.fee200, rate_500: q.rate500 === undefined ? q.rate200 : q.rate500,
        reference_rate: q.reference, observed_at: null,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
