import { CorridorRules } from '../corridors/rules.schema.js';
import { ContractTerms, type ContractTermsInput } from './terms.schema.js';

/** The CLI.md example rules (NPL-ARE), filled with defaults: what most contract tests check against. */
export const exampleRules = () =>
  CorridorRules.parse({
    code: 'NPL-ARE',
    origin: 'NPL',
    destination: 'ARE',
    valid_from: '2026-01-01',
    currency: 'AED',
    min_monthly_wage_minor: 100000,
    max_hours_per_week: 48,
    min_rest_days_per_week: 1,
    min_annual_leave_days: 30,
    max_contract_months: 24,
    worker_fee_cap_minor: 0,
    wage: { pay_day: 10, grace_days: 5, underpayment_tolerance_minor: 0 },
    languages: ['en', 'ne', 'ar'],
  });

/** Terms that satisfy exampleRules(); override what a test is about. */
export function validTermsInput(overrides: Partial<ContractTermsInput> = {}): ContractTermsInput {
  return {
    corridor: 'NPL-ARE',
    employer_id: '00000000-0000-4000-8000-000000000001',
    worker_id: '00000000-0000-4000-8000-000000000002',
    occupation_isco: '7112',
    job_title: 'Bricklayer',
    workplace: { city: 'Dubai', address: 'Plot 12, Al Quoz Industrial Area 3' },
    start_date: '2026-03-01',
    end_date: '2028-02-29',
    probation_months: 3,
    wage: {
      currency: 'AED',
      basic_monthly_minor: 150000,
      allowances: [{ kind: 'food', amount_minor: 30000, fixed: true }],
      overtime_rate_pct: 125,
    },
    hours_per_week: 48,
    rest_days_per_week: 1,
    annual_leave_days: 30,
    accommodation: 'provided',
    food: 'allowance',
    transport: 'provided',
    costs: {
      visa: 'employer',
      work_permit: 'employer',
      medical_test: 'employer',
      outbound_travel: 'employer',
      return_travel: 'employer',
      insurance: 'employer',
    },
    worker_recruitment_fee_minor: 0,
    insurance: { health: true, work_injury: true },
    end_of_service_days_per_year: 21,
    notice_days: 30,
    passport_retained_by_worker: true,
    languages: ['en', 'ne', 'ar'],
    ...overrides,
  };
}

export const validTerms = (overrides: Partial<ContractTermsInput> = {}) => ContractTerms.parse(validTermsInput(overrides));
