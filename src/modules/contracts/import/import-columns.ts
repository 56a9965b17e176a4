import type { ImportError } from './import-result.js';

/** The columns CLI.md fixes for `contracts import`, in the staging table's order. Others are ignored. */
export const IMPORT_COLUMNS = [
  'contract_no', 'worker_id', 'worker_name', 'sex', 'birth_date', 'nationality', 'passport_no',
  'employer_id', 'employer_name', 'occupation_isco', 'start_date', 'end_date',
  'basic_wage_minor', 'allowances_minor', 'currency',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export interface HeaderMap {
  /** For each of IMPORT_COLUMNS, its position in the file. */
  positions: number[];
  /** Number of fields in the header: every record should have as many. */
  width: number;
}

/** Finds the required columns in any order; a missing or repeated one refuses the file at line 1. */
export function mapHeader(fields: readonly string[]): { header?: HeaderMap; errors: ImportError[] } {
  const names = fields.map((f) => f.trim().toLowerCase());
  const errors: ImportError[] = [];
  const positions = IMPORT_COLUMNS.map((column) => {
    const at = names.indexOf(column);
    if (at < 0) errors.push({ line: 1, column, message: 'required column is missing from the header' });
    else if (names.indexOf(column, at + 1) >= 0) errors.push({ line: 1, column, message: 'column appears more than once in the header' });
    return at;
  });
  return errors.length ? { errors } : { header: { positions, width: fields.length }, errors };
}
