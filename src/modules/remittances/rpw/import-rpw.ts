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
import { mapRpwHeader } from './columns.js';
import { QUOTE_COLUMNS, stageRpwRow } from './stage-row.js';

/** Errors listed in a refusal; all are counted. */
export const MAX_LISTED = 100;

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

  const records = readCsvRecords(path, { onBytes: (b) => onBytes?.(b, total) })[Symbol.asyncIterator]();
  const first = await records.next();
  const { header, problems } = mapRpwHeader(first.done ? [] : first.value.fields);
  if (!header) {
    await records.return?.(undefined);
    return { ...base, status: 'rejected', error_count: problems.length, errors: problems };
  }
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
        const errors: FieldProblem[] = [];
        let errorCount = 0;
        const report = (p: FieldProblem) => {
          if (errorCount++ < MAX_LISTED) errors.push(p);
        };
        async function* rows() {
          for await (const record of { [Symbol.asyncIterator]: () => records }) {
            const row = stageRpwRow(record, header!, reference, id, report);
            // After the first error nothing more is written: the rest is only checked, to list every problem.
            if (row && errorCount === 0) yield row;
          }
        }
        const copied = await session.copyInto('remittance_quotes', QUOTE_COLUMNS, rows());
        if (errorCount > 0) throw new Refused({ ...base, status: 'rejected', error_count: errorCount, errors });
        const flags = await flagsOf(session, id);
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
async function flagsOf(session: Session, importId: number): Promise<RpwFlags & { not_comparable: number }> {
  const { rows } = await sql<RpwFlags & { not_comparable: number }>`
    SELECT count(*) FILTER (WHERE NOT comparable_200)::int AS not_comparable,
           count(*) FILTER (WHERE transparent = false)::int AS not_transparent,
           count(*) FILTER (WHERE rate_200 IS NULL OR rate_200 = 0)::int AS rate_missing,
           count(*) FILTER (WHERE rate_200 = 1 AND abs(reference_rate - 1) > 0.5)::int AS rate_placeholder,
           count(*) FILTER (WHERE comparable_200 AND fx_margin_pct_200 < 0)::int AS negative_margin
    FROM remittance_quotes WHERE import_id = ${importId}`.execute(session.db);
  return rows[0]!;
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
