import { type Kysely, sql } from 'kysely';
import type { Session } from '../../../core/db/database.js';
import type { DB } from '../../../schema.js';
import type { CsvRecord } from './csv-records.js';
import type { HeaderMap } from './import-columns.js';
import { type ImportError, MAX_LISTED_ERRORS } from './import-result.js';
import { STAGED_COLUMNS, stageRecord } from './row-format.js';

/** Temporary tables of one import: gone at the end of its transaction, whatever happens. */
export async function createStaging(db: Kysely<DB>): Promise<void> {
  await sql`
    CREATE TEMP TABLE import_rows (
      line bigint NOT NULL, contract_no text, worker_id text, worker_name text, sex text, birth_on date,
      nationality text, passport_no text, employer_id text, occupation_isco text, start_on date, end_on date,
      basic_minor bigint, allowance_minor bigint, currency text
    ) ON COMMIT DROP`.execute(db);
  await sql`CREATE TEMP TABLE import_errors (line bigint NOT NULL, col text NOT NULL, message text NOT NULL) ON COMMIT DROP`.execute(db);
}

/** Format errors found while streaming: the first MAX_LISTED_ERRORS (they arrive in line order) and how many in all. */
export interface StreamErrors {
  listed: ImportError[];
  count: number;
}

/** Streams the records after the header into import_rows with COPY, checking formats on the way. */
export async function copyRecords(session: Session, records: AsyncIterable<CsvRecord>, header: HeaderMap): Promise<{ rows: number; errors: StreamErrors }> {
  const errors: StreamErrors = { listed: [], count: 0 };
  const collect = (e: ImportError) => {
    if (errors.count++ < MAX_LISTED_ERRORS) errors.listed.push(e);
  };
  async function* rows() {
    for await (const record of records) yield stageRecord(record, header, collect);
  }
  const count = await session.copyInto('import_rows', STAGED_COLUMNS, rows());
  return { rows: count, errors };
}
