import { formatMinor } from './amount.js';
import type { SalaryRecord } from './salary-file.js';

export type UaeSifRecordInput = Pick<
  SalaryRecord,
  'personId' | 'account' | 'payStart' | 'payEnd' | 'daysPaid' | 'fixedMinor' | 'variableMinor' | 'unpaidLeaveDays' | 'variablePay'
> & { agentRoutingCode: string };

export interface UaeSifFile {
  employerId: string;
  employerBankCode: string;
  /** YYYY-MM-DD */
  fileCreatedOn: string;
  /** HHMM; default 0000. */
  fileCreatedAt?: string;
  /** YYYY-MM */
  salaryMonth: string;
  reference?: string;
  records: readonly UaeSifRecordInput[];
  /** The samples and Odoo use CR LF. */
  lineEnding?: '\r\n' | '\n';
  /** Overrides of the computed controls, to write deliberately wrong files. */
  controlCount?: number;
  controlTotalMinor?: number;
  /** How amounts are written; default 2 decimals. Tests vary it (1500, 1500.5, 1500.50). */
  formatAmount?: (minor: number) => string;
}

/**
 * A UAE SIF as text: an EDR per record (and its EVP when the record has a variable-pay
 * breakdown), then the SCR. Amounts always with 2 decimals, as the guides advise.
 */
export function writeUaeSif(file: UaeSifFile): string {
  const eol = file.lineEnding ?? '\r\n';
  const amount = file.formatAmount ?? formatMinor;
  let out = '';
  let total = 0;
  for (const r of file.records) {
    total += r.fixedMinor + r.variableMinor;
    out += `EDR,${r.personId},${r.agentRoutingCode},${r.account ?? ''},${r.payStart},${r.payEnd},${r.daysPaid},${amount(r.fixedMinor)},${amount(r.variableMinor)},${r.unpaidLeaveDays}${eol}`;
    const v = r.variablePay;
    if (v !== undefined) {
      out += `EVP,${r.personId},${r.agentRoutingCode},${amount(v.housingMinor)},${amount(v.conveyanceMinor)},${amount(v.medicalMinor)},${amount(v.annualPassageMinor)},${amount(v.overtimeMinor)},${amount(v.otherMinor)},${amount(v.leaveEncashmentMinor)}${eol}`;
    }
  }
  const month = `${file.salaryMonth.slice(5, 7)}${file.salaryMonth.slice(0, 4)}`;
  const count = file.controlCount ?? file.records.length;
  out += `SCR,${file.employerId},${file.employerBankCode},${file.fileCreatedOn},${file.fileCreatedAt ?? '0000'},${month},${count},${amount(file.controlTotalMinor ?? total)},AED,${file.reference ?? ''}${eol}`;
  return out;
}

/** `EEEEEEEEEEEEEYYMMDDHHMMSS.SIF` (F10) for a file created at `createdOn` `HHMMSS`. */
export function uaeSifFileName(employerId: string, createdOn: string, hhmmss = '000000'): string {
  return `${employerId.padStart(13, '0')}${createdOn.slice(2, 4)}${createdOn.slice(5, 7)}${createdOn.slice(8, 10)}${hhmmss}.SIF`;
}
