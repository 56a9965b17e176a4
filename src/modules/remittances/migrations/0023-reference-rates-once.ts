import { type Kysely, sql } from 'kysely';

/** A rates file loaded twice must not store each rate twice: the same rate for the same pair and day is one row. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE UNIQUE INDEX remittance_reference_rates_once ON remittance_reference_rates (base_currency, quote_currency, effective_on, rate)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX remittance_reference_rates_once`.execute(db);
}
