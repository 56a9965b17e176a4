import type { z } from 'zod';
import { AppError, type FieldProblem } from './errors.js';

/** RFC 6901 pointer for a zod issue path. */
export function toPointer(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '';
  return '/' + path.map((p) => String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
}

export function zodProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ pointer: toPointer(issue.path), message: issue.message, ...problemCode(issue.code, issue) }));
}

const PARAMS = ['expected', 'minimum', 'maximum', 'origin', 'format', 'divisor', 'values', 'keys'] as const;

/** The translatable part of a zod issue: its code and the few parameters a message needs, as plain values. */
export function problemCode(code: string, issue: object): Pick<FieldProblem, 'code' | 'params'> {
  const params: Record<string, string | number> = {};
  for (const key of PARAMS) {
    const v = (issue as Record<string, unknown>)[key];
    if (typeof v === 'string' || typeof v === 'number') params[key] = v;
    else if (typeof v === 'bigint') params[key] = Number(v);
    else if (Array.isArray(v)) params[key] = v.map(String).join(', ');
  }
  return { code, ...(Object.keys(params).length ? { params } : {}) };
}

/** Parse whole input or throw one AppError listing every problem: nothing is stored from a refused input. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what = 'input'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError('validation_failed', `The ${what} is not valid`, zodProblems(result.error));
}
