import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { startChunkWorker } from './chunk-worker.js';

const FIXTURE = new URL('./chunk-worker.fixture.ts', import.meta.url);
const CACHE = fileURLToPath(new URL('../../../node_modules/.cache/corridor-workers/', import.meta.url));

async function run(url: URL): Promise<{ sent: number }> {
  const work = startChunkWorker<{ sent: number }>(url, { chunks: 3 });
  try {
    for await (const _ of work.chunks);
    return await work.result;
  } finally {
    await work.stop();
  }
}

test('a worker runs its module bundled into one file under node_modules/.cache, named by its content', async () => {
  assert.deepEqual(await run(FIXTURE), { sent: 3 });
  const files = readdirSync(CACHE).filter((f) => /^[0-9a-f]{16}\.mjs$/.test(f));
  assert.ok(files.length >= 1, 'a bundle was written');
  assert.ok(!readdirSync(CACHE).some((f) => f.endsWith('.partial')), 'no half-written file left');
});

test('where no bundle is wanted (or none can be made) the worker runs its sources through tsx', async () => {
  process.env.CORRIDOR_WORKERS_THROUGH_TSX = '1';
  try {
    // Another address for the same module: bundles are decided once per address and process.
    assert.deepEqual(await run(new URL(`${FIXTURE.href}?through-tsx`)), { sent: 3 });
  } finally {
    delete process.env.CORRIDOR_WORKERS_THROUGH_TSX;
  }
});
