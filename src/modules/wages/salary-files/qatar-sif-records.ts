import { parseAmount } from './amount.js';
import { parseCompactDate, parseHhmm } from './calendar.js';
import { checkAmount, checkDigits, checkIban, quoted } from './field-checks.js';
import type { LineReport } from './problems.js';
import { PAYMENT_TYPES, headerField, recordField } from './qatar-sif-fields.js';

const QATAR_IBAN = { country: 'Qatar', length: 29, pattern: /^QA\d{2}[A-Z]{4}[A-Z0-9]{21}$/, example: 'QA58DOHB00001234567890ABCDEFG' };
// Decimal(18,2) per the MoL spec: 16 integer digits, the point and 2 decimals.
const AMOUNT_LENGTH = 19;

export interface QatarHeader {
  employerId?: string;
  createdOn?: string;
  payerBank?: string;
  salaryMonth?: string;
  total?: number;
  count?: number;
}

export function checkQatarHeader(report: LineReport, f: readonly string[]): QatarHeader {
  const h: QatarHeader = {};
  h.employerId = checkEid(report, headerField(1), f[0]!, true);
  h.createdOn = parseCompactDate(f[1]!);
  if (h.createdOn === undefined) report.error(headerField(2), `${quoted(f[1]!)} is not a real date; expected YYYYMMDD, e.g. 20250601`, 'compact_date_invalid', { value: f[1]! });
  if (parseHhmm(f[2]!) === undefined) report.error(headerField(3), `${quoted(f[2]!)} is not a time; expected HHMM on a 24-hour clock, e.g. 0930`, 'time_invalid', { value: f[2]! });
  if (f[3] !== '') checkEid(report, headerField(4), f[3]!, false);
  if (f[4] !== '' && !/^\d{11}$/.test(f[4]!)) report.error(headerField(5), `${quoted(f[4]!)} is not a QID; expected 11 digits, or blank when a company pays`);
  if ((f[3] === '') === (f[4] === '')) {
    report.error('header fields 4-5 (Payer EID, Payer QID)', f[3] === '' ? 'neither a payer EID nor a payer QID is given; give exactly one' : 'both a payer EID and a payer QID are given; give exactly one, and leave the payer QID blank when a company pays', f[3] === '' ? 'qatar_payer_missing' : 'qatar_payer_both');
  }
  h.payerBank = checkBankCode(report, headerField(6), f[5]!);
  checkIban(report, headerField(7), f[6]!, QATAR_IBAN, 'warn');
  const month = /^(\d{4})(\d{2})$/.exec(f[7]!);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) h.salaryMonth = `${month[1]}-${month[2]}`;
  else report.error(headerField(8), `${quoted(f[7]!)} is not a salary month; expected YYYYMM with the year first, e.g. 202505`, 'qatar_month_invalid', { value: f[7]! });
  const total = parseAmount(f[8]!, 2, AMOUNT_LENGTH);
  if (total.ok) h.total = total.minor;
  else report.error(headerField(9), total.reason, total.code, total.params);
  h.count = checkDigits(report, headerField(10), f[9]!, 1, 6);
  if (f.length > 10 && !/^0?1$/.test(f[10]!)) report.warn(headerField(11), `SIF version ${quoted(f[10]!)} is not one seen in files (1 or 01)`, 'qatar_version_unknown', { value: f[10]! });
  return h;
}

function checkEid(report: LineReport, field: string, text: string, required: boolean): string | undefined {
  if (/^\d{7,8}$/.test(text)) return text.padStart(8, '0');
  report.error(field, `${quoted(text)} is not an establishment ID; expected 7 or 8 digits${required ? '' : ', or blank when an individual pays'}`, required ? 'qatar_eid_invalid' : 'qatar_eid_invalid_optional', { value: text });
  return undefined;
}

function checkBankCode(report: LineReport, field: string, text: string): string | undefined {
  if (/^[A-Za-z0-9]{1,4}$/.test(text)) return text;
  report.error(field, `${quoted(text)} is not a bank short name; expected 1 to 4 letters or digits, e.g. QNB`, 'qatar_bank_invalid', { value: text });
  return undefined;
}

export interface QatarRecordValues {
  qid?: string;
  visaId?: string;
  name?: string;
  bank?: string;
  account?: string;
  frequency?: string;
  days?: number;
  net?: number;
  basic?: number;
  extraHours?: number;
  extraIncome?: number;
  deductions?: number;
}

export function checkQatarRecord(report: LineReport, f: readonly string[], sequence: number): QatarRecordValues {
  const v: QatarRecordValues = {};
  if (f[0] !== String(sequence)) report.error(recordField(1), `record sequence ${quoted(f[0]!)}; expected ${sequence} (records are numbered 1, 2, 3 and so on, in order)`, 'qatar_sequence', { value: f[0]!, expected: sequence });
  if (f[1] !== '') {
    if (/^\d{11}$/.test(f[1]!)) v.qid = f[1];
    else report.error(recordField(2), `${quoted(f[1]!)} is not a QID; expected 11 digits`, 'qatar_qid_invalid', { value: f[1]! });
  }
  if (f[2] !== '') {
    if (!/^[A-Za-z0-9]+$/.test(f[2]!)) report.error(recordField(3), `${quoted(f[2]!)} is not a visa ID; expected letters and digits`);
    else {
      v.visaId = f[2];
      if (f[2]!.length > 12) report.warn(recordField(3), `the visa ID has ${f[2]!.length} characters; the files seen have at most 12`, 'qatar_visa_long', { length: f[2]!.length });
    }
  }
  if (f[1] === '' && f[2] === '') report.error('record fields 2-3 (Employee QID, Employee Visa ID)', 'neither a QID nor a visa ID is given; give at least one', 'qatar_employee_id_missing');
  if (f[3] === '') report.error(recordField(4), 'the employee name is empty', 'qatar_name_empty');
  else {
    v.name = f[3];
    if (f[3]!.length > 70) report.warn(recordField(4), `the name has ${f[3]!.length} characters; the files seen allow at most 70`, 'qatar_name_long', { length: f[3]!.length });
  }
  v.bank = checkBankCode(report, recordField(5), f[4]!);
  if (checkIban(report, recordField(6), f[5]!, QATAR_IBAN)) v.account = f[5];
  if (f[6] === 'M' || f[6] === 'B') v.frequency = f[6];
  else report.error(recordField(7), `${quoted(f[6]!)} is not a salary frequency; expected M (monthly)`, 'qatar_frequency_invalid', { value: f[6]! });
  if (f[6] === 'B') report.warn(recordField(7), 'B (bi-weekly) is an Oman value; Qatar validators seen accept only M', 'qatar_frequency_biweekly');
  v.days = checkDigits(report, recordField(8), f[7]!, 1, 3);
  v.net = checkAmount(report, recordField(9), f[8]!, 2);
  v.basic = checkAmount(report, recordField(10), f[9]!, 2);
  if (v.basic === 0) report.warn(recordField(10), 'the basic salary is 0; some validators require it to be above 0', 'qatar_basic_zero');
  v.extraHours = checkAmount(report, recordField(11), f[10]!, 2);
  if (v.extraHours !== undefined && v.extraHours > 99999) {
    report.error(recordField(11), `${f[10]} extra hours is more than the 999.99 the field holds`, 'qatar_extra_hours', { value: f[10]! });
  }
  v.extraIncome = checkAmount(report, recordField(12), f[11]!, 2);
  v.deductions = checkAmount(report, recordField(13), f[12]!, 2);
  if (v.net !== undefined && v.basic !== undefined && v.extraIncome !== undefined && v.deductions !== undefined && v.net !== v.basic + v.extraIncome - v.deductions) {
    report.warn(recordField(9), 'the net salary is not basic + extra income - deductions', 'qatar_net_mismatch');
  }
  if (f[13] !== '' && !PAYMENT_TYPES.includes(f[13]!)) report.warn(recordField(14), `payment type ${quoted(f[13]!)} is not one seen in files (${PAYMENT_TYPES.join(', ')})`, 'qatar_payment_type', { value: f[13]!, known: PAYMENT_TYPES.join(', ') });
  if (f[14]!.length > 300) report.warn(recordField(15), `the notes have ${f[14]!.length} characters; the files seen allow at most 300`, 'qatar_notes_long', { length: f[14]!.length });
  checkExtensions(report, f);
  return v;
}

/** "SIF version 1" columns 16-22, when the title line has them. */
function checkExtensions(report: LineReport, f: readonly string[]): void {
  for (let position = 16; position <= Math.min(f.length, 19); position++) checkAmount(report, recordField(position), f[position - 1]!, 2);
  const reason = f[19];
  if (reason !== undefined && reason !== '' && !/^\d{1,2}$/.test(reason)) report.warn(recordField(20), `deduction reason ${quoted(reason)} is not a code of 1 or 2 digits`);
  if (reason !== undefined && Number(reason) === 99 && f[14] === '') report.warn(recordField(15), 'notes are expected when the deduction reason code is 99 (other)', 'qatar_notes_expected');
}
