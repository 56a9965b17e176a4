import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { generateSigningKey, keyIdOf, publicKeyOf, sign, verify } from './signing.js';

const key = generateSigningKey();
const other = generateSigningKey();

describe('Ed25519 signing', () => {
  it('describes the key', () => {
    assert.equal(Buffer.from(key.publicKey, 'base64url').length, 32);
    assert.match(key.keyId, /^[0-9a-f]{16}$/);
    assert.equal(key.keyId, keyIdOf(key.publicKey));
    assert.match(key.privateKey, /^-----BEGIN PRIVATE KEY-----/);
    assert.equal(publicKeyOf(key.privateKey), key.publicKey);
  });

  it('passes the RFC 8032 test 1 vector', () => {
    const pem = `-----BEGIN PRIVATE KEY-----\n${Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex')]).toString('base64')}\n-----END PRIVATE KEY-----\n`;
    const sig = sign(pem, new Uint8Array());
    assert.equal(Buffer.from(sig, 'base64url').toString('hex'), 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b');
    assert.equal(publicKeyOf(pem), Buffer.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', 'hex').toString('base64url'));
  });

  it('verifies its own signatures and nothing else', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (message, otherMessage) => {
        const sig = sign(key.privateKey, message);
        assert.ok(verify(key.publicKey, message, sig));
        assert.ok(verify(key.publicKey, new TextEncoder().encode(message), sig));
        assert.equal(verify(other.publicKey, message, sig), false);
        if (otherMessage !== message) assert.equal(verify(key.publicKey, otherMessage, sig), false);
      }),
      { numRuns: 50 },
    );
  });

  it('returns false, never throws, on garbage', () => {
    const sig = sign(key.privateKey, 'm');
    const garbage: [unknown, unknown, unknown][] = [
      ['', 'm', sig],
      ['not base64!', 'm', sig],
      [key.publicKey + 'A', 'm', sig],
      [key.publicKey, 'm', ''],
      [key.publicKey, 'm', sig.slice(0, -2)],
      [key.publicKey, 'm', `${sig}=`],
      [key.publicKey, null, sig],
      [null, 'm', sig],
      [key.publicKey, 'm', 42],
      [Buffer.alloc(32).toString('base64url'), 'm', sig],
    ];
    for (const [k, m, s] of garbage) assert.equal(verify(k as string, m as string, s as string), false);
  });

  it('accepts only the canonical base64url of a signature', () => {
    const sig = sign(key.privateKey, 'm');
    // The last of 86 characters carries 4 bits of the 64 bytes and 2 unused ones.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const twin = sig.slice(0, -1) + alphabet[alphabet.indexOf(sig.at(-1)!) ^ 1];
    assert.deepEqual(Buffer.from(twin, 'base64url'), Buffer.from(sig, 'base64url'), 'same bytes, other text');
    assert.ok(verify(key.publicKey, 'm', sig));
    assert.equal(verify(key.publicKey, 'm', twin), false);
  });
});
