import { dayNumber, parseHhmm } from './calendar.js';
import { checkAmount, checkDigits, checkIban, checkIsoDate, checkPaddedId, quoted } from './field-checks.js';
import type { LineReport } from './problems.js';
import { uaeField } from './uae-sif-fields.js';

/** Field checks of one EDR, EVP or SCR line; values are undefined where a field is invalid. */

export interface EdrValues {
  personId?: string;
  routing?: string;
  account?: string;
  payStart?: string;
  payEnd?: string;
  days?: number;
  fixed?: number;
  variable?: number;
  leave?: number;
}

const UAE_IBAN = { country: 'UAE', length: 23, pattern: /^AE\d{21}$/, example: 'AE070331234567890123456' };

export function checkPersonId(report: LineReport, field: string, text: string, lenient: boolean): string | undefined {
  if (/^\d{1,14}$/.test(text)) return checkPaddedId(report, field, text, 14);
  if (lenient && /^[A-Za-z0-9]{14,35}$/.test(text)) return text;
  report.error(
    field,
    lenient
      ? `${quoted(text)} is not an employee ID; expected 14 digits (shorter numbers are left-padded with zeros) or 14 to 35 letters and digits`
      : `${quoted(text)} is not an employee ID of 14 digits (shorter numbers are left-padded with zeros); longer or alphanumeric IDs need the "lenient-id" profile`,
    lenient ? 'uae_person_invalid_lenient' : 'uae_person_invalid',
    { value: text },
  );
  return undefined;
}

export function checkRouting(report: LineReport, field: string, text: string): string | undefined {
  if (/^\d{9}$/.test(text)) return text;
  report.error(field, `${quoted(text)} is not a routing code; expected exactly 9 digits`, 'uae_routing_invalid', { value: text });
  return undefined;
}

export function checkEdr(report: LineReport, f: readonly string[], lenientId: boolean): EdrValues {
  const v: EdrValues = {};
  v.personId = checkPersonId(report, uaeField('EDR', 2), f[1]!, lenientId);
  v.routing = checkRouting(report, uaeField('EDR', 3), f[2]!);
  v.account = checkAccount(report, f[3]!);
  v.payStart = checkIsoDate(report, uaeField('EDR', 5), f[4]!);
  v.payEnd = checkIsoDate(report, uaeField('EDR', 6), f[5]!);
  v.days = checkDigits(report, uaeField('EDR', 7), f[6]!, 1, 4);
  v.fixed = checkAmount(report, uaeField('EDR', 8), f[7]!);
  v.variable = checkAmount(report, uaeField('EDR', 9), f[8]!);
  v.leave = checkDigits(report, uaeField('EDR', 10), f[9]!, 1, 4);
  if (v.payStart !== undefined && v.payEnd !== undefined) {
    const span = dayNumber(v.payEnd) - dayNumber(v.payStart) + 1;
    if (span < 1) {
      report.error(uaeField('EDR', 6), `pay end date ${v.payEnd} is before pay start date ${v.payStart}; the end must be on or after the start`, 'uae_period_reversed', { start: v.payStart, end: v.payEnd });
      v.payEnd = undefined;
    } else if (v.days !== undefined && v.days > span) {
      report.error(uaeField('EDR', 7), `${v.days} days paid, but ${v.payStart} to ${v.payEnd} has only ${span} days`, 'days_more_than_period', { days: v.days, start: v.payStart, end: v.payEnd, span });
    } else if (v.days !== undefined && v.days !== span) {
      report.warn(uaeField('EDR', 7), `${v.days} days paid for ${v.payStart} to ${v.payEnd}, which has ${span} days`, 'days_fewer_than_period', { days: v.days, start: v.payStart, end: v.payEnd, span });
    }
  }
  if (v.days !== undefined && v.leave !== undefined && v.leave > v.days) {
    report.error(uaeField('EDR', 10), `${v.leave} days of unpaid leave is more than the ${v.days} days in the period`, 'uae_leave_more_than_days', { leave: v.leave, days: v.days });
  }
  return v;
}

function checkAccount(report: LineReport, text: string): string | undefined {
  const field = uaeField('EDR', 4);
  if (text.startsWith('AE')) return checkIban(report, field, text, UAE_IBAN) ? text : undefined;
  if (/^[A-Z0-9]{1,23}$/.test(text)) return text;
  report.error(field, `${quoted(text)} is not an account; expected an IBAN (AE + 21 digits) or up to 23 capital letters and digits`, 'uae_account_invalid', { value: text });
  return undefined;
}

export interface EvpValues {
  personId?: string;
  routing?: string;
  /** The seven allowances in field order, or undefined when one is invalid. */
  amounts?: number[];
}

export function checkEvp(report: LineReport, f: readonly string[], lenientId: boolean): EvpValues {
  const amounts: (number | undefined)[] = [];
  for (let position = 4; position <= 10; position++) amounts.push(checkAmount(report, uaeField('EVP', position), f[position - 1]!));
  return {
    personId: checkPersonId(report, uaeField('EVP', 2), f[1]!, lenientId),
    routing: checkRouting(report, uaeField('EVP', 3), f[2]!),
    amounts: amounts.every((a) => a !== undefined) ? (amounts as number[]) : undefined,
  };
}

export interface ScrValues {
  employerId?: string;
  bankRouting?: string;
  createdOn?: string;
  createdAt?: string;
  salaryMonth?: string;
  count?: number;
  total?: number;
  currency?: string;
}

export function checkScr(report: LineReport, f: readonly string[]): ScrValues {
  const v: ScrValues = {};
  v.employerId = checkPaddedId(report, uaeField('SCR', 2), f[1]!, 13);
  v.bankRouting = checkRouting(report, uaeField('SCR', 3), f[2]!);
  v.createdOn = checkIsoDate(report, uaeField('SCR', 4), f[3]!);
  v.createdAt = parseHhmm(f[4]!);
  if (v.createdAt === undefined) report.error(uaeField('SCR', 5), `${quoted(f[4]!)} is not a time; expected HHMM on a 24-hour clock, e.g. 0930`, 'time_invalid', { value: f[4]! });
  v.salaryMonth = parseMmyyyy(f[5]!);
  if (v.salaryMonth === undefined) report.error(uaeField('SCR', 6), `${quoted(f[5]!)} is not a salary month; expected MMYYYY with the month first, e.g. 052025`, 'uae_month_invalid', { value: f[5]! });
  v.count = checkDigits(report, uaeField('SCR', 7), f[6]!, 1, 9);
  v.total = checkAmount(report, uaeField('SCR', 8), f[7]!);
  if (f[8] === 'AED') v.currency = 'AED';
  else report.error(uaeField('SCR', 9), `${quoted(f[8]!)} is not an accepted currency; a UAE SIF pays in AED`, 'uae_currency_invalid', { value: f[8]! });
  const reference = f[9] ?? '';
  if (reference.length > 35) report.error(uaeField('SCR', 10), `the reference has ${reference.length} characters; at most 35 are allowed`, 'uae_reference_long', { length: reference.length });
  return v;
}

function parseMmyyyy(text: string): string | undefined {
  if (!/^\d{6}$/.test(text)) return undefined;
  const month = Number(text.slice(0, 2));
  return month >= 1 && month <= 12 && text.slice(2) !== '0000' ? `${text.slice(2)}-${text.slice(0, 2)}` : undefined;
}
