import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AppError } from '../../../core/errors.js';
import { canonicalJson, digestOf, sha256 } from './canonical.js';

describe('canonicalJson (RFC 8785)', () => {
  it('sorts members and drops whitespace', () => {
    assert.equal(canonicalJson({ b: [1, { d: true, c: null }], a: 'x' }), '{"a":"x","b":[1,{"c":null,"d":true}]}');
  });

  it('is independent of member order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        assert.equal(canonicalJson(reversed), canonicalJson(obj));
        assert.deepEqual(JSON.parse(canonicalJson(obj)), JSON.parse(JSON.stringify(obj)));
      }),
    );
  });

  it('refuses undefined, non-finite numbers and non-plain values, naming where', () => {
    const cases: [unknown, string][] = [
      [undefined, ''],
      [{ wage: { minor: undefined } }, '/wage/minor'],
      [[1, Number.NaN], '/1'],
      [{ x: Number.POSITIVE_INFINITY }, '/x'],
      [{ 'a/b': 1n }, '/a~1b'],
      [{ at: new Date(0) }, '/at'],
      [{ f: () => 1 }, '/f'],
      ['\ud800', ''],
    ];
    for (const [value, pointer] of cases) {
      assert.throws(
        () => canonicalJson(value),
        (e: unknown) => e instanceof AppError && e.code === 'validation_failed' && e.problems[0]?.pointer === pointer,
        `pointer ${pointer}`,
      );
    }
  });
});

describe('digests', () => {
  it('hashes the canonical form', () => {
    assert.equal(Buffer.from(sha256('abc')).toString('hex'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(digestOf({ b: 1, a: 2 }), Buffer.from(sha256('{"a":2,"b":1}')).toString('hex'));
    assert.notEqual(digestOf({ wage_minor: 150000 }), digestOf({ wage_minor: 150001 }));
  });
});
