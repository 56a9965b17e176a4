import type { FileProblemCode } from './problem-codes.js';
import type { FileProblem, ProblemParam } from './salary-file.js';

export type Params = Record<string, ProblemParam>;

export const DEFAULT_PROBLEM_LIMIT = 1000;

/**
 * Collects problems exhaustively but lists at most `limit`, so a garbage file
 * cannot exhaust memory; the count keeps growing past the limit.
 */
export class ProblemList {
  readonly items: FileProblem[] = [];
  count = 0;

  constructor(readonly limit = DEFAULT_PROBLEM_LIMIT) {}

  /** `code` and `params` are only built by a caller that found a problem: a valid line allocates nothing here. */
  add(line: number, field: string, message: string, code?: FileProblemCode, params?: Params): void {
    this.count++;
    if (this.items.length < this.limit) {
      const problem: FileProblem = { line, field, message };
      if (code !== undefined) problem.code = code;
      if (params !== undefined) problem.params = params;
      this.items.push(problem);
    }
  }

  /** Listed problems in line order, plus one line-0 note when some were left out. */
  list(kind: string): FileProblem[] {
    const sorted = [...this.items].sort((a, b) => a.line - b.line);
    const left = this.count - this.items.length;
    if (left > 0) {
      sorted.push({
        line: 0,
        field: 'file',
        message: `${left} more ${kind} not listed (${this.count} in all)`,
        code: kind === 'errors' ? 'more_errors_not_listed' : 'more_warnings_not_listed',
        params: { left, count: this.count },
      });
    }
    return sorted;
  }
}

/** Problems of one line, already bound to its number. */
export interface LineReport {
  error(field: string, message: string, code?: FileProblemCode, params?: Params): void;
  warn(field: string, message: string, code?: FileProblemCode, params?: Params): void;
}

/** Errors and warnings of one file. */
export class Problems {
  readonly errors: ProblemList;
  readonly warnings: ProblemList;

  constructor(limit = DEFAULT_PROBLEM_LIMIT) {
    this.errors = new ProblemList(limit);
    this.warnings = new ProblemList(limit);
  }

  error(line: number, field: string, message: string, code?: FileProblemCode, params?: Params): void {
    this.errors.add(line, field, message, code, params);
  }

  warn(line: number, field: string, message: string, code?: FileProblemCode, params?: Params): void {
    this.warnings.add(line, field, message, code, params);
  }

  at(line: number): LineReport {
    return {
      error: (field, message, code, params) => this.errors.add(line, field, message, code, params),
      warn: (field, message, code, params) => this.warnings.add(line, field, message, code, params),
    };
  }

  get hasErrors(): boolean {
    return this.errors.count > 0;
  }

  /** A total past 2^53 minor units could not be summed exactly: the file is refused rather than rounded. */
  checkExactTotal(total: bigint, what: string): void {
    if (total > BigInt(Number.MAX_SAFE_INTEGER)) this.error(0, 'file', `the ${what} add up to more than this system can total exactly`, 'total_too_large', { what });
  }

  /** The problem part of a parse result, the same for every format. */
  outcome() {
    return {
      errors: this.errors.list('errors'),
      warnings: this.warnings.list('warnings'),
      errorCount: this.errors.count,
      warningCount: this.warnings.count,
    };
  }
}
