import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startChunkWorker } from './chunk-worker.js';

const FIXTURE = new URL('./chunk-worker.fixture.ts', import.meta.url);
/** The fixture's lines (200 kB each, numbered), as received. */
const linesOf = (chunks: Buffer[]) => Buffer.concat(chunks).toString().split('\n').filter(Boolean).map((l) => l.replace(/\.+$/, ''));

describe('chunks made in a worker thread', () => {
  it('hands every line over in order, whole lines to a chunk, then the result, and reports progress', async () => {
    let bytes = 0;
    const work = startChunkWorker<{ sent: number }>(FIXTURE, { chunks: 50 }, (b) => (bytes = b));
    const got: Buffer[] = [];
    for await (const chunk of work.chunks) {
      // A slow consumer: the worker must wait for it rather than fail or drop chunks.
      if (got.length % 10 === 0) await new Promise((r) => setTimeout(r, 5));
      assert.equal(chunk.at(-1), 0x0a, 'a chunk ends at the end of a line');
      got.push(chunk);
    }
    assert.deepEqual(linesOf(got), Array.from({ length: 50 }, (_, i) => `chunk ${i}`));
    assert.equal(got.length, 17, 'three 200 kB lines to a 1 MB chunk');
    assert.deepEqual(await work.result, { sent: 50 });
    assert.equal(bytes, 50);
    await work.stop();
  });

  it('passes a failure in the worker on to the one taking the chunks, after the chunks sent before it', async () => {
    const work = startChunkWorker(FIXTURE, { chunks: 10, failAfter: 4 });
    const got: Buffer[] = [];
    await assert.rejects(
      (async () => {
        for await (const chunk of work.chunks) got.push(chunk);
      })(),
      /planted failure at chunk 4/,
    );
    // Lines 0 to 2 filled the first chunk; line 3 was in the next one, not sent, when the worker failed.
    assert.deepEqual(linesOf(got), ['chunk 0', 'chunk 1', 'chunk 2']);
    await assert.rejects(work.result, /planted failure/);
    await work.stop();
  });

  it('can be stopped before the end (a load that failed), leaving no thread behind', async () => {
    const work = startChunkWorker(FIXTURE, { chunks: 1000 });
    const first = await work.chunks[Symbol.asyncIterator]().next();
    assert.deepEqual(linesOf([first.value!]), ['chunk 0', 'chunk 1', 'chunk 2']);
    await work.stop();
    await assert.rejects(work.result, /stopped/);
  });
});
