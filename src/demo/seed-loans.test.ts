import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../test/helpers/app.js';
import { signIn } from '../../test/helpers/factories.js';
import { DEMO_PASSWORD } from './demo-data.js';
import { seedDemo } from './seed.js';
import { DEMO_BORROWER, DEMO_OVER_DEDUCTED_MINOR, DEMO_REFUND_PAID_MINOR, DEMO_REFUND_REFERENCE } from './seed-loans.js';
import { DEMO_RECRUIT } from './seed-recruitment.js';

describe('demo corridor: a pre-departure loan repaid through the wage system', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    const demo = await seedDemo(t.database, t.ctx.config);
    assert.ok(demo.logins.some((l) => l.email === DEMO_BORROWER.email), 'the borrower login is printed with the others');
  });
  after(async () => t.close());

  it('the borrower sees a loan disbursed before departure and three wage months: paid, deferred (employer did not pay), paid', async () => {
    const worker = await signIn(t, { email: DEMO_BORROWER.email, password: DEMO_PASSWORD });
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/loans', headers: worker.headers() });
    assert.equal(list.statusCode, 200, list.body);
    const [summary] = list.json().loans;
    assert.equal(summary.status, 'disbursed');
    const loan = (await t.app.inject({ method: 'GET', url: `/api/v1/loans/${summary.id}`, headers: worker.headers() })).json();
    assert.ok(loan.disbursed_on < loan.key_terms.start_date, 'disbursed before the contract starts');
    assert.deepEqual(loan.repayments.map((r: { month: string; outcome: string; wage_status: string }) => [r.month, r.wage_status, r.outcome]), [
      ['2026-07-01', 'paid', 'paid'], ['2026-08-01', 'unpaid', 'deferred'], ['2026-09-01', 'paid', 'paid'],
    ]);
    assert.equal(loan.repaid_minor, loan.schedule[0].amount_minor + loan.schedule[1].amount_minor);
    assert.equal(loan.schedule[1].due_month, '2026-09-01');
    assert.equal(loan.balance_minor, loan.scheduled_minor - loan.repaid_minor);
    // September: AED 50 deducted above the instalment, owed back to her; AED 30 paid back so far.
    assert.equal(loan.repayments[2].flag, 'over_cap');
    assert.deepEqual([loan.refunds_owed_minor, loan.refunds_paid_minor], [DEMO_OVER_DEDUCTED_MINOR, DEMO_REFUND_PAID_MINOR]);
    assert.deepEqual(loan.refund_payments.map((r: { reference: string; paid_on: string }) => [r.paid_on, r.reference]), [['2026-10-20', DEMO_REFUND_REFERENCE]]);
  });

  it('the lender sees it in its portfolio; the other demo workers (but the followed recruit in August) were paid in full in those months', async () => {
    const lender = await signIn(t, { email: 'lender@demo.corridor', password: DEMO_PASSWORD });
    const p = (await t.app.inject({ method: 'GET', url: '/api/v1/loans/portfolio', headers: lender.headers() })).json();
    // Laxmi's loan and the demo recruit's (seed-journey.test.ts): each deferred once.
    assert.deepEqual([p.rows[0].disbursed, p.rows[0].months_deferred], [2, 2]);
    const others = await t.database.db
      .selectFrom('wage_results').select(['status']).where('person_id', 'not in', [DEMO_BORROWER.person_id, DEMO_RECRUIT.person_id]).where('month', '>=', '2026-07-01').execute();
    assert.ok(others.length > 0 && others.every((r) => r.status === 'paid'));
  });
});
