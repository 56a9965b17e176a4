import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CLI_ACTOR } from '../../../core/auth/actor.js';
import { type TestApp, startTestApp } from '../../../../test/helpers/app.js';
import { makeOrganisation, makeToken, makeUser, signIn, type SignedIn } from '../../../../test/helpers/factories.js';
import { importSalaryFiles } from '../intake/import-salary-files.js';
import { makeCorridor, makeEmployer, makeRegisteredContract, sif } from '../test-support.js';

describe('wage results, history and reconcile routes: who sees what', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let workerA: string;
  let workerB: string;
  let asWorkerA: SignedIn;

  const call = (method: 'GET' | 'POST', url: string, who: string | SignedIn, payload?: object) =>
    t.app.inject({ method, url, payload, headers: typeof who === 'string' ? { authorization: `Bearer ${who}` } : who.headers() });

  before(async () => {
    t = await startTestApp();
    const db = t.database.db;
    await makeCorridor(db);
    const e1 = await makeEmployer(db);
    const e2 = await makeEmployer(db);
    const full = { start: '2025-01-01', end: '2026-12-31', monthly: 150000 };
    workerA = (await makeRegisteredContract(db, { ...full, employerId: e1.id, personId: '99900000000201' })).workerId;
    workerB = (await makeRegisteredContract(db, { ...full, employerId: e2.id, personId: '99900000000202' })).workerId;
    const file = sif({ employer: e1.external_id!, month: '2025-05', createdOn: '2025-06-01', rows: [{ person: '99900000000201', fixed: '1500.00' }] });
    await importSalaryFiles(t.database, CLI_ACTOR, [{ name: file.name, open: () => [file.text] }]);
    tokens.e1 = await makeToken(db, { organisation_id: e1.id, scopes: ['wages:read'] });
    tokens.e2 = await makeToken(db, { organisation_id: e2.id, scopes: ['wages:read'] });
    const dest = await makeOrganisation(db, { kind: 'destination_authority', country: 'ARE' });
    tokens.dest = await makeToken(db, { organisation_id: dest.id, scopes: ['wages:read', 'wages:reconcile'] });
    const origin = await makeOrganisation(db, { kind: 'origin_authority', country: 'NPL' });
    tokens.origin = await makeToken(db, { organisation_id: origin.id, scopes: ['wages:read'] });
    const otherDest = await makeOrganisation(db, { kind: 'destination_authority', country: 'QAT' });
    tokens.otherDest = await makeToken(db, { organisation_id: otherDest.id, scopes: ['wages:read', 'wages:reconcile'] });
    asWorkerA = await signIn(t, await makeUser(db, { role: 'worker', worker_id: workerA }));
  });
  after(async () => t.close());

  it('the destination authority reconciles its employers; the employer may not', async () => {
    const res = await call('POST', '/api/v1/wages/reconcile', tokens.dest!, { period: '2025-05', as_of: '2025-07-01' });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { period: '2025-05', as_of: '2025-07-01', contracts: 2, paid: 1, late: 0, underpaid: 0, unpaid: 1, pending: 0, unregistered_payments: 0 });
    assert.equal((await call('POST', '/api/v1/wages/reconcile', tokens.e1!, { period: '2025-05' })).statusCode, 403);
    const qat = await call('POST', '/api/v1/wages/reconcile', tokens.otherDest!, { period: '2025-05', as_of: '2025-07-01', corridor: 'NPL-ARE' });
    assert.equal(qat.statusCode, 404, 'not its corridor');
  });

  it('counts results by status per corridor and per employer, each employer seeing only its own', async () => {
    const all = (await call('GET', '/api/v1/wages/results?period=2025-05', tokens.dest!)).json();
    assert.deepEqual(all.by_corridor.map((c: { corridor: string; contracts: number; paid: number; unpaid: number }) => [c.corridor, c.contracts, c.paid, c.unpaid]), [['NPL-ARE', 2, 1, 1]]);
    assert.equal(all.by_employer.length, 2);
    const own = (await call('GET', '/api/v1/wages/results?period=2025-05', tokens.e1!)).json();
    assert.equal(own.by_employer.length, 1);
    assert.deepEqual([own.by_employer[0].paid, own.by_employer[0].compliance], [1, 1]);
    assert.equal((await call('GET', '/api/v1/wages/results?period=2025-05', tokens.otherDest!)).json().by_employer.length, 0);
    assert.equal((await call('GET', '/api/v1/wages/results?period=2025-05', tokens.origin!)).json().by_corridor[0].contracts, 2, 'its nationals');
  });

  it('shows the worker their own month-by-month history, and 404 for another worker', async () => {
    const res = await call('GET', `/api/v1/wages/workers/${workerA}/history`, asWorkerA);
    assert.equal(res.statusCode, 200, res.body);
    const [may] = res.json().months;
    assert.deepEqual([may.period, may.status, may.expected_minor, may.paid_minor, may.paid_on], ['2025-05', 'paid', 150000, 150000, '2025-06-01']);
    assert.equal((await call('GET', `/api/v1/wages/workers/${workerB}/history`, asWorkerA)).statusCode, 404);
  });

  it("lets an employer read only its own workers' history, and audits the read", async () => {
    assert.equal((await call('GET', `/api/v1/wages/workers/${workerA}/history`, tokens.e1!)).statusCode, 200);
    assert.equal((await call('GET', `/api/v1/wages/workers/${workerA}/history`, tokens.e2!)).statusCode, 404);
    assert.equal((await call('GET', `/api/v1/wages/workers/${workerB}/history`, tokens.e2!)).json().months[0].status, 'unpaid');
    assert.equal((await call('GET', `/api/v1/wages/workers/${workerA}/history`, tokens.otherDest!)).statusCode, 404);
    const audited = await t.database.db.selectFrom('audit_events').select('action').where('action', '=', 'worker.wages.read').execute();
    assert.equal(audited.length, 2);
  });
});
