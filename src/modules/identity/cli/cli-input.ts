import type { z } from 'zod';
import { AppError } from '../../../core/errors.js';
import { parseOrThrow } from '../../../core/validation.js';

/** Validates command-line input with the API's schema, naming the option (not the JSON field) in what it refuses. */
export function parseOptions<S extends z.ZodType>(schema: S, input: unknown, options: Record<string, string>): z.output<S> {
  try {
    return parseOrThrow(schema, input, 'command-line input');
  } catch (err) {
    throw err instanceof AppError ? renameFields(err, options) : err;
  }
}

/** The same error, its JSON pointers shown as the options they came from (e.g. /display_name as --name). */
export function renameFields(err: AppError, options: Record<string, string>): AppError {
  const problems = err.problems.map((p) => {
    const key = p.pointer?.split('/')[1];
    return key && options[key] ? { ...p, field: options[key] } : p;
  });
  return new AppError(err.code, err.message, problems, err.extra);
}

/** Runs a use case; whatever it refuses names the options instead of the JSON fields. */
export async function namingOptions<T>(options: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw err instanceof AppError ? renameFields(err, options) : err;
  }
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}
