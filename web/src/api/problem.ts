/** An RFC 9457 problem as the API sends it; `network` when no answer came at all. */
export interface Problem {
  status: number;
  code: string;
  detail?: string;
  request_id?: string;
  errors?: { pointer?: string; message: string; in?: string }[];
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

/** Field problems keyed by the body member they point at ("/reason" -> "reason"). */
export function fieldProblems(problem: Problem | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of problem?.errors ?? []) if (e.pointer) out[e.pointer.replace(/^\//, '')] ??= e.message;
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
