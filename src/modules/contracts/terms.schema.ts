import { z } from 'zod';
import { EMPLOYER_PAID_ITEMS } from '../corridors/rules.schema.js';

const Minor = z.int().nonnegative().max(1e13);
const Currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code, e.g. AED');
const Uuid = z.uuid();

export const COST_ITEMS = EMPLOYER_PAID_ITEMS;
export const Payer = z.enum(['employer', 'worker']);

export const Allowance = z.strictObject({
  kind: z.enum(['housing', 'food', 'transport', 'other']),
  amount_minor: Minor.describe('Monthly amount, minor units of the wage currency'),
  fixed: z.boolean().default(true).describe('Paid every month regardless of attendance: counts in the expected monthly pay'),
});

/**
 * The terms of an employment contract: structured data, never free text (PRODUCT.md 5.2).
 * This is what the worker accepts, the authorities approve and the registry hashes
 * (RFC 8785 canonical form), so every field that matters to the worker is here.
 */
export const ContractTerms = z
  .strictObject({
    corridor: z.string().regex(/^[A-Z]{3}-[A-Z]{3}$/, 'must be ORIGIN-DESTINATION, e.g. NPL-ARE'),
    employer_id: Uuid.describe('The employing organisation'),
    worker_id: Uuid.describe("The worker's record"),
    recruitment_agency_id: Uuid.nullable().default(null).describe('Origin agency that recruited the worker, if any'),
    occupation_isco: z.string().regex(/^[0-9]{4}$/, 'must be an ISCO-08 unit group: 4 digits, e.g. 7112'),
    job_title: z.string().trim().min(1).max(200),
    workplace: z.strictObject({
      city: z.string().trim().min(1).max(100),
      address: z.string().trim().min(1).max(300),
    }),
    start_date: z.iso.date(),
    end_date: z.iso.date().describe('Last day of the contract'),
    probation_months: z.int().min(0).max(24),
    wage: z.strictObject({
      currency: Currency,
      basic_monthly_minor: Minor.describe('Basic monthly wage, minor units'),
      allowances: z.array(Allowance).max(20).default([]),
      overtime_rate_pct: z.int().min(100).max(400).describe('Pay for an overtime hour, as a % of the normal hourly rate'),
    }),
    hours_per_week: z.int().min(1).max(84),
    rest_days_per_week: z.int().min(0).max(7),
    annual_leave_days: z.int().min(0).max(365),
    accommodation: z.enum(['provided', 'allowance', 'none']),
    food: z.enum(['provided', 'allowance', 'none']),
    transport: z.enum(['provided', 'allowance', 'none']),
    costs: z
      .strictObject(Object.fromEntries(COST_ITEMS.map((item) => [item, Payer])) as Record<(typeof COST_ITEMS)[number], typeof Payer>)
      .describe('Who pays each cost of recruitment and travel'),
    worker_recruitment_fee_minor: Minor.default(0).describe('Recruitment fees the worker pays, minor units of the wage currency'),
    insurance: z.strictObject({ health: z.boolean(), work_injury: z.boolean() }),
    end_of_service_days_per_year: z.int().min(0).max(60).describe('End-of-service benefit: days of basic wage per year served'),
    notice_days: z.int().min(0).max(180).describe('Notice either party gives to end the contract'),
    passport_retained_by_worker: z.boolean().describe('Passport and identity documents stay with the worker'),
    languages: z.array(z.string().min(2).max(20)).min(1).max(20).describe("Languages of the worker's copy (BCP 47)"),
  })
  .superRefine((t, ctx) => {
    if (t.end_date < t.start_date) ctx.addIssue({ code: 'custom', path: ['end_date'], message: 'must not be before start_date' });
  });

export type ContractTerms = z.output<typeof ContractTerms>;
export type ContractTermsInput = z.input<typeof ContractTerms>;

/** Months the contract runs (start to end inclusive), counting a started month as a whole one. */
export function durationMonths(start: string, end: string): number {
  const [sy, sm, sd] = start.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.parse(`${end}T00:00:00Z`) + 86_400_000);
  const [ny, nm, nd] = [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()];
  const full = (ny - sy) * 12 + (nm - sm) - (nd < sd ? 1 : 0);
  return full + (nd === sd ? 0 : 1);
}

/** Fixed monthly pay: basic wage plus the allowances paid every month (PRODUCT.md 5.3 "monthly"). */
export const monthlyFixedMinor = (t: ContractTerms) =>
  t.wage.basic_monthly_minor + t.wage.allowances.filter((a) => a.fixed).reduce((sum, a) => sum + a.amount_minor, 0);
