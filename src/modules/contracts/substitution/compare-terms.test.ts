import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validTerms } from '../test-terms.js';
import { compareTerms } from './compare-terms.js';

describe('substitution: presented terms against the registered ones', () => {
  it('finds nothing when the terms are the same', () => {
    assert.deepEqual(compareTerms(validTerms(), validTerms()), []);
  });

  it('finds nothing when the presented terms are better for the worker', () => {
    const better = validTerms({
      wage: { currency: 'AED', basic_monthly_minor: 200000, allowances: [{ kind: 'food', amount_minor: 40000, fixed: true }], overtime_rate_pct: 150 },
      hours_per_week: 44,
      annual_leave_days: 35,
    });
    assert.deepEqual(compareTerms(validTerms(), better), []);
  });

  it('lists every less favourable term with both values', () => {
    const worse = validTerms({
      wage: { currency: 'AED', basic_monthly_minor: 120000, allowances: [], overtime_rate_pct: 100 },
      hours_per_week: 60,
      rest_days_per_week: 0,
      annual_leave_days: 14,
      probation_months: 6,
      accommodation: 'none',
      costs: { visa: 'worker', work_permit: 'employer', medical_test: 'employer', outbound_travel: 'employer', return_travel: 'worker', insurance: 'employer' },
      insurance: { health: false, work_injury: true },
      passport_retained_by_worker: false,
      languages: ['en', 'ar'],
      worker_recruitment_fee_minor: 50000,
      end_of_service_days_per_year: 0,
      notice_days: 7,
    });
    const findings = compareTerms(validTerms(), worse);
    const terms = findings.map((f) => f.term).sort();
    assert.deepEqual(terms, [
      '/accommodation', '/annual_leave_days', '/costs/return_travel', '/costs/visa', '/end_of_service_days_per_year',
      '/hours_per_week', '/insurance/health', '/languages', '/notice_days', '/passport_retained_by_worker', '/probation_months',
      '/rest_days_per_week', '/wage/allowances', '/wage/basic_monthly_minor', '/wage/overtime_rate_pct', '/worker_recruitment_fee_minor',
    ]);
    const wage = findings.find((f) => f.term === '/wage/basic_monthly_minor');
    assert.deepEqual(wage, { term: '/wage/basic_monthly_minor', kind: 'less_favourable', registered: 150000, presented: 120000, message: 'The basic wage is lower' });
    assert.ok(findings.every((f) => f.kind === 'less_favourable'));
  });

  it('counts another occupation, workplace or employer as substitution', () => {
    const other = validTerms({ occupation_isco: '9313', job_title: 'Labourer', workplace: { city: 'Sharjah', address: 'Camp 4' } });
    assert.deepEqual(compareTerms(validTerms(), other).map((f) => [f.term, f.kind]), [
      ['/occupation_isco', 'changed'],
      ['/job_title', 'changed'],
      ['/workplace', 'changed'],
    ]);
  });

  it('does not compare amounts across currencies, but flags the currency', () => {
    const usd = validTerms({ wage: { currency: 'USD', basic_monthly_minor: 50000, allowances: [], overtime_rate_pct: 125 } });
    assert.deepEqual(compareTerms(validTerms(), usd).map((f) => f.term), ['/wage/currency']);
  });
});
