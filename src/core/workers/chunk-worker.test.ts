import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startChunkWorker } from './chunk-worker.js';

const FIXTURE = new URL('./chunk-worker.fixture.ts', import.meta.url);

describe('chunks made in a worker thread', () => {
  it('hands every chunk over in order, then the result, and reports progress', async () => {
    let bytes = 0;
    const work = startChunkWorker<{ sent: number }>(FIXTURE, { chunks: 50 }, (b) => (bytes = b));
    const got: string[] = [];
    for await (const chunk of work.chunks) {
      // A slow consumer: the worker must wait for it rather than fail or drop chunks.
      if (got.length % 10 === 0) await new Promise((r) => setTimeout(r, 5));
      got.push(chunk);
    }
    assert.deepEqual(got, Array.from({ length: 50 }, (_, i) => `chunk ${i}\n`));
    assert.deepEqual(await work.result, { sent: 50 });
    assert.equal(bytes, 50);
    await work.stop();
  });

  it('passes a failure in the worker on to the one taking the chunks, after what came before it', async () => {
    const work = startChunkWorker(FIXTURE, { chunks: 10, failAfter: 3 });
    const got: string[] = [];
    await assert.rejects(
      (async () => {
        for await (const chunk of work.chunks) got.push(chunk);
      })(),
      /planted failure at chunk 3/,
    );
    assert.equal(got.length, 3);
    await assert.rejects(work.result, /planted failure/);
    await work.stop();
  });

  it('can be stopped before the end (a load that failed), leaving no thread behind', async () => {
    const work = startChunkWorker(FIXTURE, { chunks: 1000 });
    const first = await work.chunks[Symbol.asyncIterator]().next();
    assert.equal(first.value, 'chunk 0\n');
    await work.stop();
    await assert.rejects(work.result, /stopped/);
  });
});
