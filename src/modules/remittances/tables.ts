import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

type Numeric = ColumnType<string, string, string>;
type Computed<T> = GeneratedAlways<T>;

export interface RemittanceCorridorsTable {
  source_country: string;
  destination_country: string;
  send_currency: string;
  receive_currency: string;
  stale_after_days: Generated<number>;
  updated_at: Generated<Date>;
}

export interface RemittanceProviderCorridorsTable {
  provider_id: string;
  source_country: string;
  destination_country: string;
  added_at: Generated<Date>;
}

export interface RemittanceReferenceRatesTable {
  id: GeneratedAlways<number>;
  base_currency: string;
  quote_currency: string;
  rate: Numeric;
  effective_on: string;
  source: string;
  loaded_at: Generated<Date>;
}

export interface RemittanceImportsTable {
  id: GeneratedAlways<number>;
  sha256: string;
  file_name: string;
  rows: number;
  not_comparable: number;
  imported_at: Generated<Date>;
}

export type QuoteSource = 'survey' | 'provider' | 'published_tariff';

export interface RemittanceQuotesTable {
  id: GeneratedAlways<number>;
  service_key: string;
  source: QuoteSource;
  provider_id: string | null;
  import_id: number | null;
  line: number | null;
  period: string;
  source_country: string;
  destination_country: string;
  firm: string;
  firm_type: string | null;
  product: string | null;
  payment_instrument: string | null;
  access_point: string | null;
  pickup_method: string | null;
  speed: string | null;
  transparent: boolean | null;
  inaccessible: Generated<boolean>;
  send_currency: string;
  receive_currency: string | null;
  amount_200_minor: number;
  fee_200_minor: number;
  rate_200: Numeric | null;
  amount_500_minor: number;
  fee_500_minor: number;
  rate_500: Numeric | null;
  reference_rate: Numeric;
  observed_at: Date | null;
  received_at: Generated<Date>;
}

/** The view remittance_quote_costs: a quote with its cost figures, computed when read (read only). */
export interface RemittanceQuoteCostsView extends RemittanceQuotesTable {
  fx_margin_pct_200: Computed<string | null>;
  fx_margin_pct_500: Computed<string | null>;
  total_cost_pct_200: Computed<string | null>;
  total_cost_pct_500: Computed<string | null>;
  comparable_200: Computed<boolean>;
  comparable_500: Computed<boolean>;
}

export interface RemittancePublishedAveragesTable {
  dataset: 'wb_databank' | 'derived_mean';
  period: string;
  source_country: string;
  destination_country: string;
  avg_total_cost_pct_200: Numeric;
  avg_total_cost_pct_500: Numeric | null;
  services: number | null;
}

export interface CountryRegionsTable {
  code: string;
  region: string;
  income_group: string;
}

export interface RemittanceTables {
  remittance_corridors: RemittanceCorridorsTable;
  remittance_provider_corridors: RemittanceProviderCorridorsTable;
  remittance_reference_rates: RemittanceReferenceRatesTable;
  remittance_imports: RemittanceImportsTable;
  remittance_quotes: RemittanceQuotesTable;
  remittance_quote_costs: RemittanceQuoteCostsView;
  remittance_published_averages: RemittancePublishedAveragesTable;
  country_regions: CountryRegionsTable;
}
