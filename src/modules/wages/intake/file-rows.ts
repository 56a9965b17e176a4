import type { Insertable } from 'kysely';
import { encodeCopyRow } from '../../../core/db/copy-text.js';
import type { ParsedSalaryFile } from '../salary-files/index.js';
import type { SalaryFilesTable } from '../tables.js';
import type { FileProblem } from './acknowledgement.js';

export const RECORD_COLUMNS = [
  'employer_id', 'file_id', 'line', 'person_id', 'month', 'paid_on', 'currency', 'fixed_minor', 'variable_minor',
  'deductions_minor', 'paid_minor', 'unpaid_leave_days', 'days_paid', 'pay_start', 'pay_end', 'agent_routing_code',
] as const;

export interface FileRowInput {
  id: string;
  name: string;
  profiles: readonly string[];
  parsed: IntakeParsedFile;
  status: SalaryFilesTable['status'];
  employerId: string | null;
  errors: FileProblem[];
  duplicateOf: string | null;
  submittedBy: string | null;
  via: 'api' | 'cli';
}

/** The acknowledgement row of a file, whatever its fate. */
export function fileRow(f: FileRowInput): Insertable<SalaryFilesTable> {
  const p = f.parsed;
  return {
    id: f.id,
    sha256: p.sha256,
    status: f.status,
    file_name: f.name,
    format: p.format,
    profiles: [...f.profiles],
    employer_id: f.employerId,
    employer_external_id: p.employerId || null,
    submitted_by_organisation_id: f.submittedBy,
    submitted_via: f.via,
    salary_month: p.salaryMonth ? `${p.salaryMonth}-01` : null,
    file_created_on: p.fileCreatedOn || null,
    currency: p.currency || null,
    byte_count: p.byteCount,
    record_count: p.recordCount,
    total_minor: p.totalMinor,
    control_count: p.controlCount ?? null,
    control_total_minor: p.controlTotalMinor ?? null,
    // Problems added here (the employer) come on top of the parser's own count.
    error_count: p.errorCount + f.errors.length - p.errors.length,
    warning_count: p.warningCount,
    errors: JSON.stringify(f.errors),
    warnings: JSON.stringify(p.warnings),
    duplicate_of: f.duplicateOf,
  };
}

/**
 * A parsed file as the intake holds it. The parse thread sends a file's payments as COPY text
 * (`recordsCopyTail`, with `records` left empty): a million payment objects cloned to this
 * thread, then turned into text here, cost more than parsing them (docs/performance.md).
 */
export type IntakeParsedFile = ParsedSalaryFile & { recordsCopyTail?: string };

/** A file's payments as COPY text of RECORD_COLUMNS after employer_id and file_id, one line each (PRODUCT.md 5.3: paid on = file creation date). */
export function recordsCopyTail(p: ParsedSalaryFile): string {
  const month = `${p.salaryMonth}-01`;
  let text = '';
  for (const r of p.records) {
    text += encodeCopyRow([
      r.line, r.personId, month, p.fileCreatedOn, p.currency, r.fixedMinor, r.variableMinor,
      r.deductionsMinor, r.paidMinor, r.unpaidLeaveDays, r.daysPaid, r.payStart, r.payEnd, r.agentRoutingCode ?? null,
    ]);
  }
  return text;
}

/** The payments of an accepted file as COPY text in RECORD_COLUMNS order: its lines, each led by the employer and the file. */
export function recordsCopyText(fileId: string, employerId: string, p: IntakeParsedFile): string {
  const tail = p.recordsCopyTail ?? recordsCopyTail(p);
  if (!tail) return '';
  const lead = `${employerId}\t${fileId}\t`; // UUIDs: nothing to escape
  return lead + tail.slice(0, -1).replaceAll('\n', `\n${lead}`) + '\n';
}
