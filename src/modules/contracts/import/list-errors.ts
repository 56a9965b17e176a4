import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../schema.js';
import { IMPORT_COLUMNS } from './import-columns.js';
import { type ImportError, MAX_LISTED_ERRORS } from './import-result.js';
import type { StreamErrors } from './staging.js';

const ORDER = ['row', ...IMPORT_COLUMNS];
const rank = (e: ImportError) => e.line * 100 + ORDER.indexOf(e.column);

/**
 * Every error found, those of the stream and those of the SQL checks, by line and then in
 * the order of the columns (the first MAX_LISTED_ERRORS of them), and how many in all.
 */
export async function listErrors(db: Kysely<DB>, streamed: StreamErrors): Promise<{ errors: ImportError[]; count: number }> {
  const { rows: counted } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM import_errors`.execute(db);
  const count = counted[0]!.n + streamed.count;
  if (count === 0) return { errors: [], count };
  const { rows } = await sql<{ line: number; col: string; message: string }>`
    SELECT line::int AS line, col, message FROM import_errors
    ORDER BY line, array_position(${ORDER}::text[], col), message LIMIT ${MAX_LISTED_ERRORS}`.execute(db);
  const found = rows.map((r) => ({ line: r.line, column: r.col, message: r.message }));
  const errors = [...streamed.listed, ...found].sort((a, b) => rank(a) - rank(b) || a.message.localeCompare(b.message));
  return { errors: errors.slice(0, MAX_LISTED_ERRORS), count };
}
