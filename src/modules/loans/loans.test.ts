import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CLI_ACTOR } from '../../core/auth/actor.js';
import { type TestApp, startTestApp } from '../../../test/helpers/app.js';
import { makeOrganisation, makeToken, makeUser, signIn, type SignedIn } from '../../../test/helpers/factories.js';
import { importSalaryFiles } from '../wages/intake/import-salary-files.js';
import { reconcileMonth } from '../wages/reconcile/reconcile-month.js';
import { makeAgent, makeCorridor, makeEmployer, makeRegisteredContract, mandate, sif } from '../wages/test-support.js';
import { schedule } from './schedule.js';

/**
 * Issue 7 item 6 end to end over HTTP: a product within the caps, a worker's application with
 * consent, the lender's decision, disbursement before departure, and repayments through the
 * wage system over four months — paid, employer did not pay (deferred), over the cap, underpaid.
 */
describe('pre-departure loans repaid through the wage system', () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  let worker: SignedIn;
  let otherWorker: SignedIn;
  let contractId: string;
  let otherContractId: string;
  let employerExt: string;
  let productId: string;
  let loanId: string;
  const PERSON = '99900000007001';
  const plan = schedule(302000, 1200, 18, '2026-03-01');

  const call = (method: 'GET' | 'POST', url: string, who: string | SignedIn, payload?: object | string, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, payload, headers: { ...(typeof who === 'string' ? { authorization: `Bearer ${who}` } : who.headers()), ...headers } });
  const count = async (table: 'loans' | 'loan_products' | 'loan_deductions' | 'loan_deduction_reports') =>
    Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const pointers = (res: { json(): unknown }) =>
    (res.json() as { errors: { pointer?: string; line?: number; field?: string; message?: string; code?: string; params?: Record<string, unknown> }[] }).errors;

  before(async () => {
    t = await startTestApp();
    const db = t.database.db;
    await makeCorridor(db);
    const employer = await makeEmployer(db);
    employerExt = employer.external_id!;
    const c = await makeRegisteredContract(db, { employerId: employer.id, personId: PERSON, start: '2026-03-01', end: '2028-02-29', monthly: 150000 });
    contractId = c.contractId;
    const o = await makeRegisteredContract(db, { employerId: employer.id, personId: '99900000007002', start: '2026-03-01', end: '2028-02-29', monthly: 150000 });
    otherContractId = o.contractId;
    worker = await signIn(t, await makeUser(db, { role: 'worker', worker_id: c.workerId }));
    otherWorker = await signIn(t, await makeUser(db, { role: 'worker', worker_id: o.workerId }));
    const lender = await makeOrganisation(db, { kind: 'lender' });
    const lenderB = await makeOrganisation(db, { kind: 'lender' });
    tok.lender = await makeToken(db, { organisation_id: lender.id, scopes: ['loans:read', 'loans:lend'] });
    tok.lenderB = await makeToken(db, { organisation_id: lenderB.id, scopes: ['loans:read', 'loans:lend'] });
    const agent = await makeAgent(db);
    const agentB = await makeAgent(db);
    await mandate(db, employer.id, agent.id);
    tok.agent = await makeToken(db, { organisation_id: agent.id, scopes: ['loans:read', 'loans:deduct'] });
    tok.agentB = await makeToken(db, { organisation_id: agentB.id, scopes: ['loans:read', 'loans:deduct'] });
    const dest = await makeOrganisation(db, { kind: 'destination_authority', country: 'ARE' });
    tok.dest = await makeToken(db, { organisation_id: dest.id, scopes: ['loans:match', 'loans:totals'] });
    const origin = await makeOrganisation(db, { kind: 'origin_authority', country: 'NPL' });
    tok.origin = await makeToken(db, { organisation_id: origin.id, scopes: ['loans:totals'] });
  });
  after(async () => t.close());

  const product = { corridor: 'NPL-ARE', name: 'Pre-departure loan', currency: 'AED', min_amount_minor: 50000, max_amount_minor: 400000, min_term_months: 6, max_term_months: 24, annual_rate_bp: 1200, fee_minor: 2000 };

  it('a product above the corridor rate cap, or in another currency, is refused with pointers; nothing stored', async () => {
    const res = await call('POST', '/api/v1/loans/products', tok.lender!, { ...product, annual_rate_bp: 1300, currency: 'NPR', max_amount_minor: 10 });
    assert.equal(res.statusCode, 422, res.body);
    assert.deepEqual(pointers(res).map((p) => p.pointer).sort(), ['/annual_rate_bp', '/currency', '/max_amount_minor']);
    assert.equal(await count('loan_products'), 0);
  });

  it('a lender publishes a product within the caps; a worker sees it; a worker cannot publish', async () => {
    const res = await call('POST', '/api/v1/loans/products', tok.lender!, product);
    assert.equal(res.statusCode, 201, res.body);
    productId = res.json().id;
    const list = await call('GET', '/api/v1/loans/products', worker);
    assert.deepEqual(list.json().products.map((p: { id: string }) => p.id), [productId]);
    assert.equal((await call('POST', '/api/v1/loans/products', worker, product)).statusCode, 403);
  });

  it('a loan above the product limits, over the instalment cap, or without consent: 422 with a pointer, nothing stored', async () => {
    const base = { product_id: productId, contract_id: contractId, amount_minor: 300000, term_months: 18, consent_to_share_key_terms: true };
    const cases: [object, string][] = [
      [{ amount_minor: 500000 }, '/amount_minor'],
      [{ amount_minor: 40000 }, '/amount_minor'],
      [{ term_months: 36 }, '/term_months'],
      [{ amount_minor: 400000, term_months: 12 }, '/amount_minor'], // instalment ~35,700 > 15% of 150,000
      [{ consent_to_share_key_terms: false }, '/consent_to_share_key_terms'],
    ];
    for (const [change, pointer] of cases) {
      const res = await call('POST', '/api/v1/loans', worker, { ...base, ...change });
      assert.equal(res.statusCode, 422, `${JSON.stringify(change)}: ${res.body}`);
      assert.ok(pointers(res).some((p) => p.pointer === pointer), `${pointer} in ${res.body}`);
    }
    assert.equal(await count('loans'), 0);
  });

  it('each broken rule carries a code and its parameters (amounts as minor units and currency) for the client to word it in its language', async () => {
    const base = { product_id: productId, contract_id: contractId, amount_minor: 300000, term_months: 18, consent_to_share_key_terms: true };
    const above = await call('POST', '/api/v1/loans', worker, { ...base, amount_minor: 500000 });
    assert.equal(above.statusCode, 422, above.body);
    assert.deepEqual(pointers(above)[0], {
      pointer: '/amount_minor',
      message: "must be between 50000 and 400000 (the product's limits)",
      code: 'loan.amount_outside_limits',
      params: { min: { amount_minor: 50000, currency: 'AED' }, max: { amount_minor: 400000, currency: 'AED' } },
    });
    assert.equal(pointers(above)[1]!.code, 'loan.instalment_above_cap', 'and over the instalment cap too: every rule named');
    const term = pointers(await call('POST', '/api/v1/loans', worker, { ...base, term_months: 36 }));
    assert.deepEqual(term.map((p) => [p.code, p.params]), [['loan.term_outside_limits', { min: 6, max: 24 }]]);
    const cap = pointers(await call('POST', '/api/v1/loans', worker, { ...base, amount_minor: 400000, term_months: 12 }));
    assert.equal(cap[0]!.code, 'loan.instalment_above_cap');
    assert.deepEqual(cap[0]!.params!.cap, { amount_minor: 22500, currency: 'AED' }, '15% of the wage of 150,000');
    assert.equal(cap[0]!.params!.share_percent, 15);
    assert.equal(await count('loans'), 0);
  });

  it("a worker cannot apply against another worker's contract (404)", async () => {
    const res = await call('POST', '/api/v1/loans', otherWorker, { product_id: productId, contract_id: contractId, amount_minor: 300000, term_months: 18, consent_to_share_key_terms: true });
    assert.equal(res.statusCode, 404);
  });

  it('the worker applies with consent; the lender sees the key terms; another lender and another worker do not', async () => {
    const res = await call('POST', '/api/v1/loans', worker, { product_id: productId, contract_id: contractId, amount_minor: 300000, term_months: 18, consent_to_share_key_terms: true });
    assert.equal(res.statusCode, 201, res.body);
    loanId = res.json().id;
    const seen = await call('GET', `/api/v1/loans/${loanId}`, tok.lender!);
    assert.equal(seen.statusCode, 200, seen.body);
    assert.equal(seen.json().key_terms.monthly_wage_minor, 150000);
    assert.equal(seen.json().instalment_minor, plan[0]!.amount_minor);
    assert.equal(seen.json().principal_minor, 302000);
    assert.equal((await call('GET', `/api/v1/loans/${loanId}`, tok.lenderB!)).statusCode, 404);
    assert.equal((await call('GET', `/api/v1/loans/${loanId}`, otherWorker)).statusCode, 404);
    assert.equal((await call('GET', `/api/v1/loans/${loanId}`, tok.agent!)).statusCode, 404, 'an agent sees a loan only once disbursed');
    assert.deepEqual((await call('GET', '/api/v1/loans', tok.lenderB!)).json().loans, []);
    assert.equal((await call('POST', `/api/v1/loans/${loanId}/decision`, tok.lenderB!, { decision: 'approve' })).statusCode, 404);
    // A second loan on the same wage: both instalments together would pass the 15% cap.
    const second = await call('POST', '/api/v1/loans', worker, { product_id: productId, contract_id: contractId, amount_minor: 100000, term_months: 12, consent_to_share_key_terms: true });
    assert.equal(second.statusCode, 422, second.body);
    assert.match(pointers(second).find((p) => p.pointer === '/amount_minor')!.message as string, /other loans/);
  });

  it('withdrawing consent before the decision hides the application from the lender', async () => {
    const res = await call('POST', '/api/v1/loans', otherWorker, { product_id: productId, contract_id: otherContractId, amount_minor: 100000, term_months: 12, consent_to_share_key_terms: true });
    assert.equal(res.statusCode, 201, res.body);
    const id = res.json().id;
    assert.equal((await call('GET', `/api/v1/loans/${id}`, tok.lender!)).statusCode, 200);
    assert.equal((await call('POST', `/api/v1/loans/${id}/withdraw`, worker)).statusCode, 404, 'not your application');
    assert.equal((await call('POST', `/api/v1/loans/${id}/withdraw`, otherWorker)).statusCode, 200);
    assert.equal((await call('GET', `/api/v1/loans/${id}`, tok.lender!)).statusCode, 404);
    assert.equal((await call('POST', `/api/v1/loans/${id}/decision`, tok.lender!, { decision: 'approve' })).statusCode, 404);
    assert.equal((await call('GET', `/api/v1/loans/${id}`, otherWorker)).json().status, 'withdrawn');
  });

  it('the lender approves and disburses before departure (not on or after the start date); the schedule is written', async () => {
    assert.equal((await call('POST', `/api/v1/loans/${loanId}/disbursement`, tok.lender!, {})).statusCode, 409, 'not approved yet');
    assert.equal((await call('POST', `/api/v1/loans/${loanId}/decision`, tok.lender!, { decision: 'approve' })).statusCode, 200);
    const late = await call('POST', `/api/v1/loans/${loanId}/disbursement`, tok.lender!, { disbursed_on: '2026-03-01' });
    assert.equal(late.statusCode, 422);
    assert.equal(pointers(late)[0]!.pointer, '/disbursed_on');
    assert.deepEqual([pointers(late)[0]!.code, pointers(late)[0]!.params], ['loan.disbursed_not_before_start', { start_date: '2026-03-01' }]);
    const ok = await call('POST', `/api/v1/loans/${loanId}/disbursement`, tok.lender!, { disbursed_on: '2026-02-20' });
    assert.equal(ok.statusCode, 200, ok.body);
    const loan = (await call('GET', `/api/v1/loans/${loanId}`, worker)).json();
    assert.equal(loan.status, 'disbursed');
    assert.equal(loan.schedule.length, 18);
    assert.equal(loan.schedule[0].due_month, '2026-03-01');
    assert.equal(loan.schedule.reduce((a: number, r: { principal_minor: number }) => a + r.principal_minor, 0), 302000);
    assert.equal(loan.balance_minor, loan.scheduled_minor);
  });

  it('the wage agent sees what is due; another agent does not', async () => {
    const due = (await call('GET', '/api/v1/loans/deductions/due?period=2026-03', tok.agent!)).json().due;
    assert.deepEqual(due.map((d: { loan_id: string; due_minor: number; person_id: string }) => [d.loan_id, d.due_minor, d.person_id]), [[loanId, plan[0]!.amount_minor, PERSON]]);
    assert.deepEqual((await call('GET', '/api/v1/loans/deductions/due?period=2026-03', tok.agentB!)).json().due, []);
  });

  it('deductions: a bad CSV is refused whole by line and field; an unmandated agent is refused; nothing stored', async () => {
    const bad = `loan_id,month,amount_minor,currency\n${loanId},2026-04,12.5,AED\n${loanId},2026-13,100,AED\n`;
    const res = await call('POST', '/api/v1/loans/deductions', tok.agent!, bad, { 'content-type': 'text/csv' });
    assert.equal(res.statusCode, 422, res.body);
    assert.deepEqual(pointers(res).map((p) => [p.line, p.field]), [[2, 'amount_minor'], [3, 'month']]);
    const other = await call('POST', '/api/v1/loans/deductions', tok.agentB!, { deductions: [{ loan_id: loanId, month: '2026-03', amount_minor: 100, currency: 'AED' }] });
    assert.equal(other.statusCode, 422, other.body);
    assert.equal(pointers(other)[0]!.pointer, '/deductions/0/loan_id');
    const twice = await call('POST', '/api/v1/loans/deductions', tok.agent!, { deductions: [
      { loan_id: loanId, month: '2026-03', amount_minor: 100, currency: 'AED' },
      { loan_id: loanId, month: '2026-03', amount_minor: 100, currency: 'QAR' },
    ] });
    assert.equal(twice.statusCode, 422, twice.body);
    assert.deepEqual(pointers(twice).map((p) => p.pointer), ['/deductions/0/month', '/deductions/1/currency']);
    assert.equal(await count('loan_deductions'), 0);
    assert.equal(await count('loan_deduction_reports'), 0);
  });

  it('four wage months: paid, unpaid (deferred, deduction refunded), over the cap (excess refunded), underpaid (flagged)', async () => {
    // Salary files: March paid in full, April nothing (the employer did not pay), May paid, June underpaid.
    for (const f of [
      sif({ employer: employerExt, month: '2026-03', createdOn: '2026-04-05', rows: [{ person: PERSON, fixed: '1500.00' }] }),
      sif({ employer: employerExt, month: '2026-05', createdOn: '2026-06-05', rows: [{ person: PERSON, fixed: '1500.00' }] }),
      sif({ employer: employerExt, month: '2026-06', createdOn: '2026-07-05', rows: [{ person: PERSON, fixed: '1400.00' }] }),
    ]) {
      const [ack] = await importSalaryFiles(t.database, CLI_ACTOR, [{ name: f.name, open: () => [Buffer.from(f.text, 'latin1')] }]);
      assert.equal(ack!.status, 'accepted', JSON.stringify(ack!.errors));
    }
    for (const period of ['2026-03', '2026-04', '2026-05', '2026-06']) await reconcileMonth(t.database.db, CLI_ACTOR, { period, as_of: '2026-08-01' });

    const a1 = plan[0]!.amount_minor;
    const a2 = plan[1]!.amount_minor;
    // March by JSON; April, May and June by CSV (April: deducted although the employer paid nothing).
    const march = await call('POST', '/api/v1/loans/deductions', tok.agent!, { deductions: [{ loan_id: loanId, month: '2026-03', amount_minor: a1, currency: 'AED' }] });
    assert.equal(march.statusCode, 201, march.body);
    const csv = `loan_id,month,amount_minor,currency\n${loanId},2026-04,${a2},AED\n${loanId},2026-05,30000,AED\n${loanId},2026-06,${a2},AED\n`;
    const file = await call('POST', '/api/v1/loans/deductions', tok.agent!, csv, { 'content-type': 'text/csv' });
    assert.equal(file.statusCode, 201, file.body);
    assert.equal(file.json().lines, 3);
    const again = await call('POST', '/api/v1/loans/deductions', tok.agent!, csv, { 'content-type': 'text/csv' });
    assert.equal(again.statusCode, 200, again.body);
    assert.equal(again.json().status, 'duplicate');
    assert.equal(again.json().duplicate_of, file.json().id);
    assert.equal(await count('loan_deductions'), 4, 'the duplicate is not counted');

    assert.equal((await call('POST', '/api/v1/loans/repayments/match', tok.lender!, { period: '2026-03' })).statusCode, 403);
    const m3 = (await call('POST', '/api/v1/loans/repayments/match', tok.dest!, { period: '2026-03' })).json();
    assert.deepEqual([m3.loans, m3.paid, m3.applied_minor, m3.refund_minor], [1, 1, a1, 0]);
    const m4 = (await call('POST', '/api/v1/loans/repayments/match', tok.dest!, { period: '2026-04' })).json();
    assert.deepEqual([m4.deferred, m4.flagged_not_paid_in_full, m4.applied_minor, m4.refund_minor], [1, 1, 0, a2]);
    const m5 = (await call('POST', '/api/v1/loans/repayments/match', tok.dest!, { period: '2026-05' })).json();
    assert.deepEqual([m5.paid, m5.flagged_over_cap, m5.applied_minor, m5.refund_minor], [1, 1, a2, 30000 - a2]);
    const m6 = (await call('POST', '/api/v1/loans/repayments/match', tok.dest!, { period: '2026-06' })).json();
    assert.deepEqual([m6.deferred, m6.flagged_not_paid_in_full, m6.refund_minor], [1, 1, a2]);
    const rerun = (await call('POST', '/api/v1/loans/repayments/match', tok.dest!, { period: '2026-05' })).json();
    assert.equal(rerun.loans, 0, 'a matched month is not matched twice');

    const loan = (await call('GET', `/api/v1/loans/${loanId}`, worker)).json();
    assert.deepEqual(loan.repayments.map((r: { month: string; outcome: string; flag: string | null }) => [r.month, r.outcome, r.flag]), [
      ['2026-03-01', 'paid', null], ['2026-04-01', 'deferred', 'not_paid_in_full'], ['2026-05-01', 'paid', 'over_cap'], ['2026-06-01', 'deferred', 'not_paid_in_full'],
    ]);
    // Instalment 2 moved from April to May (paid there); instalment 3 from May to July after June's deferral; no interest added.
    const s = loan.schedule as { seq: number; due_month: string; status: string; deferrals: number; interest_minor: number }[];
    assert.deepEqual(s.slice(0, 4).map((r) => [r.seq, r.due_month, r.status, r.deferrals]), [
      [1, '2026-03-01', 'paid', 0], [2, '2026-05-01', 'paid', 1], [3, '2026-07-01', 'scheduled', 1], [4, '2026-08-01', 'scheduled', 0],
    ]);
    assert.equal(s.at(-1)!.due_month, '2027-10-01');
    assert.deepEqual(s.map((r) => r.interest_minor), plan.map((r) => r.interest_minor), 'deferral adds no interest');
    assert.equal(loan.repaid_minor, a1 + a2);
    assert.equal(loan.balance_minor, plan.reduce((a, r) => a + r.amount_minor, 0) - a1 - a2);
    assert.equal(loan.refunds_owed_minor, a2 + (30000 - a2) + a2);
  });

  it('the lender sees its portfolio, the authorities the totals; no one else', async () => {
    const p = (await call('GET', '/api/v1/loans/portfolio', tok.lender!)).json().rows;
    assert.equal(p.length, 1);
    assert.deepEqual([p[0].disbursed, p[0].disbursed_minor, p[0].months_deferred, p[0].months_flagged], [1, 300000, 2, 3]);
    assert.deepEqual((await call('GET', '/api/v1/loans/portfolio', tok.lenderB!)).json().rows, []);
    for (const who of ['origin', 'dest']) {
      const rows = (await call('GET', '/api/v1/loans/totals', tok[who]!)).json().rows;
      assert.deepEqual([rows[0].corridor_code, rows[0].applications, rows[0].disbursed, rows[0].repaid_minor], ['NPL-ARE', 1, 1, p[0].repaid_minor]);
    }
    assert.equal((await call('GET', '/api/v1/loans/totals', tok.lender!)).statusCode, 403);
    assert.equal((await call('GET', '/api/v1/loans/totals', worker)).statusCode, 403);
  });

  it('a worker sees the schedule and total cost before consenting (quote): nothing stored, limits and cap as pointers', async () => {
    const before = await count('loans');
    const ask = { product_id: productId, contract_id: otherContractId, amount_minor: 100000, term_months: 12 };
    const res = await call('POST', '/api/v1/loans/quote', otherWorker, ask);
    assert.equal(res.statusCode, 200, res.body);
    const q = res.json();
    const rows = schedule(102000, 1200, 12, '2026-03-01');
    assert.equal(q.principal_minor, 102000);
    assert.equal(q.instalment_minor, rows[0]!.amount_minor);
    assert.equal(q.total_minor, rows.reduce((a, r) => a + r.amount_minor, 0));
    assert.equal(q.cost_minor, q.total_minor - 100000);
    assert.equal(q.max_instalment_minor, 22500, '15% of the wage');
    assert.equal(q.schedule.length, 12);
    const bad = await call('POST', '/api/v1/loans/quote', otherWorker, { ...ask, amount_minor: 500000, term_months: 36 });
    assert.equal(bad.statusCode, 422, bad.body);
    assert.deepEqual(pointers(bad).map((p) => p.pointer).sort(), ['/amount_minor', '/term_months']);
    assert.equal((await call('POST', '/api/v1/loans/quote', worker, ask)).statusCode, 404, "another worker's contract");
    assert.equal((await call('POST', '/api/v1/loans/quote', tok.lender!, ask)).statusCode, 403);
    assert.equal(await count('loans'), before);
  });

  it('refunds: the lender records each refund paid (amount, day, reference) up to what is owed; the worker and the authorities see owed vs paid', async () => {
    const owed = (await call('GET', `/api/v1/loans/${loanId}`, worker)).json().refunds_owed_minor as number;
    const refunds = () => t.database.db.selectFrom('loan_refund_payments').selectAll().execute();
    const good = { amount_minor: 1000, currency: 'AED', paid_on: '2026-08-10', reference: 'TRX-0001' };
    // Another lender's loan is not found; a worker may not record one.
    assert.equal((await call('POST', `/api/v1/loans/${loanId}/refunds`, tok.lenderB!, good)).statusCode, 404);
    assert.equal((await call('POST', '/api/v1/loans/00000000-0000-4000-8000-000000000001/refunds', tok.lender!, good)).statusCode, 404);
    assert.equal((await call('POST', `/api/v1/loans/${loanId}/refunds`, worker, good)).statusCode, 403);
    // Bad input: every problem by pointer, nothing stored.
    const bad = await call('POST', `/api/v1/loans/${loanId}/refunds`, tok.lender!, { amount_minor: owed + 1, currency: 'QAR', paid_on: '2999-01-01', reference: 'X' });
    assert.equal(bad.statusCode, 422, bad.body);
    assert.deepEqual(pointers(bad).map((p) => p.pointer).sort(), ['/amount_minor', '/currency', '/paid_on']);
    assert.deepEqual(
      pointers(bad).map((p) => [p.code, p.params]),
      [['refund.currency_not_loan', { currency: 'AED' }], ['refund.above_owed', { owed: { amount_minor: owed, currency: 'AED' } }], ['date.future_not_allowed', undefined]],
    );
    const shape = await call('POST', `/api/v1/loans/${loanId}/refunds`, tok.lender!, { amount_minor: -5, currency: 'AED', paid_on: '2026-08-10' });
    assert.equal(shape.statusCode, 422, shape.body);
    assert.deepEqual([...new Set(pointers(shape).map((p) => p.pointer))].sort(), ['/amount_minor', '/reference']);
    assert.deepEqual(await refunds(), []);

    const first = await call('POST', `/api/v1/loans/${loanId}/refunds`, tok.lender!, good);
    assert.equal(first.statusCode, 201, first.body);
    assert.deepEqual([first.json().amount_minor, first.json().paid_on, first.json().reference], [1000, '2026-08-10', 'TRX-0001']);
    const seen = (await call('GET', `/api/v1/loans/${loanId}`, worker)).json();
    assert.deepEqual([seen.refunds_owed_minor, seen.refunds_paid_minor], [owed, 1000]);
    assert.deepEqual(seen.refund_payments.map((r: { reference: string }) => r.reference), ['TRX-0001']);
    const rest = await call('POST', `/api/v1/loans/${loanId}/refunds`, tok.lender!, { ...good, amount_minor: owed - 1000, reference: 'TRX-0002' });
    assert.equal(rest.statusCode, 201, rest.body);
    const more = await call('POST', `/api/v1/loans/${loanId}/refunds`, tok.lender!, { ...good, amount_minor: 1, reference: 'TRX-0003' });
    assert.equal(more.statusCode, 422, more.body);
    assert.match(pointers(more)[0]!.message!, /already paid/);
    for (const who of ['origin', 'dest']) {
      const row = (await call('GET', '/api/v1/loans/totals', tok[who]!)).json().rows[0];
      assert.deepEqual([row.refunds_owed_minor, row.refunds_paid_minor], [owed, owed]);
    }
    assert.equal((await call('GET', '/api/v1/loans/portfolio', tok.lender!)).json().rows[0].refunds_paid_minor, owed);
    assert.equal((await refunds()).length, 2);
  });
});
