import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateSigningKey, verify } from './signing.js';
import { signTreeHead, treeHeadMessage, verifyTreeHead } from './tree-head.js';

const key = generateSigningKey();
const root = 'aa'.repeat(32);

describe('signed tree heads', () => {
  const head = signTreeHead({ treeSize: 7, rootHash: root, timestamp: new Date('2025-02-16T09:05:00.123Z') }, key.privateKey);

  it('signs the canonical head without its signature, at second precision', () => {
    assert.deepEqual(Object.keys(head).sort(), ['key_id', 'root_hash', 'signature', 'timestamp', 'tree_size']);
    assert.equal(head.timestamp, '2025-02-16T09:05:00Z');
    assert.equal(head.key_id, key.keyId);
    const message = `{"key_id":"${key.keyId}","root_hash":"${root}","timestamp":"2025-02-16T09:05:00Z","tree_size":7}`;
    assert.equal(treeHeadMessage(head), message);
    assert.ok(verify(key.publicKey, message, head.signature));
    assert.ok(verifyTreeHead(head, key.publicKey));
  });

  it('fails on any changed member, another key, or a malformed head', () => {
    const other = generateSigningKey();
    const changed = [
      { ...head, tree_size: 8 },
      { ...head, timestamp: '2025-02-16T09:05:01Z' },
      { ...head, root_hash: 'ab'.repeat(32) },
      { ...head, key_id: other.keyId },
      { ...head, signature: signTreeHead({ treeSize: 7, rootHash: root, timestamp: head.timestamp }, other.privateKey).signature },
      { ...head, root_hash: root.toUpperCase() },
      { ...head, timestamp: '16/02/2025' },
    ];
    for (const h of changed) assert.equal(verifyTreeHead(h, key.publicKey), false, JSON.stringify(h));
    assert.equal(verifyTreeHead(head, other.publicKey), false);
    assert.equal(verifyTreeHead(null as never, key.publicKey), false);
  });

  it('refuses to sign a malformed head', () => {
    assert.throws(() => signTreeHead({ treeSize: -1, rootHash: root, timestamp: head.timestamp }, key.privateKey), /tree_size/);
    assert.throws(() => signTreeHead({ treeSize: 1, rootHash: 'xyz', timestamp: head.timestamp }, key.privateKey), /root_hash/);
    assert.throws(() => signTreeHead({ treeSize: 1, rootHash: root, timestamp: 'yesterday' }, key.privateKey), /timestamp/);
  });
});
