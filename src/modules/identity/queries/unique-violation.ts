/** The constraint (or unique index) a statement broke, when it broke one; PostgreSQL error 23505. */
export function uniqueViolation(err: unknown): string | undefined {
  const e = err as { code?: string; constraint?: string } | undefined;
  return e?.code === '23505' ? (e.constraint ?? 'unique') : undefined;
}
