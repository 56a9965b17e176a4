import type { z } from 'zod';
import { AppError, type FieldProblem } from './errors.js';

/** RFC 6901 pointer for a zod issue path. */
export function toPointer(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '';
  return '/' + path.map((p) => String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
}

export function zodProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ pointer: toPointer(issue.path), message: issue.message }));
}

/** Parse whole input or throw one AppError listing every problem: nothing is stored from a refused input. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what = 'input'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError('validation_failed', `The ${what} is not valid`, zodProblems(result.error));
}
