import { z } from 'zod';
import { ContractTerms } from '../contracts/terms.schema.js';

/** Request and response schemas of the recruitment routes (PRODUCT.md 5.4). */

const Uuid = z.uuid();
const Keyword = z.string().trim().toLowerCase().min(1).max(60);
const Keywords = z.array(Keyword).max(30).default([]);
const Language = z.string().min(2).max(20);
const Reason = z.string().trim().min(1).max(2000);

/** The ILO categories of recruitment fees and related costs (../shared/data/recruitment-costs/). */
export const COST_CATEGORIES = [
  'recruitment_fee', 'medical', 'insurance', 'skills_test', 'training_orientation',
  'equipment', 'travel_lodging', 'administrative', 'illegitimate', 'other',
] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

// ---- licences
export const LicenceRequest = z.strictObject({
  agency_id: Uuid.describe('The recruitment agency'),
  number: z.string().trim().min(1).max(60).describe('Licence number as issued'),
  valid_from: z.iso.date(),
  valid_to: z.iso.date(),
}).superRefine((l, ctx) => {
  if (l.valid_to < l.valid_from) ctx.addIssue({ code: 'custom', path: ['valid_to'], message: 'must not be before valid_from' });
});
export type LicenceRequest = z.output<typeof LicenceRequest>;

export const LicenceStatusRequest = z.strictObject({
  status: z.enum(['active', 'suspended', 'revoked']).describe('The new status (expiry is automatic, from valid_to)'),
  reason: Reason.describe('Why: kept in the licence history and shown on the public profile'),
});
export type LicenceStatusRequest = z.output<typeof LicenceStatusRequest>;

export const EffectiveLicenceStatus = z.enum(['active', 'suspended', 'revoked', 'expired', 'not_yet_valid']);
export const LicenceEvent = z.object({
  from_status: z.string().nullable(),
  to_status: z.string(),
  reason: z.string(),
  occurred_at: z.string(),
});
export const Licence = z.object({
  id: z.string(),
  agency_id: z.string(),
  agency_name: z.string(),
  number: z.string(),
  issued_by_organisation_id: z.string().nullable(),
  valid_from: z.string(),
  valid_to: z.string(),
  status: EffectiveLicenceStatus.describe('Status today: expired once valid_to has passed'),
  status_reason: z.string().nullable(),
  history: z.array(LicenceEvent),
});
export type Licence = z.infer<typeof Licence>;

// ---- job orders
const { worker_id: _w, recruitment_agency_id: _a, ...termsShape } = ContractTerms.shape;
/** The contract terms offered by a job order: the contract's terms without the worker (each contract adds one). */
export const JobOrderTerms = z.strictObject(termsShape).superRefine((t, ctx) => {
  if (t.end_date < t.start_date) ctx.addIssue({ code: 'custom', path: ['end_date'], message: 'must not be before start_date' });
});
export type JobOrderTerms = z.output<typeof JobOrderTerms>;

export const JobOrderRequest = z.strictObject({
  origin_agency_id: Uuid.describe('Licensed origin agency that serves the order (jointly liable)'),
  destination_liable_id: Uuid.optional().describe('Destination recruitment agency jointly liable; the employer itself when absent'),
  positions: z.int().min(1).max(10000),
  terms: JobOrderTerms,
  required_skills: Keywords,
  required_languages: z.array(Language).max(20).default([]),
  required_certificates: Keywords,
});
export type JobOrderRequest = z.output<typeof JobOrderRequest>;

export const JobOrder = z.object({
  id: z.string(),
  reference: z.string(),
  employer_id: z.string(),
  corridor: z.string(),
  origin_agency_id: z.string(),
  destination_liable_id: z.string(),
  occupation_isco: z.string(),
  positions: z.number().int(),
  filled: z.number().int().describe('Selections made so far'),
  monthly_wage_minor: z.number().int(),
  currency: z.string(),
  terms: z.record(z.string(), z.unknown()),
  required_skills: z.array(z.string()),
  required_languages: z.array(z.string()),
  required_certificates: z.array(z.string()),
  status: z.enum(['submitted', 'verified', 'refused', 'closed']),
  breaches: z.array(z.record(z.string(), z.unknown())),
  rules_version: z.number().int().nullable(),
  safeguard_exception: z.string().nullable().describe('G2G exception reference for a health occupation from a WHO safeguard-list country'),
  decision_reason: z.string().nullable(),
  decided_at: z.string().nullable(),
  created_at: z.string(),
});
export type JobOrder = z.infer<typeof JobOrder>;

export const RefuseRequest = z.strictObject({ reason: Reason });

// ---- candidates
export const CandidateRequest = z.strictObject({
  worker_id: Uuid.optional().describe("The worker (an agency: one it registered; a worker: omit, it is their own)"),
  occupation_isco: z.string().regex(/^[0-9]{4}$/, 'must be an ISCO-08 unit group: 4 digits, e.g. 7112'),
  skills: Keywords,
  languages: z.array(Language).max(20).default([]),
  certificates: Keywords,
  available: z.boolean().default(true),
});
export type CandidateRequest = z.output<typeof CandidateRequest>;

export const Candidate = z.object({
  id: z.string(),
  worker_id: z.string(),
  registered_by_organisation_id: z.string().nullable(),
  occupation_isco: z.string(),
  skills: z.array(z.string()),
  languages: z.array(z.string()),
  certificates: z.array(z.string()),
  available: z.boolean(),
});
export type Candidate = z.infer<typeof Candidate>;

export const ShortlistQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) });
export const ShortlistEntry = z.object({
  rank: z.number().int(),
  candidate_id: z.string(),
  worker_id: z.string(),
  worker_name: z.string(),
  score: z.number().int(),
  reasons: z.array(z.string()).describe('Why the candidate ranks here, strongest first'),
});
export const Shortlist = z.object({ job_order_id: z.string(), candidates: z.array(ShortlistEntry) });
export type ShortlistEntry = z.infer<typeof ShortlistEntry>;

export const SelectRequest = z.strictObject({ candidate_id: Uuid });
export const Selection = z.object({
  id: z.string(),
  job_order_id: z.string(),
  candidate_id: z.string(),
  worker_id: z.string(),
  rank: z.number().int().nullable(),
  reasons: z.array(z.string()),
  contract_id: z.string().nullable().describe('The contract offered from the job order (once the employer offers)'),
  contract_status: z.string().nullable(),
});
export type Selection = z.infer<typeof Selection>;

// ---- costs
export const CostItem = z.strictObject({
  category: z.enum(COST_CATEGORIES).describe('ILO category of recruitment fees and related costs'),
  amount_minor: z.int().nonnegative().max(1e13).describe('What the worker paid, minor units of the currency'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code, e.g. NPR'),
  rate_to_wage_currency: z.string().regex(/^[0-9]+(\.[0-9]+)?$/, 'a positive decimal, e.g. 0.0275').optional()
    .describe('Units of the wage currency per unit of this currency; required when the currency is not the wage currency'),
  paid_on: z.iso.date().optional(),
});
export const CostDeclarationRequest = z.strictObject({
  contract_id: Uuid,
  items: z.array(CostItem).max(50).describe('Everything the worker paid (an empty list: nothing)'),
});
export type CostDeclarationRequest = z.output<typeof CostDeclarationRequest>;

export const Sdg1071 = z.object({
  worker_paid_minor: z.number().int(),
  currency: z.string(),
  source_side: z.enum(['worker', 'agency']).describe("Whose declaration: the worker's own when there is one"),
  first_month_earnings_minor: z.number().int(),
  earnings_source: z.enum(['wages', 'contract']).describe('wages: paid in the first reconciled month; contract: the monthly wage of the contract'),
  earnings_month: z.string().nullable(),
  ratio: z.string().describe('Worker-paid costs / first month earnings (months of pay), 2 decimals'),
});
export const CostDeclaration = z.object({
  id: z.string(),
  contract_id: z.string(),
  worker_id: z.string(),
  side: z.enum(['agency', 'worker']),
  wage_currency: z.string(),
  total_wage_minor: z.number().int(),
  items: z.array(z.record(z.string(), z.unknown())),
  created_at: z.string(),
});
export const CostSummary = z.object({
  contract_id: z.string(),
  contract_no: z.string(),
  worker_id: z.string(),
  origin_agency_id: z.string().nullable().describe('The origin agency (jointly liable), whom the worker may rate'),
  agency: CostDeclaration.nullable(),
  worker: CostDeclaration.nullable(),
  difference_minor: z.number().int().nullable().describe('Worker-declared minus agency-declared total (null until both declared)'),
  cap_minor: z.number().int(),
  sdg_10_7_1: Sdg1071.nullable(),
  breaches: z.array(z.lazy(() => Breach)),
});
export type CostSummary = z.infer<typeof CostSummary>;

export const Breach = z.object({
  id: z.string(),
  code: z.string(),
  contract_id: z.string(),
  worker_id: z.string(),
  job_order_id: z.string().nullable(),
  origin_agency_id: z.string().nullable(),
  destination_liable_id: z.string(),
  side: z.string(),
  cap_minor: z.number().int(),
  paid_minor: z.number().int(),
  currency: z.string(),
  status: z.enum(['open', 'upheld', 'dismissed']),
  decision_reason: z.string().nullable(),
  raised_at: z.string(),
});
export type Breach = z.infer<typeof Breach>;
export const BreachDecisionRequest = z.strictObject({ outcome: z.enum(['upheld', 'dismissed']), reason: Reason });

export const CostDifference = z.object({
  contract_id: z.string(),
  worker_id: z.string(),
  origin_agency_id: z.string().nullable(),
  currency: z.string(),
  agency_total_minor: z.number().int().nullable(),
  worker_total_minor: z.number().int().nullable(),
  difference_minor: z.number().int(),
});

export const Sdg1071Query = z.object({ corridor: z.string().regex(/^[A-Z]{3}-[A-Z]{3}$/).optional() });
export const Sdg1071Cell = z.object({
  corridor: z.string(),
  sex: z.string().nullable(),
  occupation_isco: z.string().nullable(),
  workers: z.number().int().nullable().describe('Null when suppressed (fewer than 5 workers)'),
  mean_ratio: z.string().nullable().describe('Mean worker-paid costs / first month earnings, in months; null when suppressed'),
  suppressed: z.boolean(),
});
export const Sdg1071Report = z.object({ minimum_cell: z.number().int(), cells: z.array(Sdg1071Cell) });

// ---- ratings and profile
export const RatingRequest = z.strictObject({ stars: z.int().min(1).max(5), comment: z.string().trim().max(2000).optional() });
export const AgencyProfile = z.object({
  id: z.string(),
  name: z.string(),
  country: z.string(),
  licences: z.array(z.object({ number: z.string(), status: EffectiveLicenceStatus, valid_from: z.string(), valid_to: z.string(), status_reason: z.string().nullable() })),
  licensed: z.boolean().describe('Holds an active licence today'),
  breaches_upheld: z.array(z.object({ code: z.string(), decided_at: z.string().nullable(), reason: z.string().nullable() })),
  rating: z.object({ average: z.string().nullable(), count: z.number().int() }),
});
export const IdParams = z.object({ id: z.string().describe('Identifier (UUID)') });
