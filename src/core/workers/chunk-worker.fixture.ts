/** A worker for chunk-worker.test.ts: writes `chunks` numbered lines of 200 kB (three to a 1 MB chunk), failing after `failAfter` when given. */
import { serveChunks } from './chunk-worker.js';

await serveChunks(async (sink) => {
  const { chunks, failAfter } = sink.data as { chunks: number; failAfter?: number };
  for (let i = 0; i < chunks; i++) {
    if (i === failAfter) throw new Error(`planted failure at chunk ${i}`);
    sink.bytes(i + 1);
    await sink.write(`${`chunk ${i}`.padEnd(200_000, '.')}\n`);
  }
  return { sent: chunks };
});
