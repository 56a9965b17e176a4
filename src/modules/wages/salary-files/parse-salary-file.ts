import { createHash, type Hash } from 'node:crypto';
import { DETECT_BYTES, detectFormat } from './detect-format.js';
import { LineSplitter } from './line-splitter.js';
import { QATAR_MAX_LINE, QatarSifParser } from './qatar-sif-parser.js';
import { parseSalaryCsv } from './salary-csv-parser.js';
import { UAE_PROFILES, type ParsedSalaryFile, type SalaryFileContent, type SalaryFileFormat, type UaeProfile } from './salary-file.js';
import { UAE_MAX_LINE, UaeSifParser } from './uae-sif-parser.js';

export interface ParseSalaryFileOptions {
  /** Checked against the naming rule of its format (F10-F12, Q5) when given. */
  fileName?: string;
  /** Skips detection. */
  format?: SalaryFileFormat;
  /** UAE SIF only; default strict. */
  profiles?: readonly UaeProfile[];
  /** Errors (and warnings) listed at most; the counts go on. Default 1,000. */
  maxProblems?: number;
}

export type ByteSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/**
 * Reads a salary file once, as a stream: validates it whole and hashes its exact
 * bytes on the way. Problems in the file come back as errors and warnings; the
 * promise rejects only when the source itself fails.
 */
export async function parseSalaryFile(source: ByteSource, options: ParseSalaryFileOptions = {}): Promise<ParsedSalaryFile> {
  const hash = createHash('sha256');
  const counter = { bytes: 0 };
  const chunks = hashed(source, hash, counter)[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  let format = options.format;
  if (format === undefined) {
    while (headBytes < DETECT_BYTES) {
      const next = await chunks.next();
      if (next.done) break;
      head.push(next.value);
      headBytes += next.value.byteLength;
    }
    format = detectFormat(options.fileName, Buffer.concat(head));
  }
  const rest = replay(head, chunks);
  const content = format === undefined ? await unknownFormat(rest) : await parseAs(format, rest, options);
  return { ...content, sha256: hash.digest('hex'), byteCount: counter.bytes };
}

async function parseAs(format: SalaryFileFormat, chunks: AsyncIterable<Buffer>, options: ParseSalaryFileOptions): Promise<SalaryFileContent> {
  if (format === 'csv') return parseSalaryCsv(chunks, options);
  const unknown = (options.profiles ?? []).filter((p) => !UAE_PROFILES.includes(p));
  const parser = format === 'uae-sif' ? new UaeSifParser(options) : new QatarSifParser(options);
  const splitter = new LineSplitter((line) => parser.line(line), format === 'uae-sif' ? UAE_MAX_LINE : QATAR_MAX_LINE);
  for await (const chunk of chunks) splitter.push(chunk);
  splitter.end();
  const content = parser.finish();
  if (format === 'uae-sif' && unknown.length > 0) {
    content.errors.unshift({ line: 0, field: 'profiles', message: `unknown profile ${unknown.join(', ')}; known profiles are ${UAE_PROFILES.join(', ')}`, code: 'profile_unknown', params: { profiles: unknown.join(', '), known: UAE_PROFILES.join(', ') } });
    content.errorCount++;
    content.records = [];
  }
  return content;
}

async function unknownFormat(chunks: AsyncIterable<Buffer>): Promise<SalaryFileContent> {
  for await (const _ of chunks); // still hashed, so even a refused upload is recognised if sent again
  return {
    format: 'unknown', employerId: '', salaryMonth: '', fileCreatedOn: '', currency: '', records: [], recordCount: 0, totalMinor: 0,
    errors: [{ line: 0, field: 'file', message: 'the file is neither a UAE SIF (EDR and SCR lines, .SIF), a Qatar SIF (first line "Employer EID,...") nor the Corridor CSV template (a header row with employer_id, person_id, ...)', code: 'format_unknown' }],
    warnings: [], errorCount: 1, warningCount: 0,
  };
}

async function* hashed(source: ByteSource, hash: Hash, counter: { bytes: number }): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (bytes.byteLength === 0) continue;
    hash.update(bytes);
    counter.bytes += bytes.byteLength;
    yield bytes;
  }
}

async function* replay(head: Buffer[], rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield* head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}
