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
 * A parsed file as the intake holds it. The parse thread sends a file's payments as UTF-8 COPY
 * text (`recordsCopyTail`, with `records` left empty): a million payment objects cloned to this
 * thread, then turned into text here, cost more than parsing them, and as strings here they were
 * most of this thread's garbage (docs/performance.md, sessions 7 and 8).
 */
export type IntakeParsedFile = ParsedSalaryFile & { recordsCopyTail?: Uint8Array };

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

/**
 * Gathers accepted files' payments into COPY chunks of about `size` bytes in RECORD_COLUMNS
 * order, each line led by its employer and file. Bytes are copied into each chunk, never
 * made into strings: the chunks live outside the JS heap and are freed as soon as sent.
 */
export class CopyChunks {
  private chunk: Buffer;
  private at = 0;

  constructor(private readonly size = 1 << 20) {
    this.chunk = Buffer.allocUnsafeSlow(size);
  }

  /** Adds a file's payments; yields each chunk it fills. */
  *add(fileId: string, employerId: string, p: IntakeParsedFile): Generator<Buffer> {
    const tail = p.recordsCopyTail ? Buffer.from(p.recordsCopyTail.buffer, p.recordsCopyTail.byteOffset, p.recordsCopyTail.length) : Buffer.from(recordsCopyTail(p));
    const lead = Buffer.from(`${employerId}\t${fileId}\t`); // UUIDs: nothing to escape
    for (let i = 0; i < tail.length; ) {
      const end = tail.indexOf(10, i) + 1 || tail.length;
      const need = lead.length + end - i;
      if (this.at + need > this.chunk.length) {
        if (this.at) yield this.take();
        if (need > this.chunk.length) this.chunk = Buffer.allocUnsafeSlow(need);
      }
      this.at += lead.copy(this.chunk, this.at);
      this.at += tail.copy(this.chunk, this.at, i, end);
      i = end;
    }
  }

  /** What is gathered and not yet yielded. */
  *rest(): Generator<Buffer> {
    if (this.at) yield this.take();
  }

  private take(): Buffer {
    const full = this.chunk.subarray(0, this.at);
    this.chunk = Buffer.allocUnsafeSlow(this.size);
    this.at = 0;
    return full;
  }
}
