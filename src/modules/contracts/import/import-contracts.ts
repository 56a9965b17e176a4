import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { sql } from 'kysely';
import type { Actor } from '../../../core/auth/actor.js';
import type { Config } from '../../../core/config.js';
import type { Database, Session } from '../../../core/db/database.js';
import { AppError } from '../../../core/errors.js';
import { recordEvent } from '../../audit/record-event.js';
import { getCorridor } from '../../corridors/corridor-queries.js';
import { findRulesInForce, today } from '../../corridors/read-corridors.js';
import { appendLeafHashes } from '../registry/bulk-append.js';
import { lockLog } from '../registry/tree-head-queries.js';
import { createReadyRows } from './build-entries.js';
import { checkRows } from './check-rows.js';
import { checkSet } from './check-set.js';
import { readCsvRecords } from './csv-records.js';
import { findEarlierImport, IMPORT_SUBJECT } from './earlier-import.js';
import { mapHeader } from './import-columns.js';
import type { ImportContext } from './import-context.js';
import type { ImportResult } from './import-result.js';
import { insertContracts, insertWorkers } from './insert-imported.js';
import { listErrors } from './list-errors.js';
import { copyRecords, createStaging } from './staging.js';

export type ImportPhase = 'reading' | 'checking' | 'loading' | 'registering';

export interface ImportOptions {
  file: string;
  corridor: string;
  onProgress?: (phase: ImportPhase, bytesRead: number, totalBytes: number) => void;
}

/** Thrown inside the transaction so that a refused file rolls back everything it staged. */
class Refused extends Error {
  constructor(readonly result: ImportResult) {
    super('refused');
  }
}

/**
 * `corridor contracts import`: the whole file is staged with COPY and checked with a few
 * statements over the set; one bad row refuses it (nothing stored), else the workers,
 * contracts, versions, transitions, registry entries, one tree head and one audit event
 * are written in the same transaction. The same bytes imported again are recognised and
 * not imported twice; other files naming a stored contract_no are refused.
 */
export async function importContracts(database: Database, config: Config, actor: Actor, options: ImportOptions): Promise<ImportResult> {
  const totalBytes = await fileSize(options.file);
  const progress = (phase: ImportPhase, bytes = totalBytes) => options.onProgress?.(phase, bytes, totalBytes);
  const hash = createHash('sha256');
  const records = readCsvRecords(options.file, { onChunk: (c) => hash.update(c), onBytes: (b) => progress('reading', b) });
  const iterator = records[Symbol.asyncIterator]();
  const first = await iterator.next();
  const { header, errors } = mapHeader(first.done ? [] : first.value.fields);
  if (!header) {
    await iterator.return?.(undefined);
    return { imported: 0, errors, error_count: errors.length };
  }
  const rest = { [Symbol.asyncIterator]: () => iterator };

  try {
    return await database.session((s) =>
      s.db.transaction().execute(async (trx) => {
        const session: Session = { ...s, db: trx };
        const ctx = await importContext(session, options.corridor, header.width);
        await createStaging(trx);
        const { rows, errors: streamed } = await copyRecords(session, rest, header);
        const fileSha256 = hash.digest('hex');
        const earlier = await findEarlierImport(trx, fileSha256);
        if (earlier) return { imported: 0, errors: [], error_count: 0, already_imported_at: earlier };

        progress('checking');
        await checkRows(trx, ctx);
        await checkSet(trx);
        const found = await listErrors(trx, streamed);
        if (found.count > 0) throw new Refused({ imported: 0, errors: found.errors, error_count: found.count });
        if (rows === 0) return { imported: 0, errors: [], error_count: 0 };

        progress('loading');
        const workersCreated = await insertWorkers(trx);
        const firstLeaf = await lockLog(trx);
        await createReadyRows(trx, ctx);
        const imported = await insertContracts(trx, ctx, firstLeaf, actor.type);

        progress('registering');
        const appended = await appendLeafHashes(session, config, { stagingTable: 'import_ready' });
        if (appended.first !== firstLeaf || appended.count !== imported) throw new AppError('internal', 'The registry grew during the import');
        await recordEvent(trx, actor, {
          action: 'contracts.imported',
          subjectType: IMPORT_SUBJECT,
          subjectId: fileSha256,
          countries: [ctx.origin, ctx.destination],
          details: {
            corridor: ctx.corridor, file: basename(options.file), file_sha256: fileSha256, rows, imported,
            workers_created: workersCreated, rules_version: ctx.rulesVersion,
            first_leaf_index: firstLeaf, tree_size: appended.treeHead.tree_size,
          },
        });
        return { imported, errors: [], error_count: 0, workers_created: workersCreated, rules_version: ctx.rulesVersion };
      }),
    );
  } catch (err) {
    if (err instanceof Refused) return err.result;
    throw err;
  }
}

async function importContext(session: Session, code: string, width: number): Promise<ImportContext> {
  const corridor = await getCorridor(session.db, code);
  const on = today();
  const inForce = await findRulesInForce(session.db, code, on);
  if (!inForce) throw new AppError('conflict', `Corridor ${code} has no rules in force on ${on}: nothing to check the contracts against`);
  const now = (await sql<{ at: string }>`SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at`.execute(session.db)).rows[0]!.at;
  return { corridor: code, origin: corridor.origin, destination: corridor.destination, rules: inForce.rules, rulesVersion: inForce.version, width, registeredAt: now };
}

async function fileSize(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch (err) {
    throw new AppError('bad_request', `Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}
