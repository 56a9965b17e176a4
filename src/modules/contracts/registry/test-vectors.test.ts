import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { type TestVectors, VECTORS_PATH, buildTestVectors } from './test-vectors.js';

describe('docs/registry-test-vectors.json', () => {
  it('is exactly what the registry produces from the keys it holds', async () => {
    const file = JSON.parse(readFileSync(VECTORS_PATH, 'utf8')) as TestVectors;
    assert.deepEqual(await buildTestVectors(file.keys), file);
  });
});
