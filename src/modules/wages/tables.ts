import type { ColumnType, Generated } from 'kysely';

type Json<T = unknown> = ColumnType<T, string, string>;

export type SalaryFileStatus = 'accepted' | 'rejected' | 'duplicate';
export const WAGE_STATUSES = ['paid', 'late', 'pending', 'unpaid', 'underpaid'] as const;
export type WageStatus = (typeof WAGE_STATUSES)[number];

export interface WageMandatesTable {
  employer_id: string;
  agent_id: string;
  created_by_organisation_id: string | null;
  created_at: Generated<Date>;
}

export interface SalaryFilesTable {
  id: string;
  sha256: string;
  status: SalaryFileStatus;
  file_name: string;
  format: string;
  profiles: Generated<string[]>;
  employer_id: string | null;
  employer_external_id: string | null;
  submitted_by_organisation_id: string | null;
  submitted_via: 'api' | 'cli';
  salary_month: string | null;
  file_created_on: string | null;
  currency: string | null;
  byte_count: number;
  record_count: number;
  total_minor: number;
  control_count: number | null;
  control_total_minor: number | null;
  error_count: number;
  warning_count: number;
  errors: Json;
  warnings: Json;
  duplicate_of: string | null;
  received_at: Generated<Date>;
}

export interface SalaryRecordsTable {
  employer_id: string;
  file_id: string;
  line: number;
  person_id: string;
  month: string;
  paid_on: string;
  currency: string;
  fixed_minor: number;
  variable_minor: number;
  deductions_minor: number;
  paid_minor: number;
  unpaid_leave_days: number;
  days_paid: number;
  pay_start: string;
  pay_end: string;
  agent_routing_code: string | null;
}

export interface WageResultsTable {
  employer_id: string;
  contract_id: string;
  month: string;
  corridor_code: string;
  worker_id: string;
  person_id: string | null;
  rules_version: number;
  currency: string;
  monthly_minor: number;
  days_in_month: number;
  active_days: number;
  leave_days: number;
  expected_minor: number;
  paid_minor: number;
  payments: number;
  status: WageStatus;
  full_on: string | null;
  due_on: string;
  deadline: string;
  as_of: string;
  computed_at: Generated<Date>;
}

export type EscalationStep = 'reminder' | 'warning' | 'inspection';

export interface WageEscalationsTable {
  employer_id: string;
  contract_id: string;
  month: string;
  id: Generated<string>;
  worker_id: string;
  corridor_code: string;
  rules_version: number;
  wage_status: WageStatus;
  deadline: string;
  step: EscalationStep | null;
  step_count: Generated<number>;
  steps: Json<{ step: EscalationStep; day: number; on: string }[]>;
  state: 'open' | 'closed';
  resolution: 'paid' | 'paid_late' | 'justified' | 'cleared' | null;
  closed_on: string | null;
  justification_category: string | null;
  justification_text: string | null;
  justified_at: Date | null;
  justified_by: string | null;
  worker_response: 'accept' | 'contest' | null;
  worker_comment: string | null;
  worker_language: string | null;
  responded_at: Date | null;
  opened_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface WageSuspensionsTable {
  employer_id: string;
  started_on: string;
  months: string[];
  lifted_on: string | null;
  created_at: Generated<Date>;
}

export interface WageEmployerChangeRightsTable {
  employer_id: string;
  contract_id: string;
  worker_id: string;
  corridor_code: string;
  granted_on: string;
  months: string[];
  created_at: Generated<Date>;
}

/** The wage protection tables (migrations 0012 and 0015). */
export interface WageTables {
  wage_mandates: WageMandatesTable;
  salary_files: SalaryFilesTable;
  salary_records: SalaryRecordsTable;
  wage_results: WageResultsTable;
  wage_escalations: WageEscalationsTable;
  wage_suspensions: WageSuspensionsTable;
  wage_employer_change_rights: WageEmployerChangeRightsTable;
}
