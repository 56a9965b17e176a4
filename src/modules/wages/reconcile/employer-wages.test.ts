import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CLI_ACTOR } from '../../../core/auth/actor.js';
import { type TestApp, startTestApp } from '../../../../test/helpers/app.js';
import { makeUser, signIn, type SignedIn } from '../../../../test/helpers/factories.js';
import { runFollowUp } from '../follow-up/run-follow-up.js';
import { importSalaryFiles } from '../intake/import-salary-files.js';
import { makeCorridor, makeEmployer, makeRegisteredContract, sif } from '../test-support.js';
import { reconcileMonth } from './reconcile-month.js';

type Result = { period: string; contract_no: string; employer_id: string; worker_id: string; worker_initials: string; status: string; expected_minor: number; paid_minor: number };
type Case = { id: string; employer_id: string; worker_id: string; state: string; justification: unknown };

/** The employer's wage page reads (issue #6): its own workers' months, compliance and cases only; another employer's are never seen nor justified. */
describe("the employer's wage compliance: its own workers only", () => {
  let t: TestApp;
  let e1: { id: string };
  let e2: { id: string };
  const as: Record<string, SignedIn> = {};
  const workers: Record<string, string> = {};
  const contracts: Record<string, string> = {};

  const get = (url: string, who: SignedIn | null) => t.app.inject({ method: 'GET', url, headers: who ? who.headers() : {} });
  const post = (url: string, who: SignedIn, payload: object) => t.app.inject({ method: 'POST', url, payload, headers: who.headers() });

  before(async () => {
    t = await startTestApp();
    const db = t.database.db;
    await makeCorridor(db);
    const made1 = await makeEmployer(db);
    e1 = made1;
    e2 = await makeEmployer(db);
    const c = async (key: string, employerId: string, personId: string) => {
      const made = await makeRegisteredContract(db, { employerId, personId, start: '2025-04-01', end: '2026-12-31', monthly: 150000 });
      workers[key] = made.workerId;
      contracts[key] = made.contractNo;
    };
    await c('a', e1.id, '99900000006001'); // paid in May, not in April
    await c('b', e1.id, '99900000006002'); // unpaid
    await c('d', e2.id, '99900000006004'); // unpaid, the other employer
    const file = sif({ employer: made1.external_id!, month: '2025-05', createdOn: '2025-06-05', rows: [{ person: '99900000006001', fixed: '1500.00' }] });
    await importSalaryFiles(t.database, CLI_ACTOR, [{ name: file.name, open: () => [file.text] }]);
    for (const period of ['2025-04', '2025-05']) await reconcileMonth(db, CLI_ACTOR, { period, as_of: '2025-07-10' });
    await runFollowUp(db, CLI_ACTOR, { as_of: '2025-07-10' });
    as.e1 = await signIn(t, await makeUser(db, { role: 'org_admin', organisation_id: e1.id }));
    as.e2 = await signIn(t, await makeUser(db, { role: 'org_admin', organisation_id: e2.id }));
  });
  after(async () => t.close());

  it("lists each of its workers' months, by initials and in minor units; never another employer's", async () => {
    assert.equal((await get('/api/v1/wages/results/contracts', null)).statusCode, 401);
    const res = await get('/api/v1/wages/results/contracts', as.e1!);
    assert.equal(res.statusCode, 200, res.body);
    const rows = res.json().results as Result[];
    assert.equal(rows.length, 4, 'two workers, two months');
    assert.ok(rows.every((r) => r.employer_id === e1.id));
    assert.deepEqual(new Set(rows.map((r) => r.worker_id)), new Set([workers.a, workers.b]));
    assert.deepEqual(rows.map((r) => r.period), ['2025-05', '2025-05', '2025-04', '2025-04'], 'newest month first');
    const paid = rows.find((r) => r.period === '2025-05' && r.contract_no === contracts.a)!;
    assert.deepEqual([paid.status, paid.expected_minor, paid.paid_minor], ['paid', 150000, 150000]);
    assert.match(paid.worker_initials, /^([\p{L}\p{N}]\.)+$/u);
    assert.equal(rows.find((r) => r.period === '2025-05' && r.contract_no === contracts.b)!.status, 'unpaid');

    const month = (await get('/api/v1/wages/results/contracts?period=2025-05', as.e1!)).json().results as Result[];
    assert.equal(month.length, 2);
    const asked = await get(`/api/v1/wages/results/contracts?employer=${e2.id}`, as.e1!);
    assert.equal(asked.statusCode, 200);
    assert.deepEqual(asked.json().results, [], "asking for another employer's workers gives nothing");
    const other = (await get('/api/v1/wages/results/contracts', as.e2!)).json().results as Result[];
    assert.deepEqual(new Set(other.map((r) => r.worker_id)), new Set([workers.d]));
    assert.equal((await get('/api/v1/wages/results/contracts?period=2025-13', as.e1!)).statusCode, 422);
    const worker = await signIn(t, await makeUser(t.database.db, { role: 'worker', worker_id: workers.b }));
    const own = (await get(`/api/v1/wages/results/contracts?employer=${e1.id}`, worker)).json().results as Result[];
    assert.deepEqual(new Set(own.map((r) => r.worker_id)), new Set([workers.b]), 'a worker sees only their own months, even asking by employer');

    const audit = await t.database.db.selectFrom('audit_events').select(['scope_organisation_ids']).where('action', '=', 'wages.results.read').execute();
    assert.ok(audit.some((a) => a.scope_organisation_ids.includes(e1.id)), 'the read is audited');
  });

  it('compliance by month and the month counts are its own', async () => {
    const months = (await get('/api/v1/wages/compliance', as.e1!)).json().months as { employer_id: string; period: string; paid: number; contracts: number; open_cases: number }[];
    assert.ok(months.length > 0);
    assert.ok(months.every((m) => m.employer_id === e1.id));
    const may = months.find((m) => m.period === '2025-05')!;
    assert.deepEqual([may.paid, may.contracts], [1, 2]);
    assert.deepEqual((await get(`/api/v1/wages/compliance?employer=${e2.id}`, as.e1!)).json().months, []);
    const counts = (await get('/api/v1/wages/results?period=2025-05', as.e1!)).json();
    assert.deepEqual(counts.by_employer.map((r: { employer_id: string }) => r.employer_id), [e1.id]);
    assert.equal(counts.by_corridor[0].contracts, 2, "the corridor count is of its own contracts only");
  });

  it("sees its own open cases only, and cannot justify another employer's (404, nothing stored)", async () => {
    const own = (await get('/api/v1/wages/escalations?state=open', as.e1!)).json().escalations as Case[];
    assert.ok(own.length > 0);
    assert.ok(own.every((c) => c.employer_id === e1.id && [workers.a, workers.b].includes(c.worker_id)));
    assert.deepEqual((await get(`/api/v1/wages/escalations?employer=${e2.id}`, as.e1!)).json().escalations, []);
    const theirs = (await get('/api/v1/wages/escalations?state=open', as.e2!)).json().escalations as Case[];
    assert.ok(theirs.length > 0 && theirs.every((c) => c.worker_id === workers.d));

    const body = { category: 'bank_error', text: 'The bank returned the transfer' };
    const denied = await post(`/api/v1/wages/escalations/${theirs[0]!.id}/justification`, as.e1!, body);
    assert.equal(denied.statusCode, 404, denied.body);
    const stored = await t.database.db.selectFrom('wage_escalations').select('justified_at').where('id', '=', theirs[0]!.id).executeTakeFirstOrThrow();
    assert.equal(stored.justified_at, null);

    // A blank justification is refused at its field; then the employer's own case takes it.
    const blank = await post(`/api/v1/wages/escalations/${own[0]!.id}/justification`, as.e1!, { category: 'bank_error', text: '   ' });
    assert.equal(blank.statusCode, 422);
    assert.ok(blank.json().errors.some((e: { pointer: string }) => e.pointer === '/text'), blank.body);
    const ok = await post(`/api/v1/wages/escalations/${own[0]!.id}/justification`, as.e1!, body);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().justification.text, body.text);
  });
});
