import type { ColumnType, Generated } from 'kysely';

type Json<T = unknown> = ColumnType<T, string, string>;
type Int8 = ColumnType<number, number, number>;

export type LicenceStatus = 'active' | 'suspended' | 'revoked';
export type JobOrderStatus = 'submitted' | 'verified' | 'refused' | 'closed';

export interface AgencyLicencesTable {
  id: Generated<string>;
  agency_id: string;
  number: string;
  issued_by_organisation_id: string | null;
  valid_from: string;
  valid_to: string;
  status: LicenceStatus;
  status_reason: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AgencyLicenceEventsTable {
  id: Generated<number>;
  licence_id: string;
  from_status: string | null;
  to_status: string;
  reason: string;
  actor_organisation_id: string | null;
  occurred_at: Generated<Date>;
}

export interface JobOrdersTable {
  id: Generated<string>;
  reference: string;
  employer_id: string;
  corridor_code: string;
  origin_agency_id: string;
  destination_liable_id: string;
  occupation_isco: string;
  positions: number;
  terms: Json;
  monthly_wage_minor: Int8;
  currency: string;
  required_skills: string[];
  required_languages: string[];
  required_certificates: string[];
  status: JobOrderStatus;
  breaches: Json;
  rules_version: number | null;
  safeguard_exception: string | null;
  decided_by_organisation_id: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
  created_at: Generated<Date>;
}

export interface RecruitmentCandidatesTable {
  id: Generated<string>;
  worker_id: string;
  registered_by_organisation_id: string | null;
  nationality: string;
  occupation_isco: string;
  occupation_minor: string;
  skills: string[];
  languages: string[];
  certificates: string[];
  available: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface JobOrderSelectionsTable {
  id: Generated<string>;
  job_order_id: string;
  candidate_id: string;
  worker_id: string;
  selected_by_organisation_id: string | null;
  rank: number | null;
  reasons: Json;
  contract_id: string | null;
  created_at: Generated<Date>;
}

export interface RecruitmentCostDeclarationsTable {
  id: Generated<string>;
  contract_id: string;
  employer_id: string;
  worker_id: string;
  job_order_id: string | null;
  side: 'agency' | 'worker';
  declared_by_organisation_id: string | null;
  declared_by_user_id: string | null;
  wage_currency: string;
  total_wage_minor: Int8;
  items: Json;
  created_at: Generated<Date>;
}

export interface RecruitmentBreachesTable {
  id: Generated<string>;
  code: string;
  contract_id: string;
  employer_id: string;
  worker_id: string;
  job_order_id: string | null;
  origin_agency_id: string | null;
  destination_liable_id: string;
  origin_country: string;
  side: 'agency' | 'worker';
  cap_minor: Int8;
  paid_minor: Int8;
  currency: string;
  status: Generated<'open' | 'upheld' | 'dismissed'>;
  decided_by_organisation_id: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
  raised_at: Generated<Date>;
}

export interface AgencyRatingsTable {
  agency_id: string;
  worker_id: string;
  stars: number;
  comment: string | null;
  updated_at: Generated<Date>;
}

export interface RecruitmentTables {
  agency_licences: AgencyLicencesTable;
  agency_licence_events: AgencyLicenceEventsTable;
  job_orders: JobOrdersTable;
  recruitment_candidates: RecruitmentCandidatesTable;
  job_order_selections: JobOrderSelectionsTable;
  recruitment_cost_declarations: RecruitmentCostDeclarationsTable;
  recruitment_breaches: RecruitmentBreachesTable;
  agency_ratings: AgencyRatingsTable;
}
