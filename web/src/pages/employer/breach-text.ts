import type { paths } from '../../api/schema.js';
import { useFormat } from '../../i18n/format.js';
import { type MessageId, useT } from '../../i18n/t.js';

export type Breach = paths['/api/v1/contracts/check']['post']['responses'][200]['content']['application/json']['breaches'][number];

/** Breach codes the catalog words (check-terms.ts); another code is shown with the API's own sentence. */
const CODES = new Set([
  'corridor_mismatch', 'occupation_unknown', 'occupation_not_allowed', 'wage_currency', 'wage_below_minimum', 'worker_fee_above_cap',
  'hours_above_maximum', 'rest_days_below_minimum', 'leave_below_minimum', 'probation_above_maximum', 'duration_above_maximum',
  'employer_cost_charged_to_worker', 'passport_retention', 'language_missing', 'health_worker_safeguard',
]);
const MONEY = new Set(['wage_below_minimum', 'worker_fee_above_cap']);
const COSTS = new Set(['visa', 'work_permit', 'medical_test', 'outbound_travel', 'return_travel', 'insurance']);

/**
 * A breach in plain words, from its code and its parameters (the term, what the rule allows and
 * what was offered): amounts as money and languages by name in the page's language.
 */
export function useBreachText(): (breach: Breach, currency: string) => string {
  const t = useT();
  const f = useFormat();
  return (breach, currency) => {
    if (!CODES.has(breach.code)) return breach.message;
    const value = (v: unknown): string => {
      if (MONEY.has(breach.code) && typeof v === 'number') return f.money(v, currency);
      if (typeof v === 'number') return f.number(v);
      if (Array.isArray(v)) return f.list(v.map(String));
      return typeof v === 'string' ? v : JSON.stringify(v);
    };
    let allowed = value(breach.allowed);
    if (breach.code === 'language_missing' && typeof breach.allowed === 'string') allowed = languageName(f.locale, breach.allowed);
    let item = '';
    if (breach.code === 'employer_cost_charged_to_worker') {
      const key = breach.term.split('/').pop() ?? '';
      item = COSTS.has(key) ? t(`employer.draft.cost.${key}` as MessageId) : key;
    }
    return t(`employer.breach.${breach.code}` as MessageId, { allowed, offered: value(breach.offered), item });
  };
}

/** A language's name in the page's language, or its code where the browser has no name for it. */
export function languageName(locale: string, code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}
