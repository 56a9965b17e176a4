import type { useFormat } from '../../i18n/format.js';
import type { MessageId, useT } from '../../i18n/t.js';
import { languageName } from '../employer/breach-text.js';

/** A rules version's rules as stored (src/modules/corridors/rules.schema.ts, defaults filled in). */
export type Rules = Record<string, unknown>;

type T = ReturnType<typeof useT>;
type F = ReturnType<typeof useFormat>;

/** What a value needs to be put in words: the page's formatters and the occupations' titles. */
export interface Words {
  t: T;
  f: F;
  occupation: (isco: string) => string;
}

/** One term of the rules: where it is in the rules object, its label and its value in plain words. */
export interface RuleTerm {
  path: string;
  label: MessageId;
  words: (value: unknown, rules: Rules, w: Words) => string;
}

const COSTS = ['visa', 'work_permit', 'medical_test', 'outbound_travel', 'return_travel', 'insurance'];

const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const money = (v: unknown, rules: Rules, w: Words) => w.f.money(num(v), String(rules.currency ?? 'USD'));
const percent = (bp: number, w: Words) =>
  new Intl.NumberFormat(w.f.locale, { style: 'percent', maximumFractionDigits: 2 }).format(bp / 10000);

/** A value at a path such as "wage.follow_up.warning_days"; undefined when absent. */
export function valueAt(rules: Rules, path: string): unknown {
  let value: unknown = rules;
  for (const key of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** Every term of the rules, in the order a person reads them: pay, time, costs, documents, wages, loans. */
export const RULE_TERMS: RuleTerm[] = [
  { path: 'valid_from', label: 'rules.term.valid_from', words: (v, _r, w) => w.f.day(String(v)) },
  { path: 'min_monthly_wage_minor', label: 'rules.term.min_monthly_wage', words: money },
  {
    path: 'min_wage_by_occupation',
    label: 'rules.term.min_wage_by_occupation',
    words: (v, r, w) => {
      const entries = Object.entries((v ?? {}) as Record<string, number>).sort(([a], [b]) => a.localeCompare(b));
      if (entries.length === 0) return w.t('rules.value.none');
      return w.f.list(entries.map(([isco, minor]) => w.t('rules.value.occupationWage', { occupation: w.occupation(isco), amount: money(minor, r, w) })));
    },
  },
  { path: 'max_hours_per_week', label: 'rules.term.max_hours_per_week', words: (v, _r, w) => w.t('rules.value.hours', { n: num(v) }) },
  { path: 'min_rest_days_per_week', label: 'rules.term.min_rest_days_per_week', words: (v, _r, w) => w.t('rules.value.days', { n: num(v) }) },
  { path: 'min_annual_leave_days', label: 'rules.term.min_annual_leave_days', words: (v, _r, w) => w.t('rules.value.days', { n: num(v) }) },
  { path: 'max_probation_months', label: 'rules.term.max_probation_months', words: (v, _r, w) => w.t('rules.value.months', { n: num(v) }) },
  { path: 'max_contract_months', label: 'rules.term.max_contract_months', words: (v, _r, w) => w.t('rules.value.months', { n: num(v) }) },
  {
    path: 'worker_fee_cap_minor',
    label: 'rules.term.worker_fee_cap',
    words: (v, r, w) => (num(v) === 0 ? w.t('rules.value.noFee') : money(v, r, w)),
  },
  {
    path: 'employer_paid_items',
    label: 'rules.term.employer_paid_items',
    words: (v, _r, w) => {
      const items = strings(v);
      return items.length === 0 ? w.t('rules.value.none') : w.f.list(items.map((i) => (COSTS.includes(i) ? w.t(`cost.${i}` as MessageId) : i)));
    },
  },
  { path: 'passport_retained_by_worker', label: 'rules.term.passport', words: (_v, _r, w) => w.t('rules.value.passport') },
  { path: 'languages', label: 'rules.term.languages', words: (v, _r, w) => w.f.list(strings(v).map((l) => languageName(w.f.locale, l))) },
  {
    path: 'allowed_occupations',
    label: 'rules.term.allowed_occupations',
    words: (v, _r, w) => (v === undefined ? w.t('rules.value.allOccupations') : w.f.list(strings(v).map(w.occupation))),
  },
  {
    path: 'health_worker_safeguard',
    label: 'rules.term.health_worker_safeguard',
    words: (v, _r, w) => w.t(v === false ? 'rules.value.safeguardOff' : 'rules.value.safeguardOn'),
  },
  { path: 'currency', label: 'rules.term.currency', words: (v) => String(v) },
  { path: 'wage.pay_day', label: 'rules.term.pay_day', words: (v, _r, w) => w.t('rules.value.payDay', { day: num(v) }) },
  { path: 'wage.grace_days', label: 'rules.term.grace_days', words: (v, _r, w) => w.t('rules.value.days', { n: num(v) }) },
  { path: 'wage.underpayment_tolerance_minor', label: 'rules.term.underpayment_tolerance', words: money },
  {
    path: 'wage.follow_up.reminder_days',
    label: 'rules.term.reminders',
    words: (v, _r, w) => {
      const days = Array.isArray(v) ? v.map(num) : [];
      return days.length === 0 ? w.t('rules.value.none') : w.t('rules.value.afterDeadline', { days: w.f.list(days.map((d) => w.f.number(d))) });
    },
  },
  { path: 'wage.follow_up.warning_days', label: 'rules.term.warning', words: (v, _r, w) => w.t('rules.value.afterDeadline', { days: w.f.number(num(v)) }) },
  { path: 'wage.follow_up.inspection_days', label: 'rules.term.inspection', words: (v, _r, w) => w.t('rules.value.afterDeadline', { days: w.f.number(num(v)) }) },
  { path: 'wage.follow_up.suspend_after_months', label: 'rules.term.suspend', words: (v, _r, w) => w.t('rules.value.afterMonths', { n: num(v) }) },
  {
    path: 'wage.follow_up.change_employer_after_months',
    label: 'rules.term.change_employer',
    words: (v, _r, w) => w.t('rules.value.afterMonths', { n: num(v) }),
  },
  {
    path: 'loans.max_annual_rate_bp',
    label: 'rules.term.loan_rate',
    words: (v, _r, w) => (v === undefined ? w.t('rules.value.loanDefault') : percent(num(v), w)),
  },
  {
    path: 'loans.max_instalment_share_bp',
    label: 'rules.term.loan_instalment',
    words: (v, _r, w) => (v === undefined ? w.t('rules.value.loanDefault') : w.t('rules.value.ofWage', { pct: percent(num(v), w) })),
  },
];

/** Every ISCO-08 code the rules name (allowed occupations and per-occupation wages), for their titles. */
export function occupationsOf(rules: Rules | undefined): string[] {
  if (!rules) return [];
  return [...strings(rules.allowed_occupations), ...Object.keys((rules.min_wage_by_occupation ?? {}) as Record<string, unknown>)];
}

export interface Change {
  term: RuleTerm;
  before: string;
  after: string;
}

/** The terms whose value differs between two versions, each in plain words (the raw values are compared, not the words). */
export function changedTerms(before: Rules, after: Rules, w: Words): Change[] {
  return RULE_TERMS.filter((term) => JSON.stringify(valueAt(before, term.path)) !== JSON.stringify(valueAt(after, term.path))).map((term) => ({
    term,
    before: term.words(valueAt(before, term.path), before, w),
    after: term.words(valueAt(after, term.path), after, w),
  }));
}
