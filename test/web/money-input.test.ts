import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { minorDigits, minorToText, toMinor } from '../../web/src/i18n/money-input.js';

describe('money as typed, to and from minor units', () => {
  it('reads amounts by their digits, in the currency minor unit', () => {
    assert.equal(toMinor('2000.5', 'AED'), 200050);
    assert.equal(toMinor('0,10', 'AED'), 10);
    assert.equal(toMinor('1.234', 'KWD'), 1234);
    assert.equal(toMinor('1500', 'JPY'), 1500);
    assert.equal(toMinor(' 7. ', 'AED'), 700);
    assert.equal(minorDigits('KWD'), 3);
  });

  it('refuses what is not a plain amount, or finer than the minor unit', () => {
    for (const bad of ['', '-5', '1e3', '1.005', '12a', '.5', '1,000.00']) assert.equal(toMinor(bad, 'AED'), undefined, bad);
    assert.equal(toMinor('1.5', 'JPY'), undefined);
  });

  it('round-trips every amount exactly (no floating point on the way)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 9_999_999_999_999 }), fc.constantFrom(0, 2, 3), (minor, digits) => toMinor(minorToText(minor, digits), digits) === minor));
    assert.notEqual(Number('1.15') * 100, 115);
    assert.equal(toMinor('1.15', 'AED'), 115, 'exact where Number(text) * 100 is not');
    assert.equal(minorToText(-150, 'AED'), '-1.50');
  });
});
