import { type Kysely, sql } from 'kysely';

/**
 * A survey file of half a million rows must load within 3x a plain COPY (issue 8). Per-row
 * foreign-key triggers and a wide text index took two thirds of the import, so: the quotes'
 * references to their import and provider hold by construction (docs/decisions/0014), and one
 * narrow index by corridor and period serves the comparison and the figures.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE remittance_quotes DROP CONSTRAINT remittance_quotes_import_id_fkey, DROP CONSTRAINT remittance_quotes_provider_id_fkey;
    DROP INDEX remittance_quotes_service;
    DROP INDEX remittance_quotes_period;
    CREATE INDEX remittance_quotes_corridor_period ON remittance_quotes (source_country, destination_country, period);
    COMMENT ON COLUMN remittance_quotes.import_id IS 'The survey import it came from (remittance_imports.id; set only by the import, in its transaction)';
    COMMENT ON COLUMN remittance_quotes.provider_id IS 'The provider organisation that published it (organisations.id, taken from the signed-in provider; null for survey rows)';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    DROP INDEX remittance_quotes_corridor_period;
    CREATE INDEX remittance_quotes_period ON remittance_quotes (period, source_country, destination_country);
    CREATE INDEX remittance_quotes_service ON remittance_quotes (source_country, destination_country, service_key, observed_at DESC, id DESC);
    ALTER TABLE remittance_quotes ADD FOREIGN KEY (import_id) REFERENCES remittance_imports (id), ADD FOREIGN KEY (provider_id) REFERENCES organisations (id);
  `.execute(db);
}
