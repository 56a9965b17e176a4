import { COST_ITEMS, type Terms } from '../worker/terms.js';
import { minorToText, toMinor } from '../../i18n/money-input.js';

/**
 * The drafting form's state: what the person typed, as typed (strings for numbers and amounts),
 * so a refused value is never lost or rewritten. `toTerms` turns it into the API's terms.
 */
export type Provision = 'provided' | 'allowance' | 'none';
export type Payer = 'employer' | 'worker';
export type CostItem = (typeof COST_ITEMS)[number];

export interface DraftForm {
  corridor: string;
  worker_id: string;
  occupation_isco: string;
  job_title: string;
  city: string;
  address: string;
  start_date: string;
  end_date: string;
  probation_months: string;
  currency: string;
  /** Major units as typed, e.g. "1500.00": converted to minor units with string arithmetic, never floats. */
  basic: string;
  overtime_rate_pct: string;
  hours_per_week: string;
  rest_days_per_week: string;
  annual_leave_days: string;
  accommodation: Provision;
  food: Provision;
  transport: Provision;
  costs: Record<CostItem, Payer>;
  fee: string;
  health: boolean;
  work_injury: boolean;
  end_of_service_days_per_year: string;
  notice_days: string;
  passport_retained_by_worker: boolean;
  languages: string[];
}

/** The corridor's rules in force, as GET /corridors/{code}/rules sends them (an open object). */
export type Rules = Record<string, unknown>;

const num = (rules: Rules, key: string, fallback: number) => (typeof rules[key] === 'number' ? (rules[key] as number) : fallback);
const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** Typed decimal text to minor units; anything else is sent as typed so the API names the field. */
const textToMinor = (text: string, currency: string): number | string => toMinor(text, currency) ?? text;

/** Whole numbers go as numbers; anything else as typed, for the API to refuse at its field. */
const toInt = (text: string): number | string => (/^\s*\d{1,9}\s*$/.test(text) ? Number(text) : text);

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A new draft from the corridor's template: its rules in force give the minimums and maximums. */
export function formFromRules(corridor: string, rules: Rules, today = new Date()): DraftForm {
  const currency = typeof rules.currency === 'string' ? rules.currency : 'AED';
  const months = Math.min(num(rules, 'max_contract_months', 24), 24);
  const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 2, 1));
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 0));
  return {
    corridor,
    worker_id: '',
    occupation_isco: '',
    job_title: '',
    city: '',
    address: '',
    start_date: isoDay(start),
    end_date: isoDay(end),
    probation_months: String(Math.min(num(rules, 'max_probation_months', 6), 3)),
    currency,
    basic: minorToText(num(rules, 'min_monthly_wage_minor', 0), currency),
    overtime_rate_pct: '125',
    hours_per_week: String(num(rules, 'max_hours_per_week', 48)),
    rest_days_per_week: String(num(rules, 'min_rest_days_per_week', 1)),
    annual_leave_days: String(num(rules, 'min_annual_leave_days', 30)),
    accommodation: 'provided',
    food: 'provided',
    transport: 'provided',
    // The employer-pays principle: every cost on the employer, whatever the rules leave open.
    costs: Object.fromEntries(COST_ITEMS.map((item) => [item, 'employer'])) as Record<CostItem, Payer>,
    fee: minorToText(0, currency),
    health: true,
    work_injury: true,
    end_of_service_days_per_year: '21',
    notice_days: '30',
    passport_retained_by_worker: true,
    languages: strings(rules.languages),
  };
}

/** A saved draft back into the form (editing a draft keeps its parties and corridor). */
export function formFromTerms(terms: Terms): DraftForm {
  const currency = terms.wage.currency;
  return {
    corridor: terms.corridor,
    worker_id: terms.worker_id,
    occupation_isco: terms.occupation_isco,
    job_title: terms.job_title,
    city: terms.workplace.city,
    address: terms.workplace.address,
    start_date: terms.start_date,
    end_date: terms.end_date,
    probation_months: String(terms.probation_months),
    currency,
    basic: minorToText(terms.wage.basic_monthly_minor, currency),
    overtime_rate_pct: String(terms.wage.overtime_rate_pct),
    hours_per_week: String(terms.hours_per_week),
    rest_days_per_week: String(terms.rest_days_per_week),
    annual_leave_days: String(terms.annual_leave_days),
    accommodation: terms.accommodation,
    food: terms.food,
    transport: terms.transport,
    costs: { ...terms.costs },
    fee: minorToText(terms.worker_recruitment_fee_minor ?? 0, currency),
    health: terms.insurance.health,
    work_injury: terms.insurance.work_injury,
    end_of_service_days_per_year: String(terms.end_of_service_days_per_year),
    notice_days: String(terms.notice_days),
    passport_retained_by_worker: terms.passport_retained_by_worker,
    languages: [...terms.languages],
  };
}

/**
 * The terms the API checks. Values that are not numbers are sent as typed (cast, on purpose):
 * the API's 422 then points at the field, and the page shows its words there.
 */
export function toTerms(form: DraftForm, employerId: string, keepAllowances: Terms['wage']['allowances'] = []): Terms {
  const terms = {
    corridor: form.corridor,
    employer_id: employerId,
    worker_id: form.worker_id.trim(),
    recruitment_agency_id: null,
    occupation_isco: form.occupation_isco.trim(),
    job_title: form.job_title,
    workplace: { city: form.city, address: form.address },
    start_date: form.start_date,
    end_date: form.end_date,
    probation_months: toInt(form.probation_months),
    wage: {
      currency: form.currency.trim(),
      basic_monthly_minor: textToMinor(form.basic, form.currency),
      allowances: keepAllowances,
      overtime_rate_pct: toInt(form.overtime_rate_pct),
    },
    hours_per_week: toInt(form.hours_per_week),
    rest_days_per_week: toInt(form.rest_days_per_week),
    annual_leave_days: toInt(form.annual_leave_days),
    accommodation: form.accommodation,
    food: form.food,
    transport: form.transport,
    costs: form.costs,
    worker_recruitment_fee_minor: textToMinor(form.fee, form.currency),
    insurance: { health: form.health, work_injury: form.work_injury },
    end_of_service_days_per_year: toInt(form.end_of_service_days_per_year),
    notice_days: toInt(form.notice_days),
    passport_retained_by_worker: form.passport_retained_by_worker,
    languages: form.languages,
  };
  return terms as unknown as Terms;
}

/** "/terms/wage/basic_monthly_minor" and "/wage/basic_monthly_minor" both name the field "wage/basic_monthly_minor". */
export const fieldKey = (pointer: string) => pointer.replace(/^\/terms/, '').replace(/^\//, '');
