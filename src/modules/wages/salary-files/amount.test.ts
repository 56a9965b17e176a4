import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatMinor, parseAmount } from './amount.js';

const minor = (text: string, decimals = 2) => {
  const r = parseAmount(text, decimals);
  return r.ok ? r.minor : r.reason;
};

describe('parseAmount', () => {
  it('reads the forms the CBUAE guide accepts: 2345.87, 23.00, 22, 0', () => {
    assert.equal(minor('2345.87'), 234587);
    assert.equal(minor('23.00'), 2300);
    assert.equal(minor('22'), 2200);
    assert.equal(minor('0'), 0);
    assert.equal(minor('1221.9'), 122190);
    assert.equal(minor('007.05'), 705);
  });

  it('uses the currency digits: 3 for OMR-like currencies, 0 for whole units', () => {
    assert.equal(minor('1.234', 3), 1234);
    assert.equal(minor('12', 0), 12);
    assert.match(String(minor('1.5', 0)), /whole digits/);
  });

  it('refuses signs, exponents, separators, spaces and too many decimals', () => {
    for (const bad of ['-1.00', '+1', '1e3', '1,000.00', ' 1', '1.', '.5', '1.234', '1..2', 'NaN', 'Infinity', '0x10', '١٢']) {
      assert.equal(typeof minor(bad), 'string', bad);
    }
    assert.match(String(minor('')), /empty/);
  });

  it('refuses more than 15 characters, and values that would lose integer precision', () => {
    assert.equal(minor('999999999999.99'), 99999999999999);
    assert.match(String(minor('1234567890123.45')), /16 characters/);
    assert.match(String(minor('999999999999999')), /too large/);
  });

  it('never uses floating point: 0.10 + 0.20 is exactly 30 fils', () => {
    const a = parseAmount('0.10');
    const b = parseAmount('0.20');
    assert.ok(a.ok && b.ok);
    assert.equal(a.minor + b.minor, 30);
    assert.equal(formatMinor(a.minor + b.minor), '0.30');
  });

  it('round-trips any integer of minor units through its decimal string', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999_999 }), fc.constantFrom(2, 3), (value, decimals) => {
        const r = parseAmount(formatMinor(value, decimals), decimals, 20);
        assert.deepEqual(r, { ok: true, minor: value });
      }),
    );
  });

  it('sums of cent amounts equal the sum of their integers, as decimal strings', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 99 }), { maxLength: 200 }), (cents) => {
        const parsed = cents.map((c) => parseAmount(`0.${String(c).padStart(2, '0')}`));
        const total = parsed.reduce((sum, r) => sum + (r.ok ? r.minor : Number.NaN), 0);
        assert.equal(total, cents.reduce((a, b) => a + b, 0));
      }),
    );
  });
});

describe('formatMinor', () => {
  it('writes exactly the currency digits, with a leading zero', () => {
    assert.equal(formatMinor(5), '0.05');
    assert.equal(formatMinor(792550), '7925.50');
    assert.equal(formatMinor(1234, 3), '1.234');
    assert.equal(formatMinor(-150), '-1.50');
    assert.equal(formatMinor(7n, 0), '7');
  });
});
