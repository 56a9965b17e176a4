import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../test/helpers/app.js';
import { signIn } from '../../test/helpers/factories.js';
import { DEMO_PASSWORD } from './demo-data.js';
import { DEMO_JOURNEY, seedDemo } from './seed.js';
import { DEMO_RECRUIT_LOAN } from './seed-loans.js';
import { DEMO_RECRUIT } from './seed-recruitment.js';

/** Issue 7 "Done means": one demo worker, Pemba Sherpa, from the job order to the third wage month. */
describe('demo corridor: follow one worker from the job order to three months of loan repayments', () => {
  let t: TestApp;
  let workerId: string;
  let contractId: string;
  before(async () => {
    t = await startTestApp();
    const demo = await seedDemo(t.database, t.ctx.config);
    assert.ok(demo.logins.some((l) => l.email === DEMO_RECRUIT.email), 'the followed worker is among the printed logins');
    assert.deepEqual(demo.journey, DEMO_JOURNEY);
    const again = await seedDemo(t.database, t.ctx.config);
    assert.deepEqual(again.logins, demo.logins, 'a second start lists the same logins, seeds nothing');
    workerId = (await t.database.db.selectFrom('workers').select('id').where('person_id', '=', DEMO_RECRUIT.person_id).executeTakeFirstOrThrow()).id;
    contractId = (await t.database.db.selectFrom('job_order_selections').select('contract_id').where('worker_id', '=', workerId).executeTakeFirstOrThrow()).contract_id!;
  });
  after(async () => t.close());

  it('job order verified by the origin authority, shortlist, selection, contract offered, accepted, approved and registered', async () => {
    const db = t.database.db;
    const orgs = new Map((await db.selectFrom('organisations').select(['id', 'name']).execute()).map((o) => [o.name, o.id]));
    const selection = await db.selectFrom('job_order_selections').selectAll().where('worker_id', '=', workerId).executeTakeFirstOrThrow();
    assert.equal(selection.rank, 1, 'first on the shortlist');
    const job = await db.selectFrom('job_orders').selectAll().where('id', '=', selection.job_order_id).executeTakeFirstOrThrow();
    assert.equal(job.status, 'verified');
    assert.equal(job.decided_by_organisation_id, orgs.get('Department of Foreign Employment (demo)'));
    assert.equal(job.employer_id, orgs.get('Al Noor Construction LLC'));
    assert.equal(job.origin_agency_id, orgs.get('Himalayan Manpower Services'));
    assert.equal(job.destination_liable_id, orgs.get('Dubai Recruitment Partners'));
    const contract = await db.selectFrom('contracts').select(['status', 'job_order_id', 'worker_id', 'employer_id']).where('id', '=', contractId).executeTakeFirstOrThrow();
    assert.deepEqual(contract, { status: 'registered', job_order_id: job.id, worker_id: workerId, employer_id: job.employer_id });
    const { rows: steps } = await sql<{ to_state: string }>`SELECT to_state FROM contract_transitions WHERE contract_id = ${contractId} ORDER BY occurred_at, to_state`.execute(db);
    for (const s of ['offered', 'accepted', 'approved', 'registered']) assert.ok(steps.some((v) => v.to_state === s), `the contract was ${s}`);
  });

  it('costs declared by the agency and by the worker, with SDG 10.7.1 from the first paid wage month', async () => {
    const db = t.database.db;
    const sides = await db.selectFrom('recruitment_cost_declarations').select(['side', 'total_wage_minor']).where('contract_id', '=', contractId).orderBy('side').execute();
    assert.deepEqual(sides.map((d) => [d.side, Number(d.total_wage_minor)]), [['agency', 15000], ['worker', 160750]]);
    const worker = await signIn(t, { email: DEMO_RECRUIT.email, password: DEMO_PASSWORD });
    const [summary] = (await t.app.inject({ method: 'GET', url: '/api/v1/recruitment/costs', headers: worker.headers() })).json().costs;
    assert.equal(summary.contract_id, contractId);
    assert.equal(summary.sdg_10_7_1.ratio, '0.89', 'AED 1,607.50 paid / AED 1,800.00 earned in July');
  });

  it('a loan applied for with consent, approved, and disbursed before the contract start date', async () => {
    const { rows } = await sql<{ status: string; consent: boolean; disbursed_on: string; start_date: string; amount_minor: number; term_months: number; decided: boolean }>`
      SELECT l.status, l.consent_at IS NOT NULL AND l.consent_withdrawn_at IS NULL AS consent, l.disbursed_on::text, v.start_date::text,
             l.amount_minor::int, l.term_months, l.decided_at IS NOT NULL AS decided
      FROM loans l JOIN contracts c ON c.id = l.contract_id
      JOIN contract_versions v ON v.contract_id = c.id AND v.version = c.registered_version
      WHERE l.worker_id = ${workerId}`.execute(t.database.db);
    assert.equal(rows.length, 1);
    const loan = rows[0]!;
    assert.deepEqual([loan.status, loan.consent, loan.decided, loan.amount_minor, loan.term_months], ['disbursed', true, true, DEMO_RECRUIT_LOAN.amount_minor, DEMO_RECRUIT_LOAN.term_months]);
    assert.equal(loan.start_date, '2026-07-01');
    assert.equal(loan.disbursed_on, DEMO_RECRUIT_LOAN.disbursed_on);
    assert.ok(loan.disbursed_on < loan.start_date, 'disbursed before departure');
  });

  it('three reconciled wage months: July paid, August not paid (instalment deferred, case escalated), September paid', async () => {
    const db = t.database.db;
    const { rows: wages } = await sql<{ month: string; status: string }>`
      SELECT month::text, status FROM wage_results WHERE contract_id = ${contractId} ORDER BY month`.execute(db);
    assert.deepEqual(wages.map((w) => [w.month, w.status]), [['2026-07-01', 'paid'], ['2026-08-01', 'unpaid'], ['2026-09-01', 'paid']]);
    const { rows: repayments } = await sql<{ month: string; seq: number | null; outcome: string; applied: number; deducted: number }>`
      SELECT r.month::text, r.seq, r.outcome, r.applied_minor::int AS applied, r.deducted_minor::int AS deducted
      FROM loan_repayments r JOIN loans l ON l.id = r.loan_id WHERE l.worker_id = ${workerId} ORDER BY r.month`.execute(db);
    assert.deepEqual(repayments.map((r) => [r.month, r.seq, r.outcome]), [['2026-07-01', 1, 'paid'], ['2026-08-01', 2, 'deferred'], ['2026-09-01', 2, 'paid']]);
    assert.equal(repayments[1]!.deducted, 0, 'nothing was taken from the month the employer did not pay');
    const { rows: schedule } = await sql<{ seq: number; due_month: string; deferrals: number }>`
      SELECT i.seq, i.due_month::text, i.deferrals FROM loan_instalments i JOIN loans l ON l.id = i.loan_id WHERE l.worker_id = ${workerId} ORDER BY i.seq`.execute(db);
    assert.equal(schedule.length, DEMO_RECRUIT_LOAN.term_months);
    assert.deepEqual(schedule.slice(0, 3).map((s) => [s.seq, s.due_month, s.deferrals]), [[1, '2026-07-01', 0], [2, '2026-09-01', 1], [3, '2026-10-01', 0]]);
    assert.equal(schedule.at(-1)!.due_month, '2027-07-01', 'the schedule moved a month, without interest added');
    const { rows: cases } = await sql<{ month: string; state: string; wage_status: string; step: string }>`
      SELECT month::text, state, wage_status, step FROM wage_escalations WHERE contract_id = ${contractId}`.execute(db);
    assert.deepEqual(cases, [{ month: '2026-08-01', state: 'open', wage_status: 'unpaid', step: 'inspection' }]);
    const mohre = await signIn(t, { email: 'mohre@demo.corridor', password: DEMO_PASSWORD });
    const seen = await t.app.inject({ method: 'GET', url: '/api/v1/wages/escalations', headers: mohre.headers() });
    assert.equal(seen.statusCode, 200, seen.body);
    assert.ok(seen.json().escalations.some((e: { worker_id: string; period: string; step: string }) => e.worker_id === workerId && e.period === '2026-08' && e.step === 'inspection'), seen.body);
    const suspended = await db.selectFrom('wage_suspensions').select('employer_id').execute();
    assert.deepEqual(suspended, [], 'one month owed does not suspend the employer (two do)');
  });

  it('the worker sees the same facts through the API; the lender sees the loan; another worker does not', async () => {
    const worker = await signIn(t, { email: DEMO_RECRUIT.email, password: DEMO_PASSWORD });
    const [summary] = (await t.app.inject({ method: 'GET', url: '/api/v1/loans', headers: worker.headers() })).json().loans;
    const loan = (await t.app.inject({ method: 'GET', url: `/api/v1/loans/${summary.id}`, headers: worker.headers() })).json();
    assert.equal(loan.contract_id, contractId);
    assert.equal(loan.repaid_minor, loan.schedule[0].amount_minor + loan.schedule[1].amount_minor);
    const lender = await signIn(t, { email: 'lender@demo.corridor', password: DEMO_PASSWORD });
    const seen = await t.app.inject({ method: 'GET', url: `/api/v1/loans/${summary.id}`, headers: lender.headers() });
    assert.equal(seen.statusCode, 200);
    assert.equal(seen.json().key_terms.job_title, 'Bricklayer');
    const other = await signIn(t, { email: 'laxmi@demo.corridor', password: DEMO_PASSWORD });
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/loans/${summary.id}`, headers: other.headers() })).statusCode, 404);
  });
});
