import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../schema.js';

/** The audit subject of an import is the file's SHA-256, so finding an earlier one uses the subject index. */
export const IMPORT_SUBJECT = 'contract_import_file';

/** When these exact bytes were imported before, if they were. */
export async function findEarlierImport(db: Kysely<DB>, fileSha256: string): Promise<string | undefined> {
  const { rows } = await sql<{ at: string }>`
    SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at FROM audit_events
    WHERE subject_type = ${IMPORT_SUBJECT} AND subject_id = ${fileSha256} AND action = 'contracts.imported'
    ORDER BY occurred_at LIMIT 1`.execute(db);
  return rows[0]?.at;
}
