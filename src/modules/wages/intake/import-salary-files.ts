import { randomUUID } from 'node:crypto';
import { type Actor, isPlatform, requireScope } from '../../../core/auth/actor.js';
import type { Database } from '../../../core/db/database.js';
import { forbidden } from '../../../core/errors.js';
import { recordEvent } from '../../audit/record-event.js';
import type { ByteSource, SalaryFileFormat, UaeProfile } from '../salary-files/index.js';
import { type Acknowledgement, toAcknowledgement } from './acknowledgement.js';
import { type BatchFacts, byExternalId, decideFile, externalIdVariants, type Submitter } from './decide-file.js';
import { CopyChunks, type FileRowInput, fileRow, RECORD_COLUMNS } from './file-rows.js';
import { type Parsed, parseFiles } from './parse-ahead.js';
import { acceptedBySha, findEmployersByExternalId, insertAcceptedFiles, insertFiles, mandatedEmployers } from './salary-file-queries.js';

export interface IncomingFile {
  name: string;
  /** Opened only when its turn comes, so a thousand files are never open at once. */
  open(): ByteSource;
  /** Where it is on disk, if it is: many such files are parsed in a worker thread (parse-ahead.ts). */
  path?: string;
  format?: SalaryFileFormat;
  profiles?: readonly UaeProfile[];
}

export interface ImportOptions {
  /** A batch is one transaction; each file in it is still taken whole or not at all. */
  maxBatchFiles?: number;
  maxBatchRecords?: number;
  /** Parse files on disk in a worker thread: by default when there are many. */
  parseThread?: boolean;
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
 *
 * A month is ~60,000 files, most of a few lines: a transaction, an audit entry and a COPY per
 * file would cost more than the payments themselves, so files go in batches of thousands. A
 * file stays atomic inside its batch because its fate is decided whole before anything is
 * written (all its records are copied or none), and the batch commits or fails as one. The
 * next batch is parsed while the previous one is being stored (on PostgreSQL the server works
 * meanwhile); at most two batches are in memory.
 */
export async function importSalaryFiles(
  database: Database,
  actor: Actor,
  files: Iterable<IncomingFile> | AsyncIterable<IncomingFile>,
  options: ImportOptions = {},
): Promise<Acknowledgement[]> {
  const acks: Acknowledgement[] = [];
  await receiveSalaryFiles(database, actor, files, (ack) => void acks.push(ack), options);
  return acks;
}

/**
 * importSalaryFiles, handing each acknowledgement to `acknowledged` (in the order given) once its
 * batch is stored, instead of keeping them all: a UAE-size month is 300,000 files, whose
 * acknowledgements would hold about 200 MB until the end. Returns how many files were received.
 */
export async function receiveSalaryFiles(
  database: Database,
  actor: Actor,
  files: Iterable<IncomingFile> | AsyncIterable<IncomingFile>,
  acknowledged: (ack: Acknowledgement) => void,
  options: ImportOptions = {},
): Promise<number> {
  const submitter = submitterOf(actor);
  const maxFiles = options.maxBatchFiles ?? 2_000;
  const maxRecords = options.maxBatchRecords ?? 200_000;
  let received = 0;
  let storing: Promise<void> = Promise.resolve();
  const store = async (batch: Parsed[]) => {
    await storing; // one batch at a time, in order: a later one sees the earlier one's files
    received += batch.length;
    storing = storeBatch(database, actor, submitter, batch).then((acks) => acks.forEach((a) => acknowledged(a)));
    storing.catch(() => undefined); // observed by the next await, or at the end
  };
  let batch: Parsed[] = [];
  let records = 0;
  for await (const item of parseFiles(files, options.parseThread)) {
    batch.push(item);
    records += item.parsed.recordCount;
    if (batch.length >= maxFiles || records >= maxRecords) {
      await store(batch);
      batch = [];
      records = 0;
    }
  }
  if (batch.length) await store(batch);
  await storing;
  return received;
}

async function batchFacts(database: Database, submitter: Submitter, batch: Parsed[]): Promise<BatchFacts> {
  const db = database.db;
  const ids = [...new Set(batch.flatMap((b) => externalIdVariants(b.parsed.employerId)))];
  const employers = await findEmployersByExternalId(db, ids);
  const mandated = submitter.kind === 'agent' ? await mandatedEmployers(db, submitter.organisationId, employers.map((e) => e.id)) : new Set<string>();
  const accepted = await acceptedBySha(db, [...new Set(batch.map((b) => b.parsed.sha256))]);
  return { employers: byExternalId(employers), mandated, accepted };
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

  const stored = await database.session((s) =>
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
      const others = await insertFiles(trx, rows.filter((r) => r.status !== 'accepted').map(fileRow));
      const taken = rows.filter((r) => r.status === 'accepted');
      await s.copyText('salary_records', RECORD_COLUMNS, copyChunksOf(taken));
      const copied = taken.reduce((n, r) => n + r.parsed.recordCount, 0);
      // One entry per batch, with counts: each file's own facts are its salary_files row.
      const count = (status: string) => rows.filter((r) => r.status === status).length;
      await recordEvent(trx, actor, {
        action: 'wages.files.received',
        subjectType: 'salary_file',
        subjectId: rows.length === 1 ? rows[0]!.id : null,
        organisationIds: rows.map((r) => r.employerId),
        details: { files: rows.length, accepted: count('accepted'), rejected: count('rejected'), duplicate: count('duplicate'), records: copied },
      });
      return new Map([...inserted, ...others]);
    }),
  );
  // The rows as stored (RETURNING *), so an acknowledgement reads exactly as it will later.
  return rows.map((r) => toAcknowledgement(stored.get(r.id)!));
}

/** The payments of the accepted files, in COPY chunks of 1 MB: a statement's write per file (most hold a few payments) would cost more than the file. */
async function* copyChunksOf(taken: FileRowInput[]): AsyncGenerator<Buffer> {
  const chunks = new CopyChunks();
  for (const r of taken) yield* chunks.add(r.id, r.employerId!, r.parsed);
  yield* chunks.rest();
}
