import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Actor } from '../../../core/auth/actor.js';
import type { Database, Session } from '../../../core/db/database.js';
import { AppError, type FieldProblem } from '../../../core/errors.js';
import { recordEvent } from '../../audit/record-event.js';
import { readCsvRecords } from '../../contracts/import/csv-records.js';
import { forgetCurrentServices } from '../compare/current-services.js';
import { loadReference } from '../reference-data.js';
import { type ChunkWork, startChunkWorker } from '../../../core/workers/chunk-worker.js';
import { mapRpwHeader, type RpwHeader } from './columns.js';
import type { RpwStageInput, RpwStageResult } from './stage-protocol.js';
import { QUOTE_COLUMNS } from './stage-row.js';
import type { RpwFlags } from './flags.js';

export type { RpwFlags } from './flags.js';

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
  const file = basename(path);
  const header = await readHeader(path);
  // A good file's rows are read and checked in a worker thread while this one loads them (decision
  // 0015); it starts now, so that its start-up overlaps the hash and the opening of the import.
  const work =
    'header' in header
      ? startChunkWorker<RpwStageResult>(
          new URL('./stage-worker.ts', import.meta.url),
          { path, header: header.header, reference: await loadReference(database.db) } satisfies RpwStageInput,
          (b) => onBytes?.(b, total),
        )
      : undefined;
  try {
    // The same bytes imported before are answered without loading them again.
    const sha256 = await hashFile(path);
    const base = { file, import_id: null, rows: 0, not_comparable: 0, flags: NO_FLAGS, error_count: 0, errors: [], sha256 };
    const earlier = await database.db.selectFrom('remittance_imports').select('id').where('sha256', '=', sha256).executeTakeFirst();
    if (earlier) return { ...base, status: 'duplicate', import_id: earlier.id };
    if ('problems' in header) return { ...base, status: 'rejected', error_count: header.problems.length, errors: header.problems };
    return await load(database, actor, work!, base);
  } finally {
    await work?.stop();
  }
}

type Base = Omit<RpwImportResult, 'status'>;

async function load(database: Database, actor: Actor, work: ChunkWork<RpwStageResult>, base: Base): Promise<RpwImportResult> {
  const { file, sha256 } = base;
  try {
    return await database.session((s) =>
      s.db.transaction().execute(async (trx) => {
        const session: Session = { ...s, db: trx };
        const { id } = await trx
          .insertInto('remittance_imports')
          .values({ sha256, file_name: file, rows: 0, not_comparable: 0 })
          .returning('id')
          .executeTakeFirstOrThrow();
        work.tell(id);
        await session.copyText('remittance_quotes', QUOTE_COLUMNS, work.chunks);
        const { rows: copied, errorCount, errors, counts: flags } = await work.result;
        if (errorCount > 0) throw new Refused({ ...base, status: 'rejected', error_count: errorCount, errors });
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
