import { type Kysely, sql } from 'kysely';

/**
 * The quotes' index loses its period: keeping three text columns in order took 0.9 s of the
 * database's 3 s of a 500,000-row survey import on PostgreSQL, two columns 0.65 s, and no
 * reader needs the period in it. The comparison reads a corridor's quotes of every period;
 * the figures of a period over all corridors read the table whole, as they did before, since
 * the period was the index's last column (docs/performance.md, session 5).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    DROP INDEX remittance_quotes_corridor_period;
    CREATE INDEX remittance_quotes_corridor ON remittance_quotes (source_country, destination_country);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP INDEX remittance_quotes_corridor;
    CREATE INDEX remittance_quotes_corridor_period ON remittance_quotes (source_country, destination_country, period);
  `.execute(db);
}
