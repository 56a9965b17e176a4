import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { type TestDatabase, testDatabase } from '../../../../test/helpers/database.js';
import { compareDecimal } from '../money-text.js';
import { insertSurveyQuotes } from '../test-support.js';
import { countRow, noCounts } from './flags.js';

/** Decimal text as surveys write it, crowded around the values the rules turn on (0, 0.5, 1, 1.5). */
const decimal = fc.oneof(
  fc.constantFrom('0', '0.0', '000', '0.5', '0.50', '0.4999', '0.5001', '1', '1.0', '01', '1.00001', '1.5', '1.500', '1.4999', '1.5001', '2'),
  fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 999999 })).map(([w, f]) => `${w}.${String(f).padStart(6, '0')}`),
  fc.integer({ min: 0, max: 500 }).map(String),
);

describe('the survey flags counted in the worker thread', () => {
  let database: TestDatabase;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  it('compares decimal text exactly, whatever its leading and trailing zeros', () => {
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        const exact = (s: string) => BigInt(s.replace('.', '').padEnd(s.replace('.', '').length + 12 - (s.split('.')[1]?.length ?? 0), '0'));
        const want = exact(a) === exact(b) ? 0 : exact(a) < exact(b) ? -1 : 1;
        assert.equal(compareDecimal(a, b), want, `${a} vs ${b}`);
      }),
    );
  });

  it('agree, row by row, with what the view remittance_quote_costs computes in the database', async () => {
    const rows = fc.sample(fc.record({ transparent: fc.constantFrom(true, false, null), rate200: fc.option(decimal), reference: decimal.filter((r) => compareDecimal(r, '0') > 0) }), 400);
    const ids = await insertSurveyQuotes(database.db, rows.map((r) => ({ amount200: 73450, fee200: 500, transparent: r.transparent, rate200: r.rate200, reference: r.reference })));
    const stored = await database.db.selectFrom('remittance_quote_costs').select(['id', 'comparable_200', 'fx_margin_pct_200']).where('id', 'in', ids).orderBy('id').execute();
    const inDb = noCounts();
    const here = noCounts();
    stored.forEach((s, i) => {
      const r = rows[i]!;
      const one = noCounts();
      countRow(one, r.transparent, r.rate200, r.reference);
      assert.equal(one.not_comparable === 0, s.comparable_200, `comparable: ${JSON.stringify(r)}`);
      assert.equal(one.negative_margin === 1, s.comparable_200 && Number(s.fx_margin_pct_200) < 0, `negative margin: ${JSON.stringify(r)}`);
      countRow(here, r.transparent, r.rate200, r.reference);
      if (!s.comparable_200) inDb.not_comparable++;
    });
    assert.equal(here.not_comparable, inDb.not_comparable);
    assert.ok(here.rate_placeholder > 0 && here.negative_margin > 0 && here.rate_missing > 0, 'the sample reaches every flag');
  });
});
