import { formatMinor } from './amount.js';
import type { SalaryRecord } from './salary-file.js';
import { currencyDigits, OPTIONAL_COLUMNS, REQUIRED_COLUMNS } from './salary-csv-columns.js';

export interface SalaryCsvFile {
  employerId: string;
  /** YYYY-MM */
  salaryMonth: string;
  /** YYYY-MM-DD */
  paidOn: string;
  currency: string;
  records: readonly Pick<
    SalaryRecord,
    'personId' | 'agentRoutingCode' | 'account' | 'payStart' | 'payEnd' | 'daysPaid' | 'fixedMinor' | 'variableMinor' | 'unpaidLeaveDays'
  >[];
}

const HEADER = [...REQUIRED_COLUMNS.slice(0, 5), ...OPTIONAL_COLUMNS, ...REQUIRED_COLUMNS.slice(5)];

/** The Corridor CSV template as text, TOTAL row included. Values never need quoting. */
export function writeSalaryCsv(file: SalaryCsvFile): string {
  const digits = currencyDigits(file.currency) ?? 2;
  let out = `${HEADER.join(',')}\r\n`;
  let total = 0;
  for (const r of file.records) {
    total += r.fixedMinor + r.variableMinor;
    out += `${file.employerId},${file.salaryMonth},${file.paidOn},${file.currency},${r.personId},${r.agentRoutingCode ?? ''},${r.account ?? ''},${r.payStart},${r.payEnd},${r.daysPaid},${formatMinor(r.fixedMinor, digits)},${formatMinor(r.variableMinor, digits)},${r.unpaidLeaveDays}\r\n`;
  }
  return `${out}TOTAL,${file.records.length},${formatMinor(total, digits)}\r\n`;
}
