import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../config.js';
import { masterKeyOf } from './master-key.js';
import { open, seal } from './sealed.js';

test('the embedded database keeps its master key in a 0600 file made on first use', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'corridor-mk-'));
  const key = masterKeyOf(loadConfig({ dataDir }, {}));
  const file = join(dataDir, 'master.key');
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.equal(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url').toString('hex'), key.toString('hex'));
  assert.equal(masterKeyOf(loadConfig({ dataDir }, {})).toString('hex'), key.toString('hex'));
});

test('CORRIDOR_MASTER_KEY wins, must be 32 bytes, and a server refuses to run without it', () => {
  const set = Buffer.alloc(32, 1).toString('base64url');
  assert.equal(masterKeyOf(loadConfig({ masterKey: set, databaseUrl: 'postgres://x/y' }, {})).toString('base64url'), set);
  assert.throws(() => masterKeyOf(loadConfig({ masterKey: 'short' }, {})), /32 bytes/);
  assert.throws(() => masterKeyOf(loadConfig({ databaseUrl: 'postgres://x/y' }, {})), /Set CORRIDOR_MASTER_KEY/);
});

test('a sealed value opens only with its key and its context', () => {
  const key = Buffer.alloc(32, 2);
  const sealed = seal(key, 'secret pem', 'abcd');
  assert.doesNotMatch(sealed, /secret/);
  assert.equal(open(key, sealed, 'abcd'), 'secret pem');
  assert.throws(() => open(key, sealed, 'abce'));
  assert.throws(() => open(Buffer.alloc(32, 3), sealed, 'abcd'));
  const [v, iv, tag, body] = sealed.split('.');
  const flipped = Buffer.from(body!, 'base64url');
  flipped[0]! ^= 1;
  assert.throws(() => open(key, [v, iv, tag, flipped.toString('base64url')].join('.'), 'abcd'));
});
