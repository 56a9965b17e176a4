import type { FileProblem } from './salary-file.js';

export const DEFAULT_PROBLEM_LIMIT = 1000;

/**
 * Collects problems exhaustively but lists at most `limit`, so a garbage file
 * cannot exhaust memory; the count keeps growing past the limit.
 */
export class ProblemList {
  readonly items: FileProblem[] = [];
  count = 0;

  constructor(readonly limit = DEFAULT_PROBLEM_LIMIT) {}

  add(line: number, field: string, message: string): void {
    this.count++;
    if (this.items.length < this.limit) this.items.push({ line, field, message });
  }

  /** Listed problems in line order, plus one line-0 note when some were left out. */
  list(kind: string): FileProblem[] {
    const sorted = [...this.items].sort((a, b) => a.line - b.line);
    const left = this.count - this.items.length;
    if (left > 0) {
      sorted.push({ line: 0, field: 'file', message: `${left} more ${kind} not listed (${this.count} in all)` });
    }
    return sorted;
  }
}

/** Problems of one line, already bound to its number. */
export interface LineReport {
  error(field: string, message: string): void;
  warn(field: string, message: string): void;
}

/** Errors and warnings of one file. */
export class Problems {
  readonly errors: ProblemList;
  readonly warnings: ProblemList;

  constructor(limit = DEFAULT_PROBLEM_LIMIT) {
    this.errors = new ProblemList(limit);
    this.warnings = new ProblemList(limit);
  }

  error(line: number, field: string, message: string): void {
    this.errors.add(line, field, message);
  }

  warn(line: number, field: string, message: string): void {
    this.warnings.add(line, field, message);
  }

  at(line: number): LineReport {
    return {
      error: (field, message) => this.errors.add(line, field, message),
      warn: (field, message) => this.warnings.add(line, field, message),
    };
  }

  get hasErrors(): boolean {
    return this.errors.count > 0;
  }

  /** A total past 2^53 minor units could not be summed exactly: the file is refused rather than rounded. */
  checkExactTotal(total: bigint, what: string): void {
    if (total > BigInt(Number.MAX_SAFE_INTEGER)) this.error(0, 'file', `the ${what} add up to more than this system can total exactly`);
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
