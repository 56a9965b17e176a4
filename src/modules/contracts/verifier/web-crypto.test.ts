import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fromBase64url, sha256, toBase64url, toHex, utf8 } from './web-crypto.js';

describe('encodings and hashes on WebCrypto', () => {
  it('base64url round-trips and matches Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = toBase64url(bytes);
        assert.equal(text, Buffer.from(bytes).toString('base64url'));
        assert.deepEqual(fromBase64url(text), Uint8Array.from(bytes));
      }),
    );
  });

  it('refuses non-canonical or foreign base64url', () => {
    for (const bad of ['a', 'ab=', 'a+b/', 'ab c', 'AB', 'AAB']) assert.equal(fromBase64url(bad), undefined, bad);
    assert.deepEqual(fromBase64url('AA'), new Uint8Array(1));
  });

  it('hashes like SHA-256', async () => {
    assert.equal(toHex(await sha256(utf8(''))), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(toHex(await sha256(utf8('abc'))), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
