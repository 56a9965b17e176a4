import { type FieldError, type FormatMessage, problemMessage } from './problem-messages.js';

/** An RFC 9457 problem as the API sends it; `network` when no answer came at all. */
export interface Problem {
  status: number;
  code: string;
  detail?: string;
  request_id?: string;
  errors?: (FieldError & { in?: string })[];
}

let translate: ((e: FieldError) => string) | undefined;

/** The page's language for field problems: set by the locale provider whenever the language changes. */
export function setProblemLanguage(format: FormatMessage, locale?: string): void {
  translate = (e) => problemMessage(e, format, locale);
}

export function toProblem(error: unknown, response?: Response): Problem {
  const body = (typeof error === 'object' && error !== null ? error : {}) as Partial<Problem>;
  return {
    status: response?.status ?? 0,
    code: typeof body.code === 'string' ? body.code : response ? 'unknown' : 'network',
    ...(typeof body.detail === 'string' ? { detail: body.detail } : {}),
    ...(typeof body.request_id === 'string' ? { request_id: body.request_id } : {}),
    ...(Array.isArray(body.errors) ? { errors: body.errors } : {}),
  };
}

/** One field problem in the page's language (the server's words where the catalogs have none). */
export function problemText(e: FieldError): string {
  return translate ? translate(e) : e.message;
}

/** Field problems keyed by the body member they point at ("/reason" -> "reason"), in the page's language. */
export function fieldProblems(problem: Problem | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of problem?.errors ?? []) if (e.pointer) out[e.pointer.replace(/^\//, '')] ??= problemText(e);
  return out;
}

/** Calls the API; a failed fetch (offline) becomes a problem too, so pages handle one shape. */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<{ data?: T; problem?: Problem }> {
  try {
    const { data, error, response } = await request;
    return response.ok ? { data: data as T } : { problem: toProblem(error, response) };
  } catch {
    return { problem: toProblem(undefined) };
  }
}
