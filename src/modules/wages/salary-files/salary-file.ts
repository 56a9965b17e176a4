/** The result of reading one salary information file, whatever its layout. */

export type SalaryFileFormat = 'uae-sif' | 'qatar-sif' | 'csv';

/**
 * UAE SIF bank variations (FORMAT.md 1.6). `strict` is the CBUAE 2009 baseline and
 * always applies; the others widen it and may be combined.
 */
export type UaeProfile = 'strict' | 'evp' | 'lenient-id';
export const UAE_PROFILES: readonly UaeProfile[] = ['strict', 'evp', 'lenient-id'];

/** line is 1-based; line 0 means the file as a whole (its name, or something missing from it). */
export interface FileProblem {
  line: number;
  field: string;
  /** The English text; it stays as it is for the CLI, the API and whoever has no translation. */
  message: string;
  /**
   * What is wrong, as a code the pages word in each language (catalog id `wages.file_problem.<code>`),
   * with `params`: the values the message interpolates (texts, numbers, dates as ISO strings, amounts
   * as {amount_minor, currency}), the same shape as a form's FieldProblem (src/core/errors.ts).
   */
  code?: string;
  params?: Record<string, ProblemParam>;
}

export type ProblemParam = string | number | { amount_minor: number; currency: string };

/** Breakdown of the EDR variable component, from an EVP line (FORMAT.md 1.4). */
export interface VariablePay {
  housingMinor: number;
  conveyanceMinor: number;
  medicalMinor: number;
  annualPassageMinor: number;
  overtimeMinor: number;
  otherMinor: number;
  leaveEncashmentMinor: number;
}

/** Qatar SIF columns that have no place in the common record. */
export interface QatarRecordDetails {
  qid?: string;
  visaId?: string;
  name: string;
  bankShortName: string;
  salaryFrequency: string;
  /** Overtime hours in hundredths of an hour ("10.5" -> 1050). */
  extraHoursHundredths: number;
  paymentType: string;
  notes: string;
}

/** One payment to one worker. */
export interface SalaryRecord {
  line: number;
  personId: string;
  agentRoutingCode?: string;
  account?: string;
  payStart: string;
  payEnd: string;
  daysPaid: number;
  fixedMinor: number;
  variableMinor: number;
  /** Qatar only; 0 elsewhere. */
  deductionsMinor: number;
  /** What the worker received: fixed + variable (UAE, CSV); Net Salary (Qatar). */
  paidMinor: number;
  unpaidLeaveDays: number;
  variablePay?: VariablePay;
  qatar?: QatarRecordDetails;
}

export interface SalaryFileContent {
  format: SalaryFileFormat | 'unknown';
  /** Empty when the file does not state it validly. */
  employerId: string;
  employerBankCode?: string;
  /** YYYY-MM, or empty when not stated validly. */
  salaryMonth: string;
  /** YYYY-MM-DD, or empty; a payment counts as paid on this date (PRODUCT.md 5.3). */
  fileCreatedOn: string;
  currency: string;
  /**
   * Empty whenever `errors` is not: a refused file stores nothing, and dropping the
   * records at the first error keeps memory flat on a huge broken file.
   */
  records: SalaryRecord[];
  /** Payment records counted in the file (EDR lines, record lines, CSV rows). */
  recordCount: number;
  /** Sum of what the records pay, computed from the records, never from the control. */
  totalMinor: number;
  /** The control values the file states, when readable. */
  controlCount?: number;
  controlTotalMinor?: number;
  errors: FileProblem[];
  warnings: FileProblem[];
  /** Totals, including problems not listed because of the listing bound. */
  errorCount: number;
  warningCount: number;
}

export interface ParsedSalaryFile extends SalaryFileContent {
  /** SHA-256 (hex) of the exact bytes read, to recognise a file submitted twice. */
  sha256: string;
  byteCount: number;
}
