import type { ColumnType, Generated } from 'kysely';
import type { SubstitutionReportsTable } from './substitution/tables.js';

type Json<T = unknown> = ColumnType<T, string, string>;

export const CONTRACT_STATUSES = [
  'draft', 'offered', 'accepted', 'approved', 'registered', 'active', 'completed', 'terminated', 'declined', 'rejected', 'withdrawn',
] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export type VersionState =
  | 'draft' | 'offered' | 'accepted' | 'approved' | 'registered' | 'superseded' | 'declined' | 'rejected' | 'withdrawn';

export interface ContractsTable {
  employer_id: string;
  id: Generated<string>;
  contract_no: string;
  corridor_code: string;
  worker_id: string;
  status: ContractStatus;
  current_version: Generated<number>;
  registered_version: number | null;
  origin_country: string;
  destination_country: string;
  source: Generated<'platform' | 'legacy_import'>;
  /** The job order it was offered against (recruitment module, migration 0031); null otherwise. */
  job_order_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ContractVersionsTable {
  employer_id: string;
  contract_id: string;
  version: number;
  state: VersionState;
  terms: Json;
  terms_digest: string;
  rules_version: number;
  breaches: Json;
  start_date: string;
  end_date: string;
  monthly_fixed_minor: number;
  currency: string;
  created_at: Generated<Date>;
  offered_at: Date | null;
  accepted_at: Date | null;
  accepted_language: string | null;
  approved_at: Date | null;
  registered_at: Date | null;
  signatures: Json;
  leaf_index: number | null;
}

export interface ContractTransitionsTable {
  employer_id: string;
  contract_id: string;
  id: Generated<number>;
  version: number;
  from_state: string | null;
  to_state: string;
  actor_type: string;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  reason: string | null;
  occurred_at: Generated<Date>;
}

export interface HealthSafeguardExceptionsTable {
  id: Generated<string>;
  corridor_code: string;
  occupation_isco: string | null;
  reference: string;
  valid_from: string;
  valid_to: string | null;
  recorded_by_organisation_id: string | null;
  recorded_at: Generated<Date>;
}

export interface ContractViewsTable {
  employer_id: string;
  contract_id: string;
  version: number;
  language: string;
  worker_id: string;
  first_viewed_at: Generated<Date>;
}

export interface ContractTables {
  contracts: ContractsTable;
  contract_versions: ContractVersionsTable;
  contract_transitions: ContractTransitionsTable;
  health_safeguard_exceptions: HealthSafeguardExceptionsTable;
  contract_views: ContractViewsTable;
  substitution_reports: SubstitutionReportsTable;
}
