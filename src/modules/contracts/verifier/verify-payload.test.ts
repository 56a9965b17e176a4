import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { TestVectors } from '../registry/test-vectors.js';
import { verifyPayload } from './verify-payload.js';

const vectors = JSON.parse(
  readFileSync(new URL('../../../../docs/registry-test-vectors.json', import.meta.url), 'utf8'),
) as TestVectors;

describe('verifyPayload against docs/registry-test-vectors.json', () => {
  it('has valid and tampered vectors', () => {
    assert.ok(vectors.vectors.filter((v) => v.expected.ok).length >= 4);
    assert.ok(vectors.vectors.filter((v) => !v.expected.ok).length >= 15);
  });

  for (const vector of vectors.vectors) {
    it(vector.name, async () => {
      const result = await verifyPayload(vector.payload, vectors.trusted_log_public_keys);
      const failed = result.checks.filter((c) => !c.ok).map((c) => c.name);
      assert.deepEqual({ ok: result.ok, failed }, vector.expected);
      for (const check of result.checks) assert.ok(check.message.length > 0);
    });
  }

  it('trusts nothing without a trusted key', async () => {
    const valid = vectors.vectors.find((v) => v.expected.ok)!;
    for (const keys of [[], ['not-a-key'], [vectors.keys.other_log.publicKey], [42 as unknown as string]]) {
      const result = await verifyPayload(valid.payload, keys);
      assert.equal(result.ok, false);
      assert.deepEqual(result.checks.filter((c) => !c.ok).map((c) => c.name), ['log_key', 'log_signature']);
    }
  });

  it('finds the log key among several trusted keys', async () => {
    const valid = vectors.vectors.find((v) => v.expected.ok)!;
    const keys = [vectors.keys.other_log.publicKey, ...vectors.trusted_log_public_keys];
    assert.equal((await verifyPayload(valid.payload, keys)).ok, true);
  });

  it('never throws on garbage', async () => {
    for (const garbage of [null, undefined, 42, 'x', {}, { v: 1 }, { v: 1, proof: null }]) {
      const result = await verifyPayload(garbage, vectors.trusted_log_public_keys);
      assert.deepEqual(result.checks.map((c) => [c.name, c.ok]), [['format', false]]);
    }
  });
});
