import { type Kysely, sql } from 'kysely';

/**
 * Remittance prices (PRODUCT.md 5.5, the World Bank RPW method). A quote is immutable:
 * a provider changes a price by publishing a newer quote of the same service, so every
 * price keeps its history. The cost figures are generated columns: PostgreSQL recomputes
 * them from fee, amount, offered and reference rate, and no input can set them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE remittance_corridors (
      source_country char(3) NOT NULL REFERENCES countries (code),
      destination_country char(3) NOT NULL REFERENCES countries (code),
      send_currency char(3) NOT NULL REFERENCES currencies (code),
      receive_currency char(3) NOT NULL REFERENCES currencies (code),
      stale_after_days integer NOT NULL DEFAULT 90 CONSTRAINT remittance_corridors_stale_positive CHECK (stale_after_days > 0),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (source_country, destination_country)
    );
    COMMENT ON TABLE remittance_corridors IS 'Sending-to-receiving country pairs whose prices are compared for workers, with their settings';
    COMMENT ON COLUMN remittance_corridors.source_country IS 'Sending country (ISO 3166-1 alpha-3), where the worker earns';
    COMMENT ON COLUMN remittance_corridors.destination_country IS 'Receiving country (ISO 3166-1 alpha-3), where the family lives';
    COMMENT ON COLUMN remittance_corridors.send_currency IS 'Currency the sender pays in (ISO 4217)';
    COMMENT ON COLUMN remittance_corridors.receive_currency IS 'Currency the family receives (ISO 4217)';
    COMMENT ON COLUMN remittance_corridors.stale_after_days IS 'A quote older than this many days is marked stale and left out of rankings';
    COMMENT ON COLUMN remittance_corridors.updated_at IS 'When the settings last changed';

    CREATE TABLE remittance_provider_corridors (
      provider_id uuid NOT NULL REFERENCES organisations (id),
      source_country char(3) NOT NULL,
      destination_country char(3) NOT NULL,
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (provider_id, source_country, destination_country),
      FOREIGN KEY (source_country, destination_country) REFERENCES remittance_corridors (source_country, destination_country)
    );
    COMMENT ON TABLE remittance_provider_corridors IS 'Which remittance provider serves which corridor: a provider may publish quotes only for these';
    COMMENT ON COLUMN remittance_provider_corridors.provider_id IS 'The remittance provider organisation';
    COMMENT ON COLUMN remittance_provider_corridors.source_country IS 'Sending country of the corridor served';
    COMMENT ON COLUMN remittance_provider_corridors.destination_country IS 'Receiving country of the corridor served';
    COMMENT ON COLUMN remittance_provider_corridors.added_at IS 'When the operator recorded it';

    CREATE TABLE remittance_reference_rates (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      base_currency char(3) NOT NULL REFERENCES currencies (code),
      quote_currency char(3) NOT NULL REFERENCES currencies (code),
      rate numeric NOT NULL CONSTRAINT remittance_reference_rates_positive CHECK (rate > 0),
      effective_on date NOT NULL,
      source text NOT NULL,
      loaded_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT remittance_reference_rates_pair CHECK (base_currency <> quote_currency)
    );
    CREATE INDEX remittance_reference_rates_lookup ON remittance_reference_rates (base_currency, quote_currency, effective_on DESC, id DESC);
    COMMENT ON TABLE remittance_reference_rates IS 'Interbank (mid-market) rates loaded by the operator: the reference against which offered rates are priced';
    COMMENT ON COLUMN remittance_reference_rates.id IS 'Row id; of two rates for the same pair and day the later loaded wins';
    COMMENT ON COLUMN remittance_reference_rates.base_currency IS 'Currency one unit of which the rate prices';
    COMMENT ON COLUMN remittance_reference_rates.quote_currency IS 'Currency the rate is expressed in (units of it per one base unit)';
    COMMENT ON COLUMN remittance_reference_rates.rate IS 'Units of quote currency per unit of base currency, exact decimal';
    COMMENT ON COLUMN remittance_reference_rates.effective_on IS 'Day from which the rate applies (until a later one)';
    COMMENT ON COLUMN remittance_reference_rates.source IS 'Where the rate comes from (e.g. central bank fixing), as the operator stated';
    COMMENT ON COLUMN remittance_reference_rates.loaded_at IS 'When it was loaded';

    CREATE TABLE remittance_imports (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      sha256 char(64) NOT NULL UNIQUE,
      file_name text NOT NULL,
      rows integer NOT NULL,
      not_comparable integer NOT NULL,
      imported_at timestamptz NOT NULL DEFAULT now()
    );
    COMMENT ON TABLE remittance_imports IS 'Survey files imported in the RPW layout; the same bytes are never imported twice';
    COMMENT ON COLUMN remittance_imports.id IS 'Import id; a later import of the same corridor and period supersedes an earlier one in the figures';
    COMMENT ON COLUMN remittance_imports.sha256 IS 'Hex SHA-256 of the file';
    COMMENT ON COLUMN remittance_imports.file_name IS 'File name as given';
    COMMENT ON COLUMN remittance_imports.rows IS 'Quotes imported';
    COMMENT ON COLUMN remittance_imports.not_comparable IS 'Of which without a comparable USD 200 price (kept and flagged)';
    COMMENT ON COLUMN remittance_imports.imported_at IS 'When';

    CREATE TABLE remittance_quotes (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      service_key text NOT NULL,
      source text NOT NULL CONSTRAINT remittance_quotes_source_known CHECK (source IN ('survey', 'provider', 'published_tariff')),
      provider_id uuid REFERENCES organisations (id),
      import_id bigint REFERENCES remittance_imports (id),
      line integer,
      period text NOT NULL CONSTRAINT remittance_quotes_period_form CHECK (period ~ '^[0-9]{4}_[1-4]Q$'),
      source_country char(3) NOT NULL,
      destination_country char(3) NOT NULL,
      firm text NOT NULL,
      firm_type text,
      product text,
      payment_instrument text,
      access_point text,
      pickup_method text,
      speed text CONSTRAINT remittance_quotes_speed_known CHECK (speed IN ('Less than one hour', 'Same day', 'Next day', '2 days', '3-5 days', '6 days or more')),
      transparent boolean,
      inaccessible boolean NOT NULL DEFAULT false,
      send_currency char(3) NOT NULL,
      receive_currency char(3),
      amount_200_minor bigint NOT NULL CONSTRAINT remittance_quotes_amount_200_positive CHECK (amount_200_minor > 0),
      fee_200_minor bigint NOT NULL CONSTRAINT remittance_quotes_fee_200_not_negative CHECK (fee_200_minor >= 0),
      rate_200 numeric CONSTRAINT remittance_quotes_rate_200_not_negative CHECK (rate_200 >= 0),
      amount_500_minor bigint NOT NULL CONSTRAINT remittance_quotes_amount_500_positive CHECK (amount_500_minor > 0),
      fee_500_minor bigint NOT NULL CONSTRAINT remittance_quotes_fee_500_not_negative CHECK (fee_500_minor >= 0),
      rate_500 numeric CONSTRAINT remittance_quotes_rate_500_not_negative CHECK (rate_500 >= 0),
      reference_rate numeric NOT NULL CONSTRAINT remittance_quotes_reference_positive CHECK (reference_rate > 0),
      observed_at timestamptz,
      received_at timestamptz NOT NULL DEFAULT now(),
      fx_margin_pct_200 numeric GENERATED ALWAYS AS ((reference_rate - rate_200) / reference_rate * 100) STORED,
      fx_margin_pct_500 numeric GENERATED ALWAYS AS ((reference_rate - rate_500) / reference_rate * 100) STORED,
      total_cost_pct_200 numeric GENERATED ALWAYS AS (fee_200_minor::numeric * 100 / amount_200_minor + (reference_rate - rate_200) / reference_rate * 100) STORED,
      total_cost_pct_500 numeric GENERATED ALWAYS AS (fee_500_minor::numeric * 100 / amount_500_minor + (reference_rate - rate_500) / reference_rate * 100) STORED,
      comparable_200 boolean GENERATED ALWAYS AS (
        transparent IS DISTINCT FROM false AND rate_200 IS NOT NULL AND rate_200 <> 0 AND NOT (rate_200 = 1 AND abs(reference_rate - 1) > 0.5)
      ) STORED,
      comparable_500 boolean GENERATED ALWAYS AS (
        transparent IS DISTINCT FROM false AND rate_500 IS NOT NULL AND rate_500 <> 0 AND NOT (rate_500 = 1 AND abs(reference_rate - 1) > 0.5)
      ) STORED,
      CONSTRAINT remittance_quotes_origin CHECK ((source = 'survey') = (import_id IS NOT NULL AND line IS NOT NULL) AND (source = 'survey' OR provider_id IS NOT NULL))
    );
    CREATE INDEX remittance_quotes_period ON remittance_quotes (period, source_country, destination_country);
    CREATE INDEX remittance_quotes_service ON remittance_quotes (source_country, destination_country, service_key, observed_at DESC, id DESC);
    CREATE INDEX remittance_quotes_provider ON remittance_quotes (provider_id, id) WHERE provider_id IS NOT NULL;
    COMMENT ON TABLE remittance_quotes IS 'Every price observed for a remittance service (RPW method): survey rows, provider quotes and published tariffs; never changed, a newer quote of the same service supersedes it';
    COMMENT ON COLUMN remittance_quotes.id IS 'Quote id';
    COMMENT ON COLUMN remittance_quotes.service_key IS 'Identifies the service across its quotes: provider, product, instrument, access point and pickup for providers; the import and line for survey rows';
    COMMENT ON COLUMN remittance_quotes.source IS 'survey (RPW-layout import), provider (published through the API) or published_tariff (read from the provider''s public tariff)';
    COMMENT ON COLUMN remittance_quotes.provider_id IS 'The provider organisation that published it (null for survey rows)';
    COMMENT ON COLUMN remittance_quotes.import_id IS 'The survey import it came from';
    COMMENT ON COLUMN remittance_quotes.line IS 'Line of the survey file';
    COMMENT ON COLUMN remittance_quotes.period IS 'Quarter, as RPW writes it: YYYY_nQ';
    COMMENT ON COLUMN remittance_quotes.source_country IS 'Sending country (ISO 3166-1 alpha-3)';
    COMMENT ON COLUMN remittance_quotes.destination_country IS 'Receiving country (ISO 3166-1 alpha-3)';
    COMMENT ON COLUMN remittance_quotes.firm IS 'Firm name as shown to senders';
    COMMENT ON COLUMN remittance_quotes.firm_type IS 'Bank, Money Transfer Operator, Post office, Mobile Operator, ...';
    COMMENT ON COLUMN remittance_quotes.product IS 'Product name, where the firm offers several';
    COMMENT ON COLUMN remittance_quotes.payment_instrument IS 'How the sender pays (cash, card, bank account, mobile wallet)';
    COMMENT ON COLUMN remittance_quotes.access_point IS 'Where the sender sends from (branch, agent, online)';
    COMMENT ON COLUMN remittance_quotes.pickup_method IS 'How the family receives (cash pick-up, account, mobile wallet)';
    COMMENT ON COLUMN remittance_quotes.speed IS 'RPW speed label; null when not stated';
    COMMENT ON COLUMN remittance_quotes.transparent IS 'Whether fee and rate were disclosed to the sender (null: not stated); false means no comparable price';
    COMMENT ON COLUMN remittance_quotes.inaccessible IS 'Marked not accessible to most senders: excluded from SmaRT';
    COMMENT ON COLUMN remittance_quotes.send_currency IS 'Currency of amounts and fees (ISO 4217)';
    COMMENT ON COLUMN remittance_quotes.receive_currency IS 'Currency the family receives (null when a survey row does not say)';
    COMMENT ON COLUMN remittance_quotes.amount_200_minor IS 'Amount sent at the USD 200 price point, in minor units of send_currency';
    COMMENT ON COLUMN remittance_quotes.fee_200_minor IS 'Fee charged to the sender at USD 200, minor units';
    COMMENT ON COLUMN remittance_quotes.rate_200 IS 'Offered rate at USD 200 (receiving currency per unit sent); null when not disclosed';
    COMMENT ON COLUMN remittance_quotes.amount_500_minor IS 'Amount sent at the USD 500 price point, minor units';
    COMMENT ON COLUMN remittance_quotes.fee_500_minor IS 'Fee at USD 500, minor units';
    COMMENT ON COLUMN remittance_quotes.rate_500 IS 'Offered rate at USD 500; null when not disclosed';
    COMMENT ON COLUMN remittance_quotes.reference_rate IS 'Interbank rate the offered rates are priced against (from the file, or the rate table for provider quotes)';
    COMMENT ON COLUMN remittance_quotes.observed_at IS 'When the price was observed or published (its age is counted from here)';
    COMMENT ON COLUMN remittance_quotes.received_at IS 'When Corridor stored it';
    COMMENT ON COLUMN remittance_quotes.fx_margin_pct_200 IS 'Computed: (reference - offered) / reference x 100 at USD 200';
    COMMENT ON COLUMN remittance_quotes.fx_margin_pct_500 IS 'Computed: FX margin at USD 500';
    COMMENT ON COLUMN remittance_quotes.total_cost_pct_200 IS 'Computed: fee / amount x 100 + FX margin at USD 200';
    COMMENT ON COLUMN remittance_quotes.total_cost_pct_500 IS 'Computed: total cost at USD 500';
    COMMENT ON COLUMN remittance_quotes.comparable_200 IS 'Computed: transparent, and an offered rate that is neither missing, zero nor the placeholder 1 (PRODUCT.md 5.5)';
    COMMENT ON COLUMN remittance_quotes.comparable_500 IS 'Computed: the same at USD 500';

    CREATE TABLE remittance_published_averages (
      dataset text NOT NULL CONSTRAINT remittance_published_averages_dataset_known CHECK (dataset IN ('wb_databank', 'derived_mean')),
      period text NOT NULL,
      source_country char(3) NOT NULL,
      destination_country char(3) NOT NULL,
      avg_total_cost_pct_200 numeric NOT NULL,
      avg_total_cost_pct_500 numeric,
      services integer,
      PRIMARY KEY (dataset, source_country, destination_country, period)
    );
    COMMENT ON TABLE remittance_published_averages IS 'Corridor averages computed by others (data/remittances/SOURCES.md), kept apart as history to compare with';
    COMMENT ON COLUMN remittance_published_averages.dataset IS 'wb_databank (the World Bank''s own figures) or derived_mean (a third party''s plain mean of RPW rows)';
    COMMENT ON COLUMN remittance_published_averages.period IS 'Quarter, YYYY_nQ';
    COMMENT ON COLUMN remittance_published_averages.source_country IS 'Sending country (ISO alpha-3 as published)';
    COMMENT ON COLUMN remittance_published_averages.destination_country IS 'Receiving country (ISO alpha-3 as published)';
    COMMENT ON COLUMN remittance_published_averages.avg_total_cost_pct_200 IS 'Average total cost, % of USD 200 (believed for wb_databank)';
    COMMENT ON COLUMN remittance_published_averages.avg_total_cost_pct_500 IS 'Average total cost, % of USD 500 (derived_mean only)';
    COMMENT ON COLUMN remittance_published_averages.services IS 'Rows averaged (derived_mean only)';

    CREATE TABLE country_regions (
      code char(3) PRIMARY KEY,
      region text NOT NULL,
      income_group text NOT NULL
    );
    COMMENT ON TABLE country_regions IS 'World Bank region and income group of each economy (WDI), for regional remittance averages';
    COMMENT ON COLUMN country_regions.code IS 'ISO 3166-1 alpha-3 (World Bank code)';
    COMMENT ON COLUMN country_regions.region IS 'World Bank region';
    COMMENT ON COLUMN country_regions.income_group IS 'World Bank income group';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE country_regions, remittance_published_averages, remittance_quotes, remittance_imports,
    remittance_reference_rates, remittance_provider_corridors, remittance_corridors`.execute(db);
}
