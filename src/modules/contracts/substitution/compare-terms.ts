import { COST_ITEMS, type ContractTerms, monthlyFixedMinor } from '../terms.schema.js';

/** A term of the presented contract that differs from the registered one. */
export interface Finding {
  /** JSON pointer into the terms. */
  term: string;
  /** less_favourable: worse for the worker; changed: different, direction unclear (still substitution). */
  kind: 'less_favourable' | 'changed';
  registered: unknown;
  presented: unknown;
  message: string;
}

type Direction = 'higher_is_better' | 'lower_is_better';

/** Numeric terms and which way is better for the worker. */
const NUMERIC: [string, (t: ContractTerms) => number, Direction, string][] = [
  ['/wage/basic_monthly_minor', (t) => t.wage.basic_monthly_minor, 'higher_is_better', 'The basic wage is lower'],
  ['/wage/allowances', (t) => monthlyFixedMinor(t) - t.wage.basic_monthly_minor, 'higher_is_better', 'The fixed allowances are lower'],
  ['/wage/overtime_rate_pct', (t) => t.wage.overtime_rate_pct, 'higher_is_better', 'Overtime is paid at a lower rate'],
  ['/hours_per_week', (t) => t.hours_per_week, 'lower_is_better', 'More normal hours of work'],
  ['/rest_days_per_week', (t) => t.rest_days_per_week, 'higher_is_better', 'Fewer weekly rest days'],
  ['/annual_leave_days', (t) => t.annual_leave_days, 'higher_is_better', 'Less paid annual leave'],
  ['/probation_months', (t) => t.probation_months, 'lower_is_better', 'A longer probation period'],
  ['/worker_recruitment_fee_minor', (t) => t.worker_recruitment_fee_minor, 'lower_is_better', 'The worker pays more in recruitment fees'],
  ['/end_of_service_days_per_year', (t) => t.end_of_service_days_per_year, 'higher_is_better', 'A smaller end-of-service benefit'],
  ['/notice_days', (t) => t.notice_days, 'higher_is_better', 'Shorter notice'],
];

const PROVISION_RANK = { provided: 2, allowance: 1, none: 0 } as const;

/** Terms where any change is substitution, though "worse" has no single direction. */
const IDENTITY: [string, (t: ContractTerms) => unknown, string][] = [
  ['/employer_id', (t) => t.employer_id, 'Another employer'],
  ['/worker_id', (t) => t.worker_id, 'Another worker'],
  ['/occupation_isco', (t) => t.occupation_isco, 'Another occupation'],
  ['/job_title', (t) => t.job_title, 'Another job title'],
  ['/workplace', (t) => t.workplace, 'Another workplace'],
  ['/start_date', (t) => t.start_date, 'Another start date'],
  ['/end_date', (t) => t.end_date, 'Another end date'],
  ['/wage/currency', (t) => t.wage.currency, 'Wages in another currency'],
];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Every term of `presented` that is worse for the worker than `registered`, or changed where
 * the contract is no longer the one registered. Pure, so each rule is tested on its own.
 */
export function compareTerms(registered: ContractTerms, presented: ContractTerms): Finding[] {
  const findings: Finding[] = [];
  const push = (f: Finding) => findings.push(f);

  for (const [term, get, message] of IDENTITY) {
    if (!same(get(registered), get(presented)))
      push({ term, kind: 'changed', registered: get(registered), presented: get(presented), message });
  }
  const comparable = registered.wage.currency === presented.wage.currency;
  for (const [term, get, direction, message] of NUMERIC) {
    if (!comparable && term.startsWith('/wage/') && term !== '/wage/overtime_rate_pct') continue;
    const [r, p] = [get(registered), get(presented)];
    if (direction === 'higher_is_better' ? p < r : p > r) push({ term, kind: 'less_favourable', registered: r, presented: p, message });
  }
  for (const item of COST_ITEMS) {
    if (registered.costs[item] === 'employer' && presented.costs[item] === 'worker')
      push({ term: `/costs/${item}`, kind: 'less_favourable', registered: 'employer', presented: 'worker', message: `The worker pays the ${item.replaceAll('_', ' ')}` });
  }
  for (const key of ['accommodation', 'food', 'transport'] as const) {
    if (PROVISION_RANK[presented[key]] < PROVISION_RANK[registered[key]])
      push({ term: `/${key}`, kind: 'less_favourable', registered: registered[key], presented: presented[key], message: `Less ${key} provided` });
  }
  for (const key of ['health', 'work_injury'] as const) {
    if (registered.insurance[key] && !presented.insurance[key])
      push({ term: `/insurance/${key}`, kind: 'less_favourable', registered: true, presented: false, message: `No ${key.replace('_', ' ')} insurance` });
  }
  if (registered.passport_retained_by_worker && !presented.passport_retained_by_worker)
    push({ term: '/passport_retained_by_worker', kind: 'less_favourable', registered: true, presented: false, message: 'The employer would keep the passport' });
  const dropped = registered.languages.filter((l) => !presented.languages.includes(l));
  if (dropped.length)
    push({ term: '/languages', kind: 'less_favourable', registered: registered.languages, presented: presented.languages, message: `No copy in ${dropped.join(', ')}` });
  return findings;
}
