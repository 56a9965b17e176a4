import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { sql } from 'kysely';
import type { Actor } from '../../../core/auth/actor.js';
import type { Database, Session } from '../../../core/db/database.js';
import { AppError, type FieldProblem } from '../../../core/errors.js';
import { recordEvent } from '../../audit/record-event.js';
import { readCsvRecords } from '../../contracts/import/csv-records.js';
import { forgetCurrentServices } from '../compare/current-services.js';
import { loadReference } from '../reference-data.js';
import { startChunkWorker } from '../../../core/workers/chunk-worker.js';
import { mapRpwHeader, type RpwHeader } from './columns.js';
import type { RpwStageInput, RpwStageResult } from './stage-protocol.js';
import { QUOTE_COLUMNS } from './stage-row.js';

export interface RpwFlags {
  /** `transparent` is no. */
  not_transparent: number;
  /** Offered rate blank or zero at USD 200. */
  rate_missing: number;
  /** Offered rate 1 where the reference rate is far from 1: a placeholder. */
  rate_placeholder: number;
  /** Offered rate above the reference rate (parallel rates): kept as it is. */
  negative_margin: number;
}

export interface RpwImportResult {
  file: string;
  status: 'imported' | 'rejected' | 'duplicate';
  import_id: number | null;
  rows: number;
  /** Quotes kept without a comparable USD 200 price: left out of averages, SmaRT and rankings. */
  not_comparable: number;
  flags: RpwFlags;
  error_count: number;
  errors: FieldProblem[];
  sha256: string;
}

const NO_FLAGS: RpwFlags = { not_transparent: 0, rate_missing: 0, rate_placeholder: 0, negative_margin: 0 };

class Refused extends Error {
  constructor(readonly result: RpwImportResult) {
    super('refused');
  }
}

/**
 * `corridor remittances import`: a survey file in the RPW layout, streamed and checked row
 * by row on its way into one COPY; a single bad row refuses the file and the transaction
 * takes back everything. The same bytes twice are recognised and not counted again.
 */
export async function importRpwFile(
  database: Database,
  actor: Actor,
  path: string,
  onBytes?: (bytes: number, total: number) => void,
): Promise<RpwImportResult> {
  const total = await stat(path).then((s) => s.size, () => {
    throw new AppError('bad_request', `Cannot read ${path}: no such file`);
  });
  // Hashed before anything else (a fast read): a file imported before is answered without parsing or loading it again.
  const sha256 = await hashFile(path);
  const file = basename(path);
  const base = { file, import_id: null, rows: 0, not_comparable: 0, flags: NO_FLAGS, error_count: 0, errors: [], sha256 };
  const earlier = await database.db.selectFrom('remittance_imports').select('id').where('sha256', '=', sha256).executeTakeFirst();
  if (earlier) return { ...base, status: 'duplicate', import_id: earlier.id };

  const header = await readHeader(path);
  if ('problems' in header) return { ...base, status: 'rejected', error_count: header.problems.length, errors: header.problems };
  const reference = await loadReference(database.db);

  try {
    return await database.session((s) =>
      s.db.transaction().execute(async (trx) => {
        const session: Session = { ...s, db: trx };
        const { id } = await trx
          .insertInto('remittance_imports')
          .values({ sha256, file_name: file, rows: 0, not_comparable: 0 })
          .returning('id')
          .executeTakeFirstOrThrow();
        // Quote ids only grow: the import's rows are found above this one by the primary key, not by a scan of every survey.
        const { last } = await trx.selectFrom('remittance_quotes').select((eb) => eb.fn.coalesce(eb.fn.max('id'), eb.lit(0)).as('last')).executeTakeFirstOrThrow();
        // Reading and checking run in a worker thread while this one loads (decision 0015).
        const input: RpwStageInput = { path, header: header.header, reference, importId: id };
        const work = startChunkWorker<RpwStageResult>(new URL('./stage-worker.ts', import.meta.url), input, (b) => onBytes?.(b, total));
        try {
          await session.copyText('remittance_quotes', QUOTE_COLUMNS, work.chunks);
        } finally {
          await work.stop();
        }
        const { rows: copied, errorCount, errors } = await work.result;
        if (errorCount > 0) throw new Refused({ ...base, status: 'rejected', error_count: errorCount, errors });
        const flags = await flagsOf(session, id, Number(last));
        await trx.updateTable('remittance_imports').set({ rows: copied, not_comparable: flags.not_comparable }).where('id', '=', id).execute();
        await recordEvent(trx, actor, {
          action: 'remittances.imported',
          subjectType: 'remittance_import',
          subjectId: String(id),
          details: { file, sha256, rows: copied, ...flags },
        });
        const { not_comparable, ...rest } = flags;
        return { ...base, status: 'imported' as const, import_id: id, rows: copied, not_comparable, flags: rest };
      }),
    );
  } catch (err) {
    if (err instanceof Refused) return err.result;
    // Two imports of the same bytes at once: the second finds the first's row when it commits.
    if ((err as { code?: string }).code === '23505') return { ...base, status: 'duplicate' };
    throw err;
  } finally {
    forgetCurrentServices();
  }
}

/** What is odd in the data, counted over the set in one statement. */
async function flagsOf(session: Session, importId: number, after: number): Promise<RpwFlags & { not_comparable: number }> {
  const { rows } = await sql<RpwFlags & { not_comparable: number }>`
    SELECT count(*) FILTER (WHERE NOT comparable_200)::int AS not_comparable,
           count(*) FILTER (WHERE transparent = false)::int AS not_transparent,
           count(*) FILTER (WHERE rate_200 IS NULL OR rate_200 = 0)::int AS rate_missing,
           count(*) FILTER (WHERE rate_200 = 1 AND abs(reference_rate - 1) > 0.5)::int AS rate_placeholder,
           count(*) FILTER (WHERE comparable_200 AND fx_margin_pct_200 < 0)::int AS negative_margin
    FROM remittance_quote_costs WHERE id > ${after} AND import_id = ${importId}`.execute(session.db);
  return rows[0]!;
}

/** The header line, mapped; every required column missing is named. */
async function readHeader(path: string): Promise<{ header: RpwHeader } | { problems: FieldProblem[] }> {
  for await (const record of readCsvRecords(path)) {
    const { header, problems } = mapRpwHeader(record.fields);
    return header ? { header } : { problems };
  }
  return { problems: mapRpwHeader([]).problems };
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
