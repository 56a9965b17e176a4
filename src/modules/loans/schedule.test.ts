import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addMonths, annuityMinor, schedule } from './schedule.js';

describe('loan schedule (exact annuity, half-up rounding, last instalment absorbs the remainder)', () => {
  it('a worked example: 300000 at 12% over 12 months', () => {
    // r = 0.01; A = 300000 x 0.01 / (1 - 1.01^-12) = 26654.63... -> 26655
    assert.equal(annuityMinor(300000, 1200, 12), 26655);
    const rows = schedule(300000, 1200, 12, '2026-03-01');
    assert.deepEqual(rows[0], { seq: 1, due_month: '2026-03-01', principal_minor: 23655, interest_minor: 3000, amount_minor: 26655, balance_after_minor: 276345 });
    assert.equal(rows.at(-1)!.due_month, '2027-02-01');
    assert.equal(rows.at(-1)!.balance_after_minor, 0);
    assert.equal(rows.reduce((a, r) => a + r.principal_minor, 0), 300000);
  });

  it('zero rate: equal parts, the last one takes the remainder', () => {
    const rows = schedule(100000, 0, 3, '2026-01-01');
    assert.deepEqual(rows.map((r) => r.amount_minor), [33333, 33333, 33334]);
    assert.ok(rows.every((r) => r.interest_minor === 0));
  });

  it('months roll over the year', () => {
    assert.equal(addMonths('2026-11-01', 2), '2027-01-01');
    assert.equal(addMonths('2026-01-01', 0), '2026-01-01');
  });

  it('property: principal parts sum to the principal, the balance never goes negative, every amount is an integer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 1, max: 60 }), (p, bp, n) => {
        const rows = schedule(p, bp, n, '2026-01-01');
        assert.equal(rows.length, n);
        assert.equal(rows.reduce((a, r) => a + r.principal_minor, 0), p);
        let balance = p;
        for (const r of rows) {
          assert.ok(Number.isSafeInteger(r.principal_minor) && Number.isSafeInteger(r.interest_minor));
          assert.ok(r.principal_minor >= 0 && r.interest_minor >= 0);
          balance -= r.principal_minor;
          assert.equal(r.balance_after_minor, balance);
          assert.ok(balance >= 0);
          assert.equal(r.amount_minor, r.principal_minor + r.interest_minor);
        }
        assert.equal(balance, 0);
      }),
      { numRuns: 500 },
    );
  });

  it('property: no interest is charged beyond the rate (total interest at most the undiscounted simple interest)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 3600 }), fc.integer({ min: 1, max: 48 }), (p, bp, n) => {
        const interest = schedule(p, bp, n, '2026-01-01').reduce((a, r) => a + r.interest_minor, 0);
        assert.ok(interest <= Math.ceil((p * bp * n) / 120000) + n, `${interest}`);
      }),
    );
  });
});
