import { z } from 'zod';
import { IsoDate, Period } from '../wages/reconcile/period.js';

const Minor = z.int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const Currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code, e.g. AED');

export const PublishProductRequest = z.strictObject({
  corridor: z.string().regex(/^[A-Z]{3}-[A-Z]{3}$/, 'must be ORIGIN-DESTINATION, e.g. NPL-ARE'),
  name: z.string().trim().min(1).max(200),
  currency: Currency.describe("The corridor's wage currency (loans are repaid from wages)"),
  min_amount_minor: Minor.min(1),
  max_amount_minor: Minor.min(1),
  min_term_months: z.int().min(1).max(120),
  max_term_months: z.int().min(1).max(120),
  annual_rate_bp: z.int().min(0).max(10000).describe('Nominal annual rate in basis points (1200 = 12%)'),
  fee_minor: Minor.default(0).describe('One-off fee, financed into the principal'),
});
export type PublishProductRequest = z.infer<typeof PublishProductRequest>;

export const Product = z.object({
  id: z.string(),
  lender_id: z.string(),
  lender_name: z.string(),
  corridor_code: z.string(),
  name: z.string(),
  currency: z.string(),
  min_amount_minor: z.number(),
  max_amount_minor: z.number(),
  min_term_months: z.number(),
  max_term_months: z.number(),
  annual_rate_bp: z.number(),
  fee_minor: z.number(),
  status: z.string(),
  created_at: z.string(),
});
export type Product = z.infer<typeof Product>;

export const ApplyRequest = z.strictObject({
  product_id: z.uuid(),
  contract_id: z.uuid().describe('Your registered contract'),
  amount_minor: Minor.min(1),
  term_months: z.int().min(1).max(120),
  consent_to_share_key_terms: z
    .literal(true, { error: "applying needs your consent to the lender seeing the contract's key terms: only true is accepted" })
    .describe("You agree that the lender sees the contract's key terms (employer, occupation, dates, wage) for this application"),
});
export type ApplyRequest = z.infer<typeof ApplyRequest>;

export const QuoteRequest = ApplyRequest.omit({ consent_to_share_key_terms: true });
export type QuoteRequest = z.infer<typeof QuoteRequest>;

export const LoanQuote = z.object({
  product_id: z.string(),
  contract_id: z.string(),
  currency: z.string(),
  amount_minor: z.number().describe('Paid out to you'),
  fee_minor: z.number(),
  principal_minor: z.number().describe('Amount plus the fee: what the schedule repays'),
  term_months: z.number(),
  annual_rate_bp: z.number(),
  instalment_minor: z.number().describe('The largest monthly instalment'),
  max_instalment_minor: z.number().describe("The most the corridor lets an instalment take from this contract's wage"),
  total_minor: z.number().describe('Everything you repay'),
  cost_minor: z.number().describe('What the loan costs: total repaid minus the amount paid out (interest and fee)'),
  first_month: z.string(),
  schedule: z.array(z.object({ seq: z.number(), due_month: z.string(), principal_minor: z.number(), interest_minor: z.number(), amount_minor: z.number() })),
});
export type LoanQuote = z.infer<typeof LoanQuote>;

export const RefundPaymentRequest = z.strictObject({
  amount_minor: Minor.min(1).describe('Paid back to the worker, minor units: at most what is still owed'),
  currency: Currency.describe("The loan's currency"),
  paid_on: IsoDate.describe('Day it was paid (not in the future)'),
  reference: z.string().trim().min(1).max(200).describe('Your payment reference (bank transfer, wallet transaction)'),
});
export const RefundPayment = z.object({
  id: z.string(),
  loan_id: z.string(),
  currency: z.string(),
  amount_minor: z.number(),
  paid_on: z.string(),
  reference: z.string(),
  recorded_at: z.string(),
});
export type RefundPayment = z.infer<typeof RefundPayment>;

export const DecisionRequest = z.strictObject({
  decision: z.enum(['approve', 'decline']),
  reason: z.string().trim().min(1).max(1000).optional(),
});

export const DisburseRequest = z.strictObject({
  disbursed_on: IsoDate.optional().describe('Date paid out (default today): before the contract start date'),
});

export const KeyTerms = z.object({
  contract_no: z.string(),
  employer_name: z.string(),
  occupation_isco: z.string().nullable(),
  job_title: z.string().nullable(),
  start_date: z.string(),
  end_date: z.string(),
  monthly_wage_minor: z.number(),
  currency: z.string(),
  contract_status: z.string(),
});

export const Instalment = z.object({
  seq: z.number(),
  due_month: z.string(),
  principal_minor: z.number(),
  interest_minor: z.number(),
  amount_minor: z.number(),
  paid_minor: z.number(),
  deferrals: z.number(),
  status: z.string(),
});

export const Repayment = z.object({
  month: z.string(),
  seq: z.number().nullable(),
  wage_status: z.string(),
  due_minor: z.number(),
  deducted_minor: z.number(),
  cap_minor: z.number(),
  applied_minor: z.number(),
  refund_minor: z.number(),
  outcome: z.string(),
  flag: z.string().nullable(),
});

export const LoanSummary = z.object({
  id: z.string(),
  product_id: z.string(),
  product_name: z.string(),
  lender_id: z.string(),
  lender_name: z.string(),
  worker_id: z.string(),
  contract_id: z.string(),
  corridor_code: z.string(),
  currency: z.string(),
  amount_minor: z.number(),
  fee_minor: z.number(),
  principal_minor: z.number(),
  term_months: z.number(),
  annual_rate_bp: z.number(),
  instalment_minor: z.number(),
  first_month: z.string(),
  status: z.string(),
  decision_reason: z.string().nullable(),
  disbursed_on: z.string().nullable(),
  created_at: z.string(),
  scheduled_minor: z.number().describe('Principal plus interest over the schedule'),
  repaid_minor: z.number(),
  balance_minor: z.number().describe('Still to repay: scheduled minus repaid'),
  refunds_owed_minor: z.number().describe('Deducted above the cap or from a wage not paid in full: owed back to the worker'),
  refunds_paid_minor: z.number().describe('Of the refunds owed, what the lender recorded as paid back'),
});
export type LoanSummary = z.infer<typeof LoanSummary>;

export const LoanDetail = LoanSummary.extend({
  key_terms: KeyTerms.nullable().describe('Shown to the worker, and to the lender while the worker consents'),
  schedule: z.array(Instalment),
  repayments: z.array(Repayment),
  refund_payments: z.array(RefundPayment),
});
export type LoanDetail = z.infer<typeof LoanDetail>;

export const Totals = z.object({
  rows: z.array(
    z.object({
      corridor_code: z.string(),
      currency: z.string(),
      applications: z.number(),
      approved: z.number(),
      declined: z.number(),
      disbursed: z.number(),
      disbursed_minor: z.number(),
      scheduled_minor: z.number(),
      repaid_minor: z.number(),
      balance_minor: z.number(),
      refunds_owed_minor: z.number(),
      refunds_paid_minor: z.number(),
      months_deferred: z.number(),
      months_flagged: z.number(),
    }),
  ),
});
export type Totals = z.infer<typeof Totals>;

export const DeductionLine = z.strictObject({
  loan_id: z.uuid(),
  month: Period.describe('The wage month deducted from, YYYY-MM'),
  amount_minor: Minor,
  currency: Currency,
});
export const ReportDeductionsRequest = z.strictObject({ deductions: z.array(DeductionLine).min(1).max(100000) });

export const DeductionReport = z.object({
  id: z.string(),
  status: z.enum(['accepted', 'duplicate']),
  duplicate_of: z.string().nullable(),
  lines: z.number(),
  total_minor: z.number(),
  received_at: z.string(),
});
export type DeductionReport = z.infer<typeof DeductionReport>;

export const DueDeductions = z.object({
  period: z.string(),
  due: z.array(z.object({ loan_id: z.string(), employer_id: z.string(), worker_id: z.string(), person_id: z.string().nullable(), seq: z.number(), due_minor: z.number(), currency: z.string() })),
});

export const MatchRequest = z.strictObject({ period: Period });
export const MatchSummary = z.object({
  period: z.string(),
  loans: z.number(),
  paid: z.number(),
  short: z.number(),
  missed: z.number(),
  deferred: z.number(),
  not_due: z.number(),
  flagged_over_cap: z.number(),
  flagged_not_paid_in_full: z.number(),
  applied_minor: z.number(),
  refund_minor: z.number(),
});
export type MatchSummary = z.infer<typeof MatchSummary>;
