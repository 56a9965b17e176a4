import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json.js';

describe('the verifier\u2019s own RFC 8785 encoder', () => {
  it('sorts members by UTF-16 code units (RFC 8785 section 3.2.3 example)', () => {
    const value = { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' };
    // JSON.parse would reorder the integer-like key, so read the order off the text.
    const text = canonicalJson(value);
    const order = ['Carriage Return', 'One', 'Control', 'Latin Small', 'Euro Sign', 'Emoji', 'Hebrew'].map((v) => text.indexOf(v));
    assert.ok(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!)), text);
  });

  it('writes numbers the ECMAScript way (RFC 8785 appendix B samples)', () => {
    const samples: [number, string][] = [[0, '0'], [-0, '0'], [1e21, '1e+21'], [1e-7, '1e-7'], [333333333.3333332, '333333333.3333332'], [9007199254740991, '9007199254740991'], [0.000001, '0.000001']];
    for (const [n, text] of samples) assert.equal(canonicalJson(n), text);
  });

  it('escapes strings minimally', () => {
    assert.equal(canonicalJson('\u0000\b\t\n\f\r"\\/\u001f\u007f\u00e9'), '"\\u0000\\b\\t\\n\\f\\r\\"\\\\/\\u001f\u007f\u00e9"');
  });

  it('agrees with the canonicalize package on any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => assert.equal(canonicalJson(value), canonicalize(value))), { numRuns: 500 });
  });

  it('refuses what JSON cannot hold', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, undefined, () => 1, 1n, [undefined], { a: Number.NaN }]) {
      assert.throws(() => canonicalJson(bad), TypeError);
    }
  });
});
