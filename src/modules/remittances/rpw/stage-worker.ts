/**
 * The worker thread of `corridor remittances import`: reads the survey file, checks every row
 * and encodes the good ones as COPY text, while the main thread loads (core/workers/chunk-worker.ts).
 * After the first bad row nothing more is sent; the rest is only checked, to list every problem.
 */
import type { FieldProblem } from '../../../core/errors.js';
import { serveChunks } from '../../../core/workers/chunk-worker.js';
import { readCsvBatches } from '../../contracts/import/csv-records.js';
import type { RpwHeader } from './columns.js';
import { MAX_LISTED, type RpwStageInput, type RpwStageResult } from './stage-protocol.js';
import { countRow, noCounts } from './flags.js';
import { RpwRowChecker } from './stage-row.js';

await serveChunks<RpwStageResult>(async (sink) => {
  const { path, header, reference } = sink.data as RpwStageInput;
  // Started while the main thread hashes the file and opens the import: the import's id comes after.
  const importId = (await sink.heard()) as number;
  const errors: FieldProblem[] = [];
  let errorCount = 0;
  const checker = new RpwRowChecker(header as RpwHeader, reference, importId, (p) => {
    if (errorCount++ < MAX_LISTED) errors.push(p);
  });
  let rows = 0;
  const counts = noCounts();
  let first = true;
  for await (const batch of readCsvBatches(path, { onBytes: (b) => sink.bytes(b) })) {
    for (const record of batch) {
      if (first) {
        first = false; // the header, mapped by the main thread already
        continue;
      }
      const line = checker.stage(record);
      if (line === undefined || errorCount > 0) continue;
      rows++;
      countRow(counts, checker.transparent, checker.rate200, checker.reference);
      const wait = sink.write(line);
      if (wait) await wait;
    }
  }
  return { rows, counts, errorCount, errors };
});
