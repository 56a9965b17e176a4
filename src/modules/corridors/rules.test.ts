import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { AppError } from '../../core/errors.js';
import { checkRules } from './check-rules.js';
import { rulesHash } from './rules-hash.js';
import { corridorRulesJsonSchema, EMPLOYER_PAID_ITEMS } from './rules.schema.js';
import { EXAMPLE_RULES } from './test-support.js';

const EXAMPLE = EXAMPLE_RULES;

async function problemsOf(t: TestApp, input: unknown) {
  try {
    await checkRules(t.database.db, input);
  } catch (err) {
    assert.ok(err instanceof AppError);
    assert.equal(err.code, 'validation_failed');
    return err.problems;
  }
  assert.fail('the rules were accepted');
}

const pointers = (problems: { pointer?: string }[]) => [...new Set(problems.map((p) => p.pointer))].sort();

describe('corridor rules', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => t.close());

  it('accepts the CLI.md example and fills in the documented defaults', async () => {
    const rules = await checkRules(t.database.db, EXAMPLE);
    assert.equal(rules.code, 'NPL-ARE');
    assert.equal(rules.max_probation_months, 6);
    assert.deepEqual(rules.employer_paid_items, [...EMPLOYER_PAID_ITEMS]);
    assert.equal(rules.passport_retained_by_worker, true);
    assert.equal(rules.health_worker_safeguard, true);
    assert.deepEqual(rules.min_wage_by_occupation, {});
    assert.equal(rules.allowed_occupations, undefined);
    assert.deepEqual(rules.wage.follow_up, {
      reminder_days: [0, 10],
      warning_days: 15,
      inspection_days: 20,
      suspend_after_months: 2,
      change_employer_after_months: 3,
    });
  });

  it('reports every problem at once, each with its JSON pointer', async () => {
    const { min_annual_leave_days: _dropped, ...rest } = EXAMPLE;
    const problems = await problemsOf(t, {
      ...rest,
      code: 'NPL-QAT',
      valid_from: '2026-02-30',
      max_hours_per_week: 48.5,
      wage: { pay_day: 32, grace_days: -1, underpayment_tolerance_minor: 0, surprise: true, follow_up: { warning_days: 30 } },
      languages: ['en', 'xx', 'EN'],
      employer_paid_items: ['visa', 'lunch'],
      passport_retained_by_worker: false,
      max_probation_months: 30,
      extra_key: 1,
    });
    assert.deepEqual(pointers(problems), [
      '/code',
      '/employer_paid_items/1',
      '/extra_key',
      '/languages/1',
      '/languages/2',
      '/max_hours_per_week',
      '/max_probation_months',
      '/min_annual_leave_days',
      '/passport_retained_by_worker',
      '/valid_from',
      '/wage/follow_up/inspection_days',
      '/wage/grace_days',
      '/wage/pay_day',
      '/wage/surprise',
    ]);
    assert.equal(problems.find((p) => p.pointer === '/min_annual_leave_days')?.message, 'is required');
    assert.match(problems.find((p) => p.pointer === '/extra_key')!.message, /not a corridor rules key/);
  });

  it('refuses unknown countries, a corridor of one country, an unknown currency', async () => {
    const problems = await problemsOf(t, { ...EXAMPLE, code: 'NPL-NPL', destination: 'NPL', currency: 'ZZZ' });
    assert.deepEqual(pointers(problems), ['/currency', '/destination']);
    const unknown = await problemsOf(t, { ...EXAMPLE, code: 'XXX-ARE', origin: 'XXX' });
    assert.deepEqual(pointers(unknown), ['/origin']);
    assert.match(unknown[0]!.message, /XXX is not an ISO 3166-1/);
  });

  it('refuses occupations that are not ISCO-08 unit groups, wherever they appear', async () => {
    const problems = await problemsOf(t, {
      ...EXAMPLE,
      allowed_occupations: ['9111', '9999', '911', '9111'],
      min_wage_by_occupation: { '9111': 120000, '9999': 1, '5120': 1 },
    });
    assert.deepEqual(pointers(problems), [
      '/allowed_occupations',
      '/allowed_occupations/1',
      '/allowed_occupations/2',
      '/min_wage_by_occupation/5120',
      '/min_wage_by_occupation/9999',
    ]);
    assert.ok(problems.some((p) => p.message === '9999 is not an ISCO-08 unit group'));
    assert.ok(problems.some((p) => p.pointer === '/min_wage_by_occupation/5120' && /not among allowed_occupations/.test(p.message)));
    const ok = await checkRules(t.database.db, { ...EXAMPLE, allowed_occupations: ['9111', '5120'], min_wage_by_occupation: { '5120': 110000 } });
    assert.deepEqual(ok.allowed_occupations, ['9111', '5120']);
  });

  it('refuses input that is not an object at all', async () => {
    assert.deepEqual(pointers(await problemsOf(t, [1, 2])), ['']);
    assert.deepEqual(pointers(await problemsOf(t, null)), ['']);
  });

  it('hashes the canonical form: key order does not matter, content does', async () => {
    const a = await checkRules(t.database.db, EXAMPLE);
    const reversed = Object.fromEntries(Object.entries(EXAMPLE).reverse());
    const b = await checkRules(t.database.db, reversed);
    assert.equal(rulesHash(a), rulesHash(b));
    assert.match(rulesHash(a), /^[0-9a-f]{64}$/);
    const c = await checkRules(t.database.db, { ...EXAMPLE, max_probation_months: 6 });
    assert.equal(rulesHash(c), rulesHash(a), 'stating a default is the same rules');
    const d = await checkRules(t.database.db, { ...EXAMPLE, max_probation_months: 3 });
    assert.notEqual(rulesHash(d), rulesHash(a));
  });

  it('publishes a JSON Schema that accepts the example and refuses unknown keys', () => {
    const schema = corridorRulesJsonSchema();
    const ajv = new Ajv2020.default({ strict: false });
    ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
    const validate = ajv.compile(schema);
    assert.equal(validate(EXAMPLE), true, JSON.stringify(validate.errors));
    assert.equal(validate({ ...EXAMPLE, extra: 1 }), false);
    assert.equal(validate({ ...EXAMPLE, wage: { ...EXAMPLE.wage, pay_day: 0 } }), false);
    const properties = schema.properties as Record<string, { description?: string }>;
    for (const [key, property] of Object.entries(properties)) assert.ok(property.description, `${key} has a description`);
  });
});
