/**
 * One error type for the whole domain. Transports (HTTP, CLI) map the code once:
 * see ERROR_CODES for the HTTP status and the CLI exit code of each.
 */
export interface FieldProblem {
  /** JSON pointer into the request body or file record (RFC 6901), e.g. "/wage/pay_day". */
  pointer?: string;
  /** 1-based line of a file, where the input was a file. */
  line?: number;
  /** Column or field name of a file, where the input was a file. */
  field?: string;
  message: string;
  expected?: string;
  /**
   * What is wrong, as a code a client can translate (the zod issue code: too_small, invalid_type,
   * invalid_format, ...) or the rule of the domain it breaks (loan.amount_outside_limits, ...), with
   * `params` (minimum, maximum, format, values; amounts as Money, dates as ISO strings) for its message.
   * `message` stays the English text for whoever has no translation.
   */
  code?: string;
  params?: Record<string, ProblemParam>;
}

/**
 * A parameter of a problem's message: a number, a text (a date as an ISO string), or an amount
 * of money as integer minor units with its ISO 4217 currency, so each language formats it.
 */
export type ProblemParam = string | number | Money;
export interface Money {
  amount_minor: number;
  currency: string;
}
export const money = (amount_minor: number, currency: string): Money => ({ amount_minor, currency });

export const ERROR_CODES = {
  validation_failed: { status: 422, exit: 1, title: 'The input is not valid' },
  bad_request: { status: 400, exit: 2, title: 'The request is malformed' },
  unauthenticated: { status: 401, exit: 1, title: 'Sign-in required' },
  forbidden: { status: 403, exit: 1, title: 'Not allowed' },
  not_found: { status: 404, exit: 1, title: 'Not found' },
  conflict: { status: 409, exit: 1, title: 'Conflict with the current state' },
  invalid_transition: { status: 409, exit: 1, title: 'Not allowed in the current state' },
  idempotency_mismatch: { status: 422, exit: 1, title: 'Idempotency key reused with a different request' },
  locked: { status: 423, exit: 1, title: 'Locked' },
  rate_limited: { status: 429, exit: 1, title: 'Too many requests' },
  unavailable: { status: 503, exit: 3, title: 'Service unavailable' },
  internal: { status: 500, exit: 3, title: 'Internal error' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly problems: FieldProblem[];
  readonly extra: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, problems: FieldProblem[] = [], extra: Record<string, unknown> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.problems = problems;
    this.extra = extra;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  get exitCode(): number {
    return ERROR_CODES[this.code].exit;
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found`);
export const forbidden = (message = 'Your role does not allow this') => new AppError('forbidden', message);
export const conflict = (message: string, extra: Record<string, unknown> = {}) =>
  new AppError('conflict', message, [], extra);
export const invalid = (message: string, problems: FieldProblem[]) =>
  new AppError('validation_failed', message, problems);
