import { randomUUID } from 'node:crypto';
import { type Actor, isPlatform, requireScope } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { forbidden } from '../../../core/errors.js';
import { recordEvent } from '../../audit/record-event.js';
import { type ByteSource, parseSalaryFile, type SalaryFileFormat, type UaeProfile } from '../salary-files/index.js';
import { type Acknowledgement, toAcknowledgement } from './acknowledgement.js';
import { type BatchFacts, decideFile, externalIdVariants, type Submitter } from './decide-file.js';
import { type FileRowInput, fileRow, RECORD_COLUMNS, recordRows } from './file-rows.js';
import {
  acceptedBySha, filesById, findEmployersByExternalId, insertAcceptedFiles, insertFiles, mandatedEmployers,
} from './salary-file-queries.js';

export interface IncomingFile {
  name: string;
  /** Opened only when its turn comes, so a thousand files are never open at once. */
  open(): ByteSource;
  format?: SalaryFileFormat;
  profiles?: readonly UaeProfile[];
}

export interface ImportOptions {
  /** A batch is one transaction; each file in it is still taken whole or not at all. */
  maxBatchFiles?: number;
  maxBatchRecords?: number;
}

interface Parsed {
  file: IncomingFile;
  parsed: Awaited<ReturnType<typeof parseSalaryFile>>;
}

function submitterOf(actor: Actor): Submitter {
  requireScope(actor, 'wages:submit');
  if (isPlatform(actor)) return { kind: 'operator', organisationId: actor.organisationId ?? null };
  if (actor.organisationKind === 'wage_agent' && actor.organisationId) return { kind: 'agent', organisationId: actor.organisationId };
  throw forbidden('Only wage agents (and the platform operator) submit salary files');
}

/**
 * Receives salary files (PRODUCT.md 5.3): each is validated whole in JS as it streams in,
 * then a batch of files is stored in one transaction, the accepted files' payments by COPY.
 * Returns one acknowledgement per file, in the order given; every one is also stored.
 */
export async function importSalaryFiles(
  database: Database,
  actor: Actor,
  files: Iterable<IncomingFile> | AsyncIterable<IncomingFile>,
  options: ImportOptions = {},
): Promise<Acknowledgement[]> {
  const submitter = submitterOf(actor);
  const maxFiles = options.maxBatchFiles ?? 500;
  const maxRecords = options.maxBatchRecords ?? 200_000;
  const acks: Acknowledgement[] = [];
  let batch: Parsed[] = [];
  let records = 0;
  for await (const file of files) {
    const parsed = await parseSalaryFile(file.open(), { fileName: file.name, format: file.format, profiles: file.profiles });
    batch.push({ file, parsed });
    records += parsed.records.length;
    if (batch.length >= maxFiles || records >= maxRecords) {
      acks.push(...(await storeBatch(database, actor, submitter, batch)));
      batch = [];
      records = 0;
    }
  }
  if (batch.length) acks.push(...(await storeBatch(database, actor, submitter, batch)));
  return acks;
}

async function batchFacts(database: Database, submitter: Submitter, batch: Parsed[]): Promise<BatchFacts> {
  const db = database.db;
  const ids = [...new Set(batch.flatMap((b) => externalIdVariants(b.parsed.employerId)))];
  const employers = await findEmployersByExternalId(db, ids);
  const mandated = submitter.kind === 'agent' ? await mandatedEmployers(db, submitter.organisationId, employers.map((e) => e.id)) : new Set<string>();
  const accepted = await acceptedBySha(db, [...new Set(batch.map((b) => b.parsed.sha256))]);
  return { employers, mandated, accepted };
}

async function storeBatch(database: Database, actor: Actor, submitter: Submitter, batch: Parsed[]): Promise<Acknowledgement[]> {
  const facts = await batchFacts(database, submitter, batch);
  const base = { submittedBy: submitter.organisationId, via: actor.type === 'cli' ? ('cli' as const) : ('api' as const) };
  const rows: FileRowInput[] = batch.map(({ file, parsed }) => {
    const d = decideFile(parsed, submitter, facts);
    const row: FileRowInput = {
      ...base, id: randomUUID(), name: file.name, profiles: file.profiles ?? [], parsed,
      status: d.status, employerId: null, errors: [], duplicateOf: null,
    };
    if (d.status === 'accepted') row.employerId = d.employer.id;
    if (d.status === 'duplicate') Object.assign(row, { employerId: d.employerId, duplicateOf: d.duplicateOf });
    if (d.status === 'rejected') Object.assign(row, { employerId: d.employer?.id ?? null, errors: d.errors });
    // The same bytes twice in one batch: the second is a duplicate of the first.
    if (d.status === 'accepted') facts.accepted.set(parsed.sha256, { id: row.id, employer_id: row.employerId });
    return row;
  });

  await database.session((s) =>
    s.db.transaction().execute(async (trx) => {
      const firsts = rows.filter((r) => r.status === 'accepted');
      const inserted = await insertAcceptedFiles(trx, firsts.map(fileRow));
      // Lost a race with a concurrent submission of the same bytes: a duplicate of the winner.
      const lost = firsts.filter((r) => !inserted.has(r.id));
      const winners = await acceptedBySha(trx, lost.map((r) => r.parsed.sha256));
      const winnerOf = new Map(lost.map((r) => [r.id, winners.get(r.parsed.sha256)!.id]));
      for (const r of rows) {
        if (winnerOf.has(r.id)) Object.assign(r, { status: 'duplicate', duplicateOf: winnerOf.get(r.id) });
        else if (r.duplicateOf && winnerOf.has(r.duplicateOf)) r.duplicateOf = winnerOf.get(r.duplicateOf)!;
      }
      await insertFiles(trx, rows.filter((r) => r.status !== 'accepted').map(fileRow));
      const taken = rows.filter((r) => r.status === 'accepted');
      await s.copyInto('salary_records', RECORD_COLUMNS, (function* () {
        for (const r of taken) yield* recordRows(r.id, r.employerId!, r.parsed);
      })());
      await recordEvent(trx, actor, {
        action: 'wages.files.received',
        subjectType: 'salary_file',
        subjectId: rows.length === 1 ? rows[0]!.id : null,
        organisationIds: rows.map((r) => r.employerId),
        details: { files: rows.map((r) => ({ id: r.id, status: r.status, records: r.parsed.recordCount, sha256: r.parsed.sha256 })) },
      });
    }),
  );
  const stored = new Map((await filesById(database.db, rows.map((r) => r.id))).map((f) => [f.id, f]));
  return rows.map((r) => toAcknowledgement(stored.get(r.id)!));
}
