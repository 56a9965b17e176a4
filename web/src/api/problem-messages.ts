import { formatMoney } from '../i18n/format.js';

/**
 * A field problem from the API in the page's language. The server sends a code and its
 * parameters (src/core/validation.ts for the shape of a field, src/modules/** for the rules of
 * the domain) beside its English message; a code the catalogs know becomes that catalog's
 * message with the same parameters, so every language states the same limit. Amounts of money
 * ({amount_minor, currency}) and dates (YYYY-MM-DD) are formatted for the page's language. Any
 * other problem keeps the server's words.
 */
export interface FieldError {
  pointer?: string;
  message: string;
  code?: string;
  params?: Record<string, string | number | Money>;
}

export interface Money {
  amount_minor: number;
  currency: string;
}

export type FormatMessage = (id: string, values: Record<string, string | number>) => string;

const SIZED = new Set(['string', 'number', 'bigint', 'int', 'array', 'set', 'date']);

/** The catalog id for a problem's code, or undefined when it has none. */
export function problemMessageId(e: FieldError): string | undefined {
  const origin = String(e.params?.origin ?? '');
  const kind = origin === 'bigint' || origin === 'int' ? 'number' : origin === 'set' ? 'array' : origin;
  switch (e.code) {
    case 'too_small':
    case 'too_big':
      return SIZED.has(origin) && e.params?.[e.code === 'too_small' ? 'minimum' : 'maximum'] !== undefined ? `field.${e.code}.${kind}` : undefined;
    case 'invalid_format':
      return e.params?.format === 'email' ? 'field.invalid_format.email' : 'field.invalid_format';
    case 'invalid_type':
    case 'invalid_value':
    case 'unrecognized_keys':
    case 'not_multiple_of':
      return `field.${e.code}`;
    default:
      return e.code && DOMAIN_CODES.has(e.code) ? `field.rule.${e.code}` : undefined;
  }
}

/**
 * The rules of the domain the catalogs word (keys `field.rule.<code>`), by the code the server
 * gives each (src/modules/**); test/web/problem-messages.test.ts checks every code raised there is here.
 */
export const DOMAIN_CODES = new Set([
  'corridor.no_rules_in_force', 'corridor.unknown',
  'contract.language_not_written', 'contract.language_repeated', 'contract.party_changed', 'contract.pdf_language_unknown',
  'contract.pdf_language_untranslated', 'contract.worker_not_from_origin',
  'date.future_not_allowed', 'date.past_not_allowed',
  'loan.amount_outside_limits', 'loan.decline_reason_required', 'loan.disbursed_not_before_start', 'loan.instalment_above_cap',
  'loan.product_not_found', 'loan.product_other_corridor', 'loan.product_other_currency', 'loan.rate_above_cap', 'loan.term_outside_limits',
  'loan_product.currency_not_wage', 'loan_product.max_below_min_amount', 'loan_product.max_below_min_term', 'loan_product.rate_above_cap',
  'organisation.not_own', 'organisation.not_recruitment_agency', 'organisation.not_wage_agent',
  'password.common', 'password.current_wrong', 'password.is_email', 'password.repetitive', 'password.same_as_current', 'password.too_long',
  'password.too_short',
  'recruitment.agency_not_in_destination', 'recruitment.agency_not_in_origin', 'recruitment.destination_liable_invalid',
  'recruitment.licence_number_taken', 'recruitment.rate_not_positive', 'recruitment.rate_required', 'recruitment.worker_required',
  'reference.country_unknown', 'reference.currency_unknown', 'reference.language_unknown', 'reference.occupation_unknown',
  'refund.above_owed', 'refund.all_paid', 'refund.currency_not_loan', 'refund.none_owed', 'refund.paid_before_disbursement',
  'remittance.amount_not_valid', 'remittance.amount_zero', 'remittance.corridor_not_compared', 'remittance.corridor_not_served',
  'remittance.currency_not_corridor', 'remittance.currency_not_sending', 'remittance.offered_rate_missing', 'remittance.price_point_off',
  'remittance.price_points_missing', 'remittance.reference_rate_missing', 'remittance.same_country', 'remittance.same_currency',
  'remittance.usd_rate_missing',
  'token.organisation_required', 'token.scope_not_allowed',
  'user.organisation_required', 'user.platform_admin_only_platform', 'user.platform_admin_organisation', 'user.worker_no_organisation',
  'user.worker_record_only_worker', 'user.worker_record_required', 'user.worker_role_fixed',
  'worker.birth_date_invalid', 'worker.nationality_not_yours', 'worker.not_found',
]);

export function problemMessage(e: FieldError, format: FormatMessage, locale = 'en'): string {
  const id = problemMessageId(e);
  if (!id) return e.message;
  // `values` and `keys` are renamed for the catalogs: the ICU tools take those two names for Map methods.
  const { values, keys, ...rest } = e.params ?? {};
  const plain: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(rest)) plain[key] = paramText(value, locale);
  return format(id, { ...plain, ...(values !== undefined ? { choices: String(values) } : {}), ...(keys !== undefined ? { fields: String(keys) } : {}) });
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Money and calendar dates as the page's language writes them; numbers stay numbers (the catalog formats them), texts as sent. */
function paramText(value: string | number | Money, locale: string): string | number {
  if (typeof value === 'object' && value !== null) return formatMoney(locale, value.amount_minor, value.currency);
  if (typeof value === 'string' && ISO_DAY.test(value)) return formatDay(locale, value);
  return value;
}

function formatDay(locale: string, day: string): string {
  // Chromium has no date data for some languages (Nepali): the ISO date there, as the pages show it (i18n/format.ts).
  if (Intl.DateTimeFormat.supportedLocalesOf([locale]).length === 0) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

/** A salary-file problem from the API (the acknowledgement's errors and warnings). */
export interface FileProblemText {
  message: string;
  code?: string;
  params?: Record<string, string | number | Money>;
}

/**
 * A salary-file problem in the page's language: the catalog's `wages.file_problem.<code>` with the
 * problem's parameters (amounts and dates formatted as for form problems), or the server's English
 * message when the problem has no code or the catalogs do not know it. `translated` says which.
 */
export function fileProblemMessage(
  p: FileProblemText,
  format: FormatMessage,
  known: (id: string) => boolean,
  locale = 'en',
): { text: string; translated: boolean } {
  const id = p.code ? `wages.file_problem.${p.code}` : undefined;
  if (!id || !known(id)) return { text: p.message, translated: false };
  const plain: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(p.params ?? {})) plain[key] = paramText(value, locale);
  return { text: format(id, plain), translated: true };
}
