import type { ColumnType, Generated } from 'kysely';

export interface SubstitutionReportsTable {
  employer_id: string;
  contract_id: string;
  id: Generated<string>;
  contract_no: string;
  registered_version: number;
  presented_terms: ColumnType<unknown, string, string>;
  presented_digest: string;
  findings: ColumnType<unknown, string, string>;
  less_favourable: number;
  worker_id: string;
  origin_country: string;
  destination_country: string;
  reported_by_type: string;
  reported_by_user_id: string | null;
  reported_by_organisation_id: string | null;
  created_at: Generated<Date>;
}
