import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CLI_ACTOR } from '../../../core/auth/actor.js';
import { type TestApp, startTestApp } from '../../../../test/helpers/app.js';
import { makeOrganisation, makeToken, makeUser, signIn, type SignedIn } from '../../../../test/helpers/factories.js';
import { reconcileMonth } from '../reconcile/reconcile-month.js';
import { makeCorridor, makeEmployer, makeRegisteredContract } from '../test-support.js';

describe('wage follow-up routes: run, escalations, justification, response, compliance, rights', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const workers: Record<string, string> = {};
  const as: Record<string, SignedIn> = {};
  let caseA: string;
  let caseD: string;

  const call = (method: 'GET' | 'POST', url: string, who: string | SignedIn | null, payload?: object) =>
    t.app.inject({ method, url, payload, headers: who === null ? {} : typeof who === 'string' ? { authorization: `Bearer ${who}` } : who.headers() });
  const list = async (who: string | SignedIn) => (await call('GET', '/api/v1/wages/escalations', who)).json().escalations as { id: string; worker_id: string; state: string }[];

  before(async () => {
    t = await startTestApp();
    const db = t.database.db;
    await makeCorridor(db);
    const e1 = await makeEmployer(db);
    const e2 = await makeEmployer(db);
    const c = (employerId: string, personId: string, start: string) => makeRegisteredContract(db, { employerId, personId, start, end: '2026-12-31', monthly: 150000 });
    workers.a = (await c(e1.id, '99900000004001', '2025-05-01')).workerId;
    workers.b = (await c(e1.id, '99900000004002', '2025-03-01')).workerId; // three months owed
    workers.d = (await c(e2.id, '99900000004004', '2025-05-01')).workerId;
    for (const period of ['2025-03', '2025-04', '2025-05']) await reconcileMonth(db, CLI_ACTOR, { period, as_of: '2025-07-10' });
    tokens.e1 = await makeToken(db, { organisation_id: e1.id, scopes: ['wages:read', 'wages:justify'] });
    tokens.e2 = await makeToken(db, { organisation_id: e2.id, scopes: ['wages:read', 'wages:justify'] });
    const dest = await makeOrganisation(db, { kind: 'destination_authority', country: 'ARE' });
    tokens.dest = await makeToken(db, { organisation_id: dest.id, scopes: ['wages:read', 'wages:reconcile'] });
    const origin = await makeOrganisation(db, { kind: 'origin_authority', country: 'NPL' });
    tokens.origin = await makeToken(db, { organisation_id: origin.id, scopes: ['wages:read'] });
    const otherDest = await makeOrganisation(db, { kind: 'destination_authority', country: 'QAT' });
    tokens.otherDest = await makeToken(db, { organisation_id: otherDest.id, scopes: ['wages:read', 'wages:reconcile'] });
    for (const w of ['a', 'b', 'd']) as[w] = await signIn(t, await makeUser(db, { role: 'worker', worker_id: workers[w] }));
    as.admin = await signIn(t, await makeUser(db, { role: 'platform_admin' }));
  });
  after(async () => t.close());

  it('the destination authority (or the platform) runs the follow-up; others may not', async () => {
    assert.equal((await call('POST', '/api/v1/wages/follow-up/run', null, { as_of: '2025-07-10' })).statusCode, 401);
    assert.equal((await call('POST', '/api/v1/wages/follow-up/run', tokens.e1!, { as_of: '2025-07-10' })).statusCode, 403);
    assert.equal((await call('POST', '/api/v1/wages/follow-up/run', tokens.origin!, { as_of: '2025-07-10' })).statusCode, 403);
    assert.equal((await call('POST', '/api/v1/wages/follow-up/run', as.a!, { as_of: '2025-07-10' })).statusCode, 403);
    const other = await call('POST', '/api/v1/wages/follow-up/run', tokens.otherDest!, { as_of: '2025-07-10' });
    assert.equal(other.json().opened, 0, 'another country: none of its employers');
    const res = await call('POST', '/api/v1/wages/follow-up/run', tokens.dest!, { as_of: '2025-07-10' });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual([res.json().opened, res.json().suspensions_started, res.json().change_of_employer_rights], [5, 1, 1]);
    assert.equal((await call('POST', '/api/v1/wages/follow-up/run', tokens.dest!, { as_of: 'someday' })).statusCode, 422);
  });

  it('lists cases within each view', async () => {
    assert.equal((await call('GET', '/api/v1/wages/escalations', null)).statusCode, 401);
    assert.equal((await list(tokens.dest!)).length, 5);
    assert.equal((await list(tokens.origin!)).length, 5, 'its nationals');
    assert.equal((await list(tokens.otherDest!)).length, 0);
    assert.equal((await list(tokens.e1!)).length, 4);
    assert.equal((await list(tokens.e2!)).length, 1);
    const own = await list(as.a!);
    assert.deepEqual(own.map((e) => e.worker_id), [workers.a]);
    caseA = own[0]!.id;
    caseD = (await list(as.d!))[0]!.id;
  });

  it('only the employer files a justification, on its own case', async () => {
    const body = { category: 'bank_error', text: 'The bank returned the transfer; paid again on 12 July' };
    const url = `/api/v1/wages/escalations/${caseA}/justification`;
    assert.equal((await call('POST', url, null, body)).statusCode, 401);
    assert.equal((await call('POST', url, tokens.dest!, body)).statusCode, 403);
    assert.equal((await call('POST', url, as.a!, body)).statusCode, 403);
    assert.equal((await call('POST', url, tokens.e2!, body)).statusCode, 404, "another employer's case");
    assert.equal((await call('POST', `/api/v1/wages/escalations/nope/justification`, tokens.e1!, body)).statusCode, 404);
    assert.equal((await call('POST', url, tokens.e1!, { category: 'weather', text: 'x' })).statusCode, 422);
    const res = await call('POST', url, tokens.e1!, body);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().justification.category, 'bank_error');
    assert.equal((await call('POST', url, tokens.e1!, body)).statusCode, 409, 'one waits for the answer');
  });

  it('only the worker answers; contesting keeps the case on the ladder, accepting closes it', async () => {
    const url = `/api/v1/wages/escalations/${caseA}/response`;
    assert.equal((await call('POST', url, null, { response: 'accept' })).statusCode, 401);
    assert.equal((await call('POST', url, tokens.e1!, { response: 'accept' })).statusCode, 403);
    assert.equal((await call('POST', url, as.admin!, { response: 'accept' })).statusCode, 403, 'not even the platform');
    assert.equal((await call('POST', url, as.d!, { response: 'accept' })).statusCode, 404, "another worker's case");
    assert.equal((await call('POST', `/api/v1/wages/escalations/${caseD}/response`, as.d!, { response: 'accept' })).statusCode, 409, 'nothing to answer');
    const contested = await call('POST', url, as.a!, { response: 'contest', comment: 'Nothing arrived' });
    assert.equal(contested.statusCode, 200, contested.body);
    assert.deepEqual([contested.json().state, contested.json().justification.worker_response, contested.json().justification.worker_language], ['open', 'contest', 'en']);
    const ladder = await call('POST', '/api/v1/wages/follow-up/run', tokens.dest!, { as_of: '2025-07-20' });
    assert.equal(ladder.statusCode, 200);
    const [still] = (await call('GET', '/api/v1/wages/escalations?state=open', as.a!)).json().escalations;
    assert.equal(still.step, 'inspection', 'contested: it went on up the ladder');
    const again = await call('POST', `/api/v1/wages/escalations/${caseA}/justification`, tokens.e1!, { category: 'other', text: 'Paid in cash on 1 July' });
    assert.equal(again.statusCode, 200, 'after a contest the employer may explain again');
    const accepted = await call('POST', url, as.a!, { response: 'accept', comment: 'Yes, I got it' });
    assert.deepEqual([accepted.json().state, accepted.json().resolution], ['closed', 'justified']);
    await call('POST', '/api/v1/wages/follow-up/run', tokens.dest!, { as_of: '2025-07-25' });
    assert.equal((await list(as.a!))[0]!.state, 'closed', 'the ladder leaves an accepted justification closed');
    assert.equal((await call('POST', url, as.a!, { response: 'contest' })).statusCode, 409);
  });

  it('reports compliance per employer and month within the view', async () => {
    assert.equal((await call('GET', '/api/v1/wages/compliance?period=2025-05', null)).statusCode, 401);
    const own = (await call('GET', '/api/v1/wages/compliance?period=2025-05', tokens.e1!)).json().months;
    assert.equal(own.length, 1);
    assert.deepEqual([own[0].contracts, own[0].paid, own[0].compliance, own[0].suspended], [2, 0, 0, true]);
    assert.equal((await call('GET', '/api/v1/wages/compliance?period=2025-05', tokens.dest!)).json().months.length, 2);
    assert.equal((await call('GET', '/api/v1/wages/compliance', tokens.dest!)).json().months.length, 4, 'every month');
    assert.equal((await call('GET', '/api/v1/wages/compliance?period=2025-05', tokens.otherDest!)).json().months.length, 0);
    assert.equal((await call('GET', '/api/v1/wages/compliance?period=2025-13', tokens.dest!)).statusCode, 422);
  });

  it('shows the right to change employer to the worker and both authorities only', async () => {
    const rights = (who: string | SignedIn) => call('GET', '/api/v1/wages/change-of-employer-rights', who);
    assert.deepEqual((await rights(as.b!)).json().rights.map((r: { worker_id: string; months: string[] }) => [r.worker_id, r.months]), [[workers.b, ['2025-03', '2025-04', '2025-05']]]);
    assert.equal((await rights(as.a!)).json().rights.length, 0);
    assert.equal((await rights(tokens.dest!)).json().rights.length, 1);
    assert.equal((await rights(tokens.origin!)).json().rights.length, 1);
    assert.equal((await rights(tokens.otherDest!)).json().rights.length, 0);
    assert.equal((await rights(tokens.e1!)).statusCode, 403);
    assert.equal((await call('GET', '/api/v1/wages/change-of-employer-rights', null)).statusCode, 401);
  });
});
