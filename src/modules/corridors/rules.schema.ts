import { z } from 'zod';

const Alpha3 = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code in capitals, e.g. NPL');
const Minor = z.int().nonnegative();
const Isco4 = z.string().regex(/^[0-9]{4}$/, 'must be an ISCO-08 unit group: 4 digits, e.g. 9111');

export const EMPLOYER_PAID_ITEMS = ['visa', 'work_permit', 'medical_test', 'outbound_travel', 'return_travel', 'insurance'] as const;

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** A BCP 47 tag in canonical form whose language is one ICU knows (so 'xx' and 'EN' are refused). */
export function isKnownLanguage(tag: string): boolean {
  try {
    if (Intl.getCanonicalLocales(tag)[0] !== tag) return false;
    return languageNames.of(new Intl.Locale(tag).language) !== undefined;
  } catch {
    return false;
  }
}

const unique = <T>(list: readonly T[]) => new Set(list).size === list.length;

export const WageFollowUp = z
  .strictObject({
    reminder_days: z
      .array(z.int().min(0).max(365))
      .max(10)
      .default([0, 10])
      .describe('Days after the payment deadline on which the employer is reminded (default [0, 10])'),
    warning_days: z.int().min(0).max(365).default(15).describe('Days after the deadline for a formal warning (default 15)'),
    inspection_days: z.int().min(0).max(365).default(20).describe('Days after the deadline for referral to inspection (default 20)'),
    suspend_after_months: z
      .int()
      .min(1)
      .max(24)
      .default(2)
      .describe("Months of unpaid or underpaid wages that suspend the employer's new job orders and contracts (default 2)"),
    change_employer_after_months: z
      .int()
      .min(1)
      .max(24)
      .default(3)
      .describe('Months of unpaid or underpaid wages after which the worker may change employer without consent (default 3)'),
  });

export const WageRules = z
  .strictObject({
    pay_day: z.int().min(1).max(31).describe('Day of month M+1 on which the wages of month M are due (the last day if the month is shorter)'),
    grace_days: z.int().min(0).max(60).describe('Days after the pay day before a payment counts as late'),
    underpayment_tolerance_minor: Minor.describe('Shortfall, in minor units, still counted as full payment'),
    follow_up: WageFollowUp.prefault({}).describe('The follow-up ladder for late wages (defaults below)'),
  })
  .describe('Wage protection rules (pay period: monthly)');

/**
 * Caps on pre-departure loans (issue 7, modules/loans; decision 0011). Optional and without a
 * default, so rule versions stored before it stay valid and hash the same; when absent the loans
 * module applies the documented defaults (loans/caps.ts).
 */
export const LoanCaps = z
  .strictObject({
    max_annual_rate_bp: z.int().min(0).max(10000).describe('Highest nominal annual interest rate of a loan product, in basis points (1200 = 12%)'),
    max_instalment_share_bp: z
      .int()
      .min(1)
      .max(10000)
      .describe("Highest monthly instalment as a share of the contract's monthly basic wage, in basis points (1500 = 15%)"),
  })
  .describe('Caps on pre-departure loans repaid through the wage system (absent: the documented defaults)');

/**
 * The rules of a corridor's bilateral agreement (PRODUCT.md 5.1; CLI.md `corridors apply`).
 * Optional keys take the documented defaults, and the stored version holds them filled in.
 * Checks between keys are in cross-field-problems.ts, against reference data in check-rules.ts:
 * both run on the raw input even when the shape is wrong, so one answer names every problem.
 */
export const CorridorRules = z
  .strictObject({
    code: z.string().regex(/^[A-Z]{3}-[A-Z]{3}$/, 'must be ORIGIN-DESTINATION, e.g. NPL-ARE').describe('ORIGIN-DESTINATION, ISO 3166-1 alpha-3'),
    origin: Alpha3.describe('Country of origin of the workers (ISO 3166-1 alpha-3)'),
    destination: Alpha3.describe('Country of employment (ISO 3166-1 alpha-3)'),
    valid_from: z.iso.date().describe('First day these rules apply, once both authorities approved them'),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code, e.g. AED').describe('ISO 4217 currency of the amounts below'),
    min_monthly_wage_minor: Minor.describe('Minimum monthly basic wage, in minor units of currency'),
    max_hours_per_week: z.int().min(1).max(84).describe('Maximum normal hours of work per week'),
    min_rest_days_per_week: z.int().min(1).max(6).describe('Minimum weekly rest days'),
    min_annual_leave_days: z.int().min(0).max(365).describe('Minimum paid annual leave days'),
    max_contract_months: z.int().min(1).max(120).describe('Maximum contract duration in months'),
    worker_fee_cap_minor: Minor.describe('Cap on recruitment fees paid by the worker, in minor units (0 under the employer-pays principle)'),
    wage: WageRules,
    languages: z
      .array(z.string().refine(isKnownLanguage, 'must be a known BCP 47 language code in canonical form, e.g. en, ne, ar'))
      .min(1)
      .max(20)
      .refine(unique, 'each language once')
      .describe("Languages in which the worker's copy of the contract must be available (BCP 47)"),
    allowed_occupations: z
      .array(Isco4)
      .min(1)
      .refine(unique, 'each occupation once')
      .optional()
      .describe('ISCO-08 unit groups that may be recruited; absent means all'),
    min_wage_by_occupation: z
      .record(Isco4, Minor)
      .default({})
      .describe('Minimum monthly basic wage per ISCO-08 unit group, in minor units; replaces the overall minimum for that occupation (default none)'),
    max_probation_months: z.int().min(0).max(12).default(6).describe('Maximum probation period in months (default 6)'),
    employer_paid_items: z
      .array(z.enum(EMPLOYER_PAID_ITEMS))
      .refine(unique, 'each item once')
      .default([...EMPLOYER_PAID_ITEMS])
      .describe('Costs the employer must pay, never the worker (default all of them)'),
    passport_retained_by_worker: z
      .literal(true, { error: 'the passport and identity documents always stay with the worker: only true is accepted' })
      .default(true)
      .describe('Passport and identity documents stay with the worker: always true'),
    loans: LoanCaps.optional(),
    health_worker_safeguard: z
      .boolean()
      .default(true)
      .describe(
        'Flag active recruitment of health personnel (ISCO 22xx, 32xx) from a country on the WHO safeguard list; false only where this agreement is itself the government-to-government exception (default true)',
      ),
  })
  .meta({ title: 'Corridor rules', description: 'The rules of a bilateral labour agreement, as applied with `corridor corridors apply`' });

export type CorridorRules = z.output<typeof CorridorRules>;
export type CorridorRulesInput = z.input<typeof CorridorRules>;

/** The JSON Schema that `corridor corridors schema` publishes: what a rules file may contain. */
export function corridorRulesJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(CorridorRules, { io: 'input' }) as Record<string, unknown>;
}
