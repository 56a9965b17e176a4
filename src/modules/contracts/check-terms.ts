import type { CorridorRules } from '../corridors/rules.schema.js';
import { COST_ITEMS, type ContractTerms, durationMonths } from './terms.schema.js';

/** One way an offer falls short of the corridor's rules: the term, the rule, what is allowed and what was offered. */
export interface Breach {
  code: string;
  /** JSON pointer into the terms. */
  term: string;
  /** The rule's key in the corridor rules. */
  rule: string;
  allowed: unknown;
  offered: unknown;
  message: string;
}

/** Facts from reference data and records that the pure checks need. */
export interface CheckContext {
  /** The occupation is an ISCO-08 unit group. */
  occupationKnown: boolean;
  /** Health professional or associate (ISCO 22xx/32xx). */
  occupationIsHealth: boolean;
  /** The origin country is on the WHO health workforce safeguard list. */
  originOnWhoSafeguardList: boolean;
  /** A government-to-government exception covers this recruitment. */
  safeguardExceptionRecorded: boolean;
}

/**
 * Every breach of the rules in force, not just the first: an employer fixing an offer
 * should see all of them at once.
 */
export function checkTerms(terms: ContractTerms, rules: CorridorRules, ctx: CheckContext): Breach[] {
  const breaches: Breach[] = [];
  const add = (code: string, term: string, rule: string, allowed: unknown, offered: unknown, message: string) =>
    breaches.push({ code, term, rule, allowed, offered, message });

  if (terms.corridor !== rules.code)
    add('corridor_mismatch', '/corridor', 'code', rules.code, terms.corridor, 'The contract is for another corridor');
  if (!ctx.occupationKnown)
    add('occupation_unknown', '/occupation_isco', 'allowed_occupations', 'an ISCO-08 unit group', terms.occupation_isco, 'Not an ISCO-08 unit group');
  else if (rules.allowed_occupations && !rules.allowed_occupations.includes(terms.occupation_isco))
    add('occupation_not_allowed', '/occupation_isco', 'allowed_occupations', rules.allowed_occupations, terms.occupation_isco,
      'This occupation may not be recruited in this corridor');

  if (terms.wage.currency !== rules.currency)
    add('wage_currency', '/wage/currency', 'currency', rules.currency, terms.wage.currency, `Wages must be stated in ${rules.currency}`);
  else {
    const minimum = rules.min_wage_by_occupation[terms.occupation_isco] ?? rules.min_monthly_wage_minor;
    const rule = terms.occupation_isco in rules.min_wage_by_occupation ? `min_wage_by_occupation/${terms.occupation_isco}` : 'min_monthly_wage_minor';
    if (terms.wage.basic_monthly_minor < minimum)
      add('wage_below_minimum', '/wage/basic_monthly_minor', rule, minimum, terms.wage.basic_monthly_minor, 'The basic wage is below the minimum');
    if (terms.worker_recruitment_fee_minor > rules.worker_fee_cap_minor)
      add('worker_fee_above_cap', '/worker_recruitment_fee_minor', 'worker_fee_cap_minor', rules.worker_fee_cap_minor,
        terms.worker_recruitment_fee_minor, 'The worker would pay more in recruitment fees than the cap');
  }

  if (terms.hours_per_week > rules.max_hours_per_week)
    add('hours_above_maximum', '/hours_per_week', 'max_hours_per_week', rules.max_hours_per_week, terms.hours_per_week, 'Normal hours exceed the maximum');
  if (terms.rest_days_per_week < rules.min_rest_days_per_week)
    add('rest_days_below_minimum', '/rest_days_per_week', 'min_rest_days_per_week', rules.min_rest_days_per_week,
      terms.rest_days_per_week, 'Fewer weekly rest days than the minimum');
  if (terms.annual_leave_days < rules.min_annual_leave_days)
    add('leave_below_minimum', '/annual_leave_days', 'min_annual_leave_days', rules.min_annual_leave_days,
      terms.annual_leave_days, 'Less paid annual leave than the minimum');
  if (terms.probation_months > rules.max_probation_months)
    add('probation_above_maximum', '/probation_months', 'max_probation_months', rules.max_probation_months,
      terms.probation_months, 'The probation period is longer than allowed');
  const months = durationMonths(terms.start_date, terms.end_date);
  if (months > rules.max_contract_months)
    add('duration_above_maximum', '/end_date', 'max_contract_months', rules.max_contract_months, months, 'The contract runs longer than allowed');

  for (const item of COST_ITEMS) {
    if (rules.employer_paid_items.includes(item) && terms.costs[item] === 'worker')
      add('employer_cost_charged_to_worker', `/costs/${item}`, 'employer_paid_items', 'employer', 'worker',
        `The employer must pay the ${item.replaceAll('_', ' ')}`);
  }
  if (!terms.passport_retained_by_worker)
    add('passport_retention', '/passport_retained_by_worker', 'passport_retained_by_worker', true, false,
      'The passport and identity documents must stay with the worker');
  rules.languages.forEach((language) => {
    if (!terms.languages.includes(language))
      add('language_missing', '/languages', 'languages', language, terms.languages, `The worker's copy must be available in ${language}`);
  });
  if (rules.health_worker_safeguard && ctx.occupationIsHealth && ctx.originOnWhoSafeguardList && !ctx.safeguardExceptionRecorded)
    add('health_worker_safeguard', '/occupation_isco', 'health_worker_safeguard', 'a government-to-government exception',
      terms.occupation_isco,
      'Active recruitment of health personnel from a country on the WHO safeguard list needs a recorded government-to-government exception');
  return breaches;
}
