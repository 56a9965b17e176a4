import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CheckContext, checkTerms } from './check-terms.js';
import { ContractTerms, durationMonths, monthlyFixedMinor } from './terms.schema.js';
import { exampleRules, validTerms, validTermsInput } from './test-terms.js';

const ok: CheckContext = {
  occupationKnown: true,
  occupationIsHealth: false,
  originOnWhoSafeguardList: false,
  safeguardExceptionRecorded: false,
};

describe('contract terms against corridor rules', () => {
  it('finds nothing wrong with a fair offer', () => {
    assert.deepEqual(checkTerms(validTerms(), exampleRules(), ok), []);
  });

  it('names every breach with its term, rule, allowed and offered values', () => {
    const bad = validTerms({
      wage: { currency: 'AED', basic_monthly_minor: 90000, allowances: [], overtime_rate_pct: 125 },
      hours_per_week: 60,
      rest_days_per_week: 0,
      annual_leave_days: 14,
      probation_months: 9,
      end_date: '2029-02-28',
      worker_recruitment_fee_minor: 50000,
      costs: { visa: 'worker', work_permit: 'employer', medical_test: 'worker', outbound_travel: 'employer', return_travel: 'employer', insurance: 'employer' },
      passport_retained_by_worker: false,
      languages: ['en'],
    });
    const breaches = checkTerms(bad, exampleRules(), ok);
    const byCode = Object.fromEntries(breaches.map((b) => [`${b.code}${b.term}`, b]));
    assert.deepEqual(byCode['wage_below_minimum/wage/basic_monthly_minor'], {
      code: 'wage_below_minimum',
      term: '/wage/basic_monthly_minor',
      rule: 'min_monthly_wage_minor',
      allowed: 100000,
      offered: 90000,
      message: 'The basic wage is below the minimum',
    });
    assert.equal(byCode['hours_above_maximum/hours_per_week']?.offered, 60);
    assert.equal(byCode['rest_days_below_minimum/rest_days_per_week']?.allowed, 1);
    assert.equal(byCode['leave_below_minimum/annual_leave_days']?.offered, 14);
    assert.equal(byCode['probation_above_maximum/probation_months']?.allowed, 6);
    assert.equal(byCode['duration_above_maximum/end_date']?.offered, 36);
    assert.equal(byCode['worker_fee_above_cap/worker_recruitment_fee_minor']?.offered, 50000);
    assert.ok(byCode['employer_cost_charged_to_worker/costs/visa']);
    assert.ok(byCode['employer_cost_charged_to_worker/costs/medical_test']);
    assert.ok(byCode['passport_retention/passport_retained_by_worker']);
    assert.deepEqual(breaches.filter((b) => b.code === 'language_missing').map((b) => b.allowed), ['ne', 'ar']);
    assert.equal(breaches.length, 12);
  });

  it('applies the minimum wage of the occupation where the rules set one', () => {
    const rules = { ...exampleRules(), min_wage_by_occupation: { '7112': 160000 } };
    const [breach] = checkTerms(validTerms(), rules, ok);
    assert.equal(breach?.rule, 'min_wage_by_occupation/7112');
    assert.equal(breach?.allowed, 160000);
  });

  it('refuses occupations outside the allowed list, and unknown ones', () => {
    const rules = { ...exampleRules(), allowed_occupations: ['9111'] };
    assert.equal(checkTerms(validTerms(), rules, ok)[0]?.code, 'occupation_not_allowed');
    assert.equal(checkTerms(validTerms(), exampleRules(), { ...ok, occupationKnown: false })[0]?.code, 'occupation_unknown');
  });

  it('refuses a wage in another currency instead of comparing amounts', () => {
    const terms = validTerms({ wage: { currency: 'USD', basic_monthly_minor: 1, allowances: [], overtime_rate_pct: 125 } });
    assert.deepEqual(checkTerms(terms, exampleRules(), ok).map((b) => b.code), ['wage_currency']);
  });

  it('flags health workers from WHO safeguard-list countries unless an exception is recorded', () => {
    const terms = validTerms({ occupation_isco: '2221', job_title: 'Nurse' });
    const health = { ...ok, occupationIsHealth: true, originOnWhoSafeguardList: true };
    assert.deepEqual(checkTerms(terms, exampleRules(), health).map((b) => b.code), ['health_worker_safeguard']);
    assert.deepEqual(checkTerms(terms, exampleRules(), { ...health, safeguardExceptionRecorded: true }), []);
    assert.deepEqual(checkTerms(terms, { ...exampleRules(), health_worker_safeguard: false }, health), []);
  });

  it('refuses terms that end before they start, with a pointer', () => {
    const result = ContractTerms.safeParse(validTermsInput({ end_date: '2026-02-01' }));
    assert.equal(result.success, false);
    assert.deepEqual(result.error?.issues.map((i) => i.path), [['end_date']]);
  });

  it('counts contract months with a started month as whole', () => {
    assert.equal(durationMonths('2026-01-01', '2027-12-31'), 24);
    assert.equal(durationMonths('2026-03-01', '2028-02-29'), 24);
    assert.equal(durationMonths('2026-01-15', '2026-02-13'), 1);
    assert.equal(durationMonths('2026-01-15', '2026-02-14'), 1);
    assert.equal(durationMonths('2026-01-15', '2026-02-15'), 2);
    assert.equal(durationMonths('2026-01-31', '2026-01-31'), 1);
  });

  it('adds fixed allowances to the basic wage for the monthly pay', () => {
    assert.equal(monthlyFixedMinor(validTerms()), 180000);
  });
});
