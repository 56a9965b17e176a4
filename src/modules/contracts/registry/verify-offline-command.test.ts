import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const BIN = new URL('../../../../bin/corridor.js', import.meta.url).pathname;
const vectors = JSON.parse(readFileSync(new URL('../../../../docs/registry-test-vectors.json', import.meta.url), 'utf8')) as {
  trusted_log_public_keys: string[];
  vectors: { name: string; payload: unknown; expected: { ok: boolean } }[];
};

const run = (payload: unknown, key: string) =>
  spawnSync(process.execPath, [BIN, 'registry', 'verify-payload', '-', '--log-key', key, '--json'], { input: JSON.stringify(payload), encoding: 'utf8' });

describe('corridor registry verify-payload (offline, no database)', () => {
  const valid = vectors.vectors.find((v) => v.expected.ok)!;
  const tampered = vectors.vectors.find((v) => !v.expected.ok)!;
  const key = vectors.trusted_log_public_keys[0]!;

  it('accepts a valid payload (exit 0)', () => {
    const result = run(valid.payload, key);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).ok, true);
  });

  it(`refuses a tampered payload (exit 1): ${tampered.name}`, () => {
    const result = run(tampered.payload, key);
    assert.equal(result.status, 1);
    assert.equal(JSON.parse(result.stdout).ok, false);
  });

  it('refuses a valid payload under another log key', () => {
    // A well-formed Ed25519 public key that is not the log's.
    const result = run(valid.payload, 'A'.repeat(43));
    assert.equal(result.status, 1);
  });
});
