import type { GeneratedAlways } from 'kysely';

export interface CountriesTable {
  code: string;
  alpha2: string;
  numeric_code: string;
  name: string;
  who_ssl_2023: boolean;
}

export interface CurrenciesTable {
  code: string;
  minor_digits: number;
  name: string;
}

export interface OccupationsTable {
  code: string;
  level: number;
  parent_code: string | null;
  title: string;
  definition: string;
  is_health: GeneratedAlways<boolean>;
}
