import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** One CSV record: the physical line it starts on (1-based) and its fields. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface ReadOptions {
  /** Called with the bytes read so far, for a progress bar. */
  onBytes?: (bytes: number) => void;
  /** Sees every byte of the file (e.g. a hash that recognises a file imported before). */
  onChunk?: (chunk: Buffer) => void;
}

/**
 * Streams an RFC 4180 file record by record, holding one read chunk at a time: a
 * million-row register never sits in memory whole. Lines are physical lines, so a
 * quoted field spanning lines still names the line its record starts on. Blank lines
 * are skipped.
 */
export async function* readCsvRecords(file: string, options: ReadOptions = {}): AsyncGenerator<CsvRecord> {
  for await (const batch of readCsvBatches(file, options)) yield* batch;
}

/** The same records, a read chunk's worth at a time: one await per megabyte, not one per record. */
export async function* readCsvBatches(file: string, options: ReadOptions = {}): AsyncGenerator<CsvRecord[]> {
  const decoder = new StringDecoder('utf8');
  const parser = new CsvParser();
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    options.onChunk?.(chunk);
    options.onBytes?.(bytes);
    yield parser.push(decoder.write(chunk), false);
  }
  yield parser.push(decoder.end(), true);
}

export class CsvParser {
  private rest = '';
  private line = 1;
  private first = true;

  /**
   * Parses what is complete in `text` (plus what was held back); `final` flushes the last record.
   * An array, not a generator: a generator's step per record cost a tenth of a survey import.
   */
  push(text: string, final: boolean): CsvRecord[] {
    const records: CsvRecord[] = [];
    let s = this.rest + text;
    if (this.first && s.length) {
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      this.first = false;
    }
    let pos = 0;
    // The next quote at or after pos, found once and not again per line: searching from every
    // line of a file with no quotes would scan the rest of the buffer each time.
    let quote = s.indexOf('"');
    while (pos < s.length) {
      const nl = s.indexOf('\n', pos);
      if (nl < 0 && !final) break;
      const end = nl < 0 ? s.length : nl;
      if (quote >= 0 && quote < pos) quote = s.indexOf('"', pos);
      if (quote < 0 || quote > end) {
        // Fast path: a record without quotes is one line split at commas.
        const text = s.charCodeAt(end - 1) === 13 ? s.slice(pos, end - 1) : s.slice(pos, end);
        if (text.length) records.push({ line: this.line, fields: text.split(',') });
        this.line++;
        pos = end + 1;
        continue;
      }
      const parsed = parseQuoted(s, pos, final);
      if (!parsed) break;
      records.push({ line: this.line, fields: parsed.fields });
      this.line += parsed.lines;
      pos = parsed.next;
    }
    this.rest = pos < s.length ? s.slice(pos) : '';
    return records;
  }
}

/** A record with quotes, from `pos`; undefined when it is not complete yet. */
function parseQuoted(s: string, pos: number, final: boolean): { fields: string[]; next: number; lines: number } | undefined {
  const fields: string[] = [];
  let lines = 1;
  let i = pos;
  for (;;) {
    let field: string;
    if (s[i] === '"') {
      let j = i + 1;
      let value = '';
      for (;;) {
        const q = s.indexOf('"', j);
        if (q < 0) {
          if (!final) return undefined;
          // An unterminated quote takes the rest of the file, as a lenient reader would.
          value += s.slice(j);
          j = s.length;
          break;
        }
        // A quote at the end of the buffer may be the first of a doubled one: wait for more.
        if (q + 1 >= s.length && !final) return undefined;
        value += s.slice(j, q);
        if (s[q + 1] === '"') {
          value += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      lines += countNewlines(value);
      // Anything between the closing quote and the next separator is kept, not lost.
      const stop = nextSeparator(s, j);
      field = value + s.slice(j, stop).replace(/\r$/, '');
      i = stop;
    } else {
      const stop = nextSeparator(s, i);
      field = s.slice(i, stop).replace(/\r$/, '');
      i = stop;
    }
    if (i >= s.length && !final) return undefined;
    fields.push(field);
    if (i >= s.length) return { fields, next: s.length, lines };
    if (s[i] === '\n') return { fields, next: i + 1, lines };
    i++;
  }
}

function nextSeparator(s: string, from: number): number {
  const comma = s.indexOf(',', from);
  const nl = s.indexOf('\n', from);
  if (comma < 0) return nl < 0 ? s.length : nl;
  return nl < 0 || comma < nl ? comma : nl;
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
