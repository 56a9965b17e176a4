import type { Generated } from 'kysely';

export const LOAN_STATUSES = ['applied', 'approved', 'declined', 'withdrawn', 'disbursed'] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];
export const INSTALMENT_STATUSES = ['scheduled', 'paid', 'partial', 'missed'] as const;
export type InstalmentStatus = (typeof INSTALMENT_STATUSES)[number];
export const REPAYMENT_OUTCOMES = ['paid', 'short', 'missed', 'deferred', 'not_due'] as const;
export type RepaymentOutcome = (typeof REPAYMENT_OUTCOMES)[number];
export const REPAYMENT_FLAGS = ['over_cap', 'not_paid_in_full'] as const;
export type RepaymentFlag = (typeof REPAYMENT_FLAGS)[number];

export interface LoanProductsTable {
  id: Generated<string>;
  lender_id: string;
  corridor_code: string;
  name: string;
  currency: string;
  min_amount_minor: number;
  max_amount_minor: number;
  min_term_months: number;
  max_term_months: number;
  annual_rate_bp: number;
  fee_minor: number;
  status: Generated<'active' | 'withdrawn'>;
  created_at: Generated<Date>;
}

export interface LoansTable {
  id: Generated<string>;
  employer_id: string;
  product_id: string;
  lender_id: string;
  worker_id: string;
  contract_id: string;
  corridor_code: string;
  currency: string;
  amount_minor: number;
  fee_minor: number;
  principal_minor: number;
  term_months: number;
  annual_rate_bp: number;
  instalment_minor: number;
  monthly_wage_minor: number;
  max_instalment_share_bp: number;
  first_month: string;
  status: LoanStatus;
  consent_at: Date;
  consent_withdrawn_at: Date | null;
  decided_at: Date | null;
  decision_reason: string | null;
  disbursed_on: string | null;
  created_at: Generated<Date>;
}

export interface LoanInstalmentsTable {
  loan_id: string;
  seq: number;
  due_month: string;
  principal_minor: number;
  interest_minor: number;
  amount_minor: number;
  deferrals: Generated<number>;
}

export interface LoanDeductionReportsTable {
  id: Generated<string>;
  sha256: string;
  agent_id: string | null;
  via: 'api' | 'csv' | 'cli';
  status: 'accepted' | 'duplicate';
  duplicate_of: string | null;
  lines: number;
  total_minor: number;
  received_at: Generated<Date>;
}

export interface LoanDeductionsTable {
  loan_id: string;
  month: string;
  report_id: string;
  line: number;
  employer_id: string;
  currency: string;
  amount_minor: number;
}

export interface LoanRepaymentsTable {
  loan_id: string;
  month: string;
  seq: number | null;
  employer_id: string;
  worker_id: string;
  lender_id: string;
  corridor_code: string;
  currency: string;
  wage_status: string;
  due_minor: number;
  deducted_minor: number;
  cap_minor: number;
  applied_minor: number;
  refund_minor: number;
  outcome: RepaymentOutcome;
  flag: RepaymentFlag | null;
  matched_at: Generated<Date>;
}

export interface LoanRefundPaymentsTable {
  id: Generated<string>;
  loan_id: string;
  lender_id: string;
  currency: string;
  amount_minor: number;
  paid_on: string;
  reference: string;
  recorded_by_user_id: string | null;
  recorded_at: Generated<Date>;
}

/** The loan tables (migrations 0040, 0041). */
export interface LoanTables {
  loan_products: LoanProductsTable;
  loans: LoansTable;
  loan_instalments: LoanInstalmentsTable;
  loan_deduction_reports: LoanDeductionReportsTable;
  loan_deductions: LoanDeductionsTable;
  loan_repayments: LoanRepaymentsTable;
  loan_refund_payments: LoanRefundPaymentsTable;
}
