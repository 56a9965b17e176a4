import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { type TestDatabase, testDatabase } from '../../../test/helpers/database.js';
import { corridorAverages } from './figures/averages.js';
import { majorText, minorUnits, rateText } from './money-text.js';
import { insertSurveyQuotes, type TestQuote } from './test-support.js';

const close = (actual: number | null, expected: number, what: string) =>
  assert.ok(actual !== null && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs ${expected}`);

describe('remittance cost formulas (PRODUCT.md 5.5)', () => {
  let database: TestDatabase;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  it('computes margins and totals as the worked examples, written by hand', async () => {
    const [plain, negative, placeholder, nearOne, opaque, missing] = await insertSurveyQuotes(database.db, [
      // USD 200 with a 5.00 fee, reference 10, offered 9.8: margin 2%, total 2.5% + 2% = 4.5%.
      { currency: 'USD', amount200: 20000, fee200: 500, rate200: '9.8', reference: '10' },
      // Parallel rates: offered above the reference, margin -5%, no fee: a real negative cost, kept.
      { amount200: 73450, fee200: 0, rate200: '105', reference: '100' },
      // The placeholder 1 against a reference of 35.8676: no comparable price.
      { amount200: 73450, fee200: 3673, rate200: '1', reference: '35.8676' },
      // A rate of 1 next to a reference of 1.2 is a real rate: margin 16.666...%.
      { amount200: 73450, fee200: 0, rate200: '1', reference: '1.2' },
      { amount200: 73450, fee200: 500, rate200: '35', reference: '35.8676', transparent: false },
      { amount200: 73450, fee200: 500, rate200: null, reference: '35.8676' },
    ]);
    const rows = await database.db.selectFrom('remittance_quote_costs').selectAll().where('id', 'in', [plain!, negative!, placeholder!, nearOne!, opaque!, missing!]).orderBy('id').execute();
    const [a, b, c, d, e, f] = rows;
    assert.equal(Number(a!.fx_margin_pct_200), 2);
    assert.equal(Number(a!.total_cost_pct_200), 4.5);
    assert.equal(a!.comparable_200, true);
    assert.equal(Number(b!.total_cost_pct_200), -5);
    assert.equal(b!.comparable_200, true);
    assert.equal(c!.comparable_200, false);
    close(Number(d!.fx_margin_pct_200), 50 / 3, 'margin at a rate of 1 near a reference of 1.2');
    assert.equal(d!.comparable_200, true);
    assert.equal(e!.comparable_200, false, 'not transparent');
    assert.equal(f!.comparable_200, false, 'rate missing');
    assert.equal(f!.total_cost_pct_200, null);
  });

  it('agrees with an independent decimal computation for any fee, amount and rates', async () => {
    const quote = fc.record({
      amount200: fc.integer({ min: 1, max: 10_000_000 }),
      fee200: fc.integer({ min: 0, max: 1_000_000 }),
      offered: fc.integer({ min: 1, max: 10_000_000 }),
      reference: fc.integer({ min: 1, max: 10_000_000 }),
      scale: fc.integer({ min: 0, max: 6 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(quote, { minLength: 1, maxLength: 20 }), async (qs) => {
        const text = (n: number, scale: number) => new Decimal(n).div(new Decimal(10).pow(scale)).toFixed();
        const ids = await insertSurveyQuotes(database.db, qs.map((q) => ({
          amount200: q.amount200, fee200: q.fee200, rate200: text(q.offered, q.scale), reference: text(q.reference, q.scale), period: '2030_1Q',
        })));
        const rows = await database.db.selectFrom('remittance_quote_costs').select(['id', 'total_cost_pct_200', 'fx_margin_pct_200']).where('id', 'in', ids).orderBy('id').execute();
        rows.forEach((r, i) => {
          const q = qs[i]!;
          const ref = new Decimal(text(q.reference, q.scale));
          const margin = ref.minus(text(q.offered, q.scale)).div(ref).mul(100);
          const total = new Decimal(q.fee200).div(q.amount200).mul(100).plus(margin);
          close(Number(r.fx_margin_pct_200), margin.toNumber(), 'margin');
          close(Number(r.total_cost_pct_200), total.toNumber(), 'total');
        });
        await database.db.deleteFrom('remittance_quotes').where('id', 'in', ids).execute();
      }),
      { numRuns: 15 },
    );
  });

  it('averages, counts and SmaRT exactly as the method, for any set of services', async () => {
    const service = fc.record({
      fee200: fc.integer({ min: 0, max: 20_000 }),
      offered: fc.integer({ min: 30_000, max: 36_000 }),
      transparent: fc.constantFrom(true, true, true, false, null),
      speed: fc.constantFrom('Less than one hour', 'Next day', '3-5 days', '6 days or more', null),
      inaccessible: fc.boolean(),
      placeholder: fc.boolean(),
    });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(service, { minLength: 0, maxLength: 12 }), async (services) => {
        const period = `20${40 + (n++ % 50)}_2Q`;
        const reference = new Decimal('35.8676');
        const quotes: TestQuote[] = services.map((s) => ({
          period, from: 'QAT', to: 'BGD', amount200: 73450, fee200: s.fee200, reference: reference.toFixed(),
          rate200: s.placeholder && s.offered % 5 === 0 ? '1' : new Decimal(s.offered).div(1000).toFixed(), transparent: s.transparent, speed: s.speed, inaccessible: s.inaccessible,
        }));
        if (quotes.length) await insertSurveyQuotes(database.db, quotes);
        const [row] = await corridorAverages(database.db, { period, source: 'QAT', destination: 'BGD' });
        // The method, written again without SQL.
        const costs = quotes
          .map((q) => {
            const comparable = q.transparent !== false && q.rate200 !== '1';
            const total = new Decimal(q.fee200).div(q.amount200).mul(100).plus(reference.minus(q.rate200!).div(reference).mul(100));
            return { comparable, total, eligible: comparable && q.speed !== '6 days or more' && !q.inaccessible };
          })
          .filter((c) => c.comparable);
        if (!quotes.length) return assert.equal(row, undefined);
        assert.equal(row!.services, costs.length);
        if (!costs.length) return assert.equal(row!.avg_total_cost_pct_200, null);
        close(row!.avg_total_cost_pct_200, Decimal.sum(...costs.map((c) => c.total)).div(costs.length).toNumber(), 'average');
        const cheapest = costs.filter((c) => c.eligible).map((c) => c.total).sort((a, b) => a.comparedTo(b)).slice(0, 3);
        if (cheapest.length < 3) assert.equal(row!.smart_pct, null);
        else close(row!.smart_pct, Decimal.sum(...cheapest).div(3).toNumber(), 'SmaRT');
      }),
      { numRuns: 25 },
    );
  });
});

describe('money and rate text', () => {
  it('turns decimal text into exact minor units and back', () => {
    assert.equal(minorUnits('734.5', 2), 73450);
    assert.equal(minorUnits('55.090', 2), 5509);
    assert.equal(minorUnits('55.091', 2), undefined, 'more decimals than the currency has');
    assert.equal(minorUnits('-1', 2), undefined);
    assert.equal(minorUnits('1500', 0), 1500);
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 3 }), (minor, digits) => minorUnits(majorText(minor, digits), digits) === minor));
  });

  it('keeps rates exact, scientific notation included', () => {
    assert.equal(rateText('35.8676'), '35.8676');
    assert.equal(rateText('.5'), '0.5');
    assert.equal(rateText('1.5E-05'), '0.000015');
    assert.equal(rateText('1.5e2'), '150');
    assert.equal(rateText('abc'), undefined);
    assert.equal(rateText('-3'), undefined);
  });
});
