import type { FileProblemCode } from './problem-codes.js';
import currencyCodes from 'currency-codes';
import { parseAmount } from './amount.js';
import { dayNumber, parseIsoDate } from './calendar.js';
import { checkDigits, checkIban, checkIsoDate, quoted } from './field-checks.js';
import { ibanChecksumValid } from './iban.js';
import type { LineReport } from './problems.js';

/** The columns of the Corridor CSV template (docs/salary-files.md). */
export const REQUIRED_COLUMNS = [
  'employer_id', 'salary_month', 'paid_on', 'currency', 'person_id', 'account',
  'pay_start', 'pay_end', 'days_paid', 'fixed_amount', 'variable_amount', 'unpaid_leave_days',
] as const;
export const OPTIONAL_COLUMNS = ['agent_routing_code'] as const;

export type CsvColumn = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
export type CsvRow = Partial<Record<CsvColumn, string>>;

/** Values every row repeats, because a file is for one employer, month, payday and currency. */
export const FILE_COLUMNS = ['employer_id', 'salary_month', 'paid_on', 'currency'] as const;

export interface CsvRowValues {
  fileValues: Partial<Record<(typeof FILE_COLUMNS)[number], string>>;
  digits?: number;
  personId?: string;
  agentRoutingCode?: string;
  account?: string;
  payStart?: string;
  payEnd?: string;
  days?: number;
  fixed?: number;
  variable?: number;
  leave?: number;
}

const IBAN_LENGTHS: Record<string, number> = { AE: 23, QA: 29, SA: 24, BH: 22, KW: 30, OM: 23 };

export function currencyDigits(code: string): number | undefined {
  return /^[A-Z]{3}$/.test(code) ? currencyCodes.code(code)?.digits : undefined;
}

export function checkCsvRow(report: LineReport, row: CsvRow): CsvRowValues {
  const v: CsvRowValues = { fileValues: {} };
  const employer = row.employer_id ?? '';
  if (/^[A-Za-z0-9][A-Za-z0-9-]{0,34}$/.test(employer)) v.fileValues.employer_id = employer;
  else report.error('employer_id', `${quoted(employer)} is not an employer ID; expected 1 to 35 letters, digits or hyphens`, 'csv_employer_invalid', { value: employer });
  const month = row.salary_month ?? '';
  if (parseIsoDate(`${month}-01`) !== undefined) v.fileValues.salary_month = month;
  else report.error('salary_month', `${quoted(month)} is not a month; expected YYYY-MM, e.g. 2025-05`, 'csv_month_invalid', { value: month });
  v.fileValues.paid_on = checkIsoDate(report, 'paid_on', row.paid_on ?? '');
  const currency = row.currency ?? '';
  v.digits = currencyDigits(currency);
  if (v.digits === undefined) report.error('currency', `${quoted(currency)} is not an ISO 4217 currency code; expected three capital letters, e.g. AED`, 'currency_invalid', { value: currency });
  else v.fileValues.currency = currency;
  const person = row.person_id ?? '';
  if (/^[A-Za-z0-9]{1,35}$/.test(person)) v.personId = person;
  else report.error('person_id', `${quoted(person)} is not a person ID; expected 1 to 35 letters and digits`, 'csv_person_invalid', { value: person });
  const routing = row.agent_routing_code ?? '';
  if (/^[A-Za-z0-9]{0,11}$/.test(routing)) v.agentRoutingCode = routing === '' ? undefined : routing;
  else report.error('agent_routing_code', `${quoted(routing)} is not a routing code; expected up to 11 letters and digits, or blank`, 'csv_routing_invalid', { value: routing });
  v.account = checkAccount(report, row.account ?? '');
  v.payStart = checkIsoDate(report, 'pay_start', row.pay_start ?? '');
  v.payEnd = checkIsoDate(report, 'pay_end', row.pay_end ?? '');
  v.days = checkDigits(report, 'days_paid', row.days_paid ?? '', 1, 4);
  v.fixed = checkCsvAmount(report, 'fixed_amount', row.fixed_amount ?? '', v.digits);
  v.variable = checkCsvAmount(report, 'variable_amount', row.variable_amount ?? '', v.digits);
  v.leave = checkDigits(report, 'unpaid_leave_days', row.unpaid_leave_days ?? '', 1, 4);
  checkPeriod(report, v, v.fileValues.salary_month);
  return v;
}

export function checkCsvAmount(report: LineReport, column: string, text: string, digits: number | undefined): number | undefined {
  if (digits === undefined) return undefined; // unknown currency: its decimals are unknown too
  const amount = parseAmount(text, digits);
  if (!amount.ok) report.error(column, `${amount.reason} (${digits} decimals for this currency)`, `${amount.code}_currency` as FileProblemCode, { ...amount.params, currency_decimals: digits });
  return amount.ok ? amount.minor : undefined;
}

function checkAccount(report: LineReport, text: string): string | undefined {
  const country = text.slice(0, 2);
  const length = IBAN_LENGTHS[country];
  if (length !== undefined && /^[A-Z]{2}\d{2}/.test(text)) {
    const shape = { country, length, pattern: new RegExp(`^${country}\\d{2}[A-Z0-9]{${length - 4}}$`), example: `${country}.. followed by ${length - 4} characters` };
    return checkIban(report, 'account', text, shape) ? text : undefined;
  }
  if (!/^[A-Z0-9]{1,34}$/.test(text)) {
    report.error('account', `${quoted(text)} is not an account; expected an IBAN or up to 34 capital letters and digits`, 'csv_account_invalid', { value: text });
    return undefined;
  }
  if (/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(text) && !ibanChecksumValid(text)) {
    report.error('account', `IBAN "${text}" fails the ISO 13616 mod-97 check; its check digits or a character are wrong`, 'iban_checksum', { value: text });
    return undefined;
  }
  return text;
}

function checkPeriod(report: LineReport, v: CsvRowValues, month: string | undefined): void {
  if (v.payStart !== undefined && v.payEnd !== undefined) {
    const span = dayNumber(v.payEnd) - dayNumber(v.payStart) + 1;
    if (span < 1) {
      report.error('pay_end', `pay_end ${v.payEnd} is before pay_start ${v.payStart}; the end must be on or after the start`, 'period_reversed', { start: v.payStart, end: v.payEnd });
      v.payEnd = undefined;
    } else if (v.days !== undefined && v.days > span) {
      report.error('days_paid', `${v.days} days paid, but ${v.payStart} to ${v.payEnd} has only ${span} days`, 'days_more_than_period', { days: v.days, start: v.payStart, end: v.payEnd, span });
    } else if (v.days !== undefined && v.days !== span) {
      report.warn('days_paid', `${v.days} days paid for ${v.payStart} to ${v.payEnd}, which has ${span} days`, 'days_fewer_than_period', { days: v.days, start: v.payStart, end: v.payEnd, span });
    }
    if (month !== undefined && (v.payStart.slice(0, 7) !== month || (v.payEnd ?? month).slice(0, 7) !== month)) {
      report.warn('pay_start', `the pay period ${v.payStart} to ${v.payEnd ?? '?'} is not inside the salary month ${month}`, 'period_outside_month', { start: v.payStart, end: v.payEnd ?? '?', month });
    }
  }
  if (v.days !== undefined && v.leave !== undefined && v.leave > v.days) {
    report.error('unpaid_leave_days', `${v.leave} days of unpaid leave is more than the ${v.days} days paid`, 'leave_more_than_days', { leave: v.leave, days: v.days });
  }
}
