/**
 * The worker thread of `corridor remittances import`: reads the survey file, checks every row
 * and encodes the good ones as COPY text, while the main thread loads (core/workers/chunk-worker.ts).
 * After the first bad row nothing more is sent; the rest is only checked, to list every problem.
 */
import type { FieldProblem } from '../../../core/errors.js';
import { encodeCopyRow } from '../../../core/db/copy-text.js';
import { serveChunks } from '../../../core/workers/chunk-worker.js';
import { readCsvRecords } from '../../contracts/import/csv-records.js';
import type { RpwHeader } from './columns.js';
import { MAX_LISTED, type RpwStageInput, type RpwStageResult } from './stage-protocol.js';
import { RpwRowChecker } from './stage-row.js';

const ROWS_PER_CHUNK = 5_000;

await serveChunks<RpwStageResult>(async (sink) => {
  const { path, header, reference, importId } = sink.data as RpwStageInput;
  const errors: FieldProblem[] = [];
  let errorCount = 0;
  const checker = new RpwRowChecker(header as RpwHeader, reference, importId, (p) => {
    if (errorCount++ < MAX_LISTED) errors.push(p);
  });
  let text = '';
  let inChunk = 0;
  let rows = 0;
  let first = true;
  for await (const record of readCsvRecords(path, { onBytes: (b) => sink.bytes(b) })) {
    if (first) {
      first = false; // the header, mapped by the main thread already
      continue;
    }
    const row = checker.stage(record);
    if (!row || errorCount > 0) continue;
    text += encodeCopyRow(row);
    rows++;
    if (++inChunk === ROWS_PER_CHUNK) {
      await sink.send(text);
      text = '';
      inChunk = 0;
    }
  }
  if (text && errorCount === 0) await sink.send(text);
  return { rows, errorCount, errors };
});
