/** One bad row of an import file, as CLI.md prints it. */
export interface ImportError {
  line: number;
  column: string;
  message: string;
}

export interface ImportResult {
  imported: number;
  errors: ImportError[];
  /** Every error found; `errors` lists the first MAX_LISTED_ERRORS of them, by line. */
  error_count: number;
  /** Set when these exact bytes were imported before: nothing was done again. */
  already_imported_at?: string;
  workers_created?: number;
  rules_version?: number;
}

/**
 * A refusal lists every error up to this many (by line), and error_count says how many
 * there were: a register refused on every row would otherwise print a million errors.
 */
export const MAX_LISTED_ERRORS = 10_000;
