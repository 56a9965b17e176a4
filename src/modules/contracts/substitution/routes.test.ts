import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { makeRegisteredContract, type MadeContract } from '../../../../test/helpers/contracts.js';
import { makeOrganisation, makeToken, makeUser, signIn } from '../../../../test/helpers/factories.js';
import type { Scope } from '../../../core/auth/scopes.js';

describe('substitution check', () => {
  let t: TestApp;
  let contract: MadeContract;
  let employer: Record<string, string>;
  const tokenFor = async (kind: 'employer' | 'origin_authority' | 'destination_authority', country: string, scopes: Scope[], id?: string) => ({
    authorization: `Bearer ${await makeToken(t.database, { organisation_id: id ?? (await makeOrganisation(t.database, { kind, country })).id, scopes })}`,
  });
  const reports = async (headers: Record<string, string>) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/contracts/substitution-checks?contract_no=${contract.contract_no}`, headers });
    assert.equal(res.statusCode, 200);
    return res.json().reports as { report_id: string }[];
  };
  const check = (headers: Record<string, string>, terms: unknown, contractNo = contract.contract_no) =>
    t.app.inject({ method: 'POST', url: '/api/v1/contracts/substitution-checks', headers, payload: { contract_no: contractNo, terms } });
  const count = async () => Number((await t.database.db.selectFrom('substitution_reports').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  before(async () => {
    t = await startTestApp();
    contract = await makeRegisteredContract(t.database);
    employer = await tokenFor('employer', 'ARE', ['contracts:read'], contract.employer_id);
  });
  after(async () => t.close());

  it('finds nothing in the registered terms themselves', async () => {
    const res = await check(employer, contract.terms);
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().identical, true);
    assert.deepEqual(res.json().findings, []);
  });

  it('lists every worse term, reports it once, and shows it to both authorities and the worker', async () => {
    const worse = { ...contract.terms, hours_per_week: 60, wage: { ...contract.terms.wage, basic_monthly_minor: 110000 } };
    const res = await check(employer, worse);
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.substitution, true);
    assert.deepEqual(body.findings.map((f: { term: string }) => f.term).sort(), ['/hours_per_week', '/wage/basic_monthly_minor']);
    const before = await count();
    const again = await check(employer, worse);
    assert.equal(again.json().report_id, body.report_id);
    assert.equal(await count(), before);

    const origin = await tokenFor('origin_authority', 'NPL', ['contracts:read']);
    const destination = await tokenFor('destination_authority', 'ARE', ['contracts:read']);
    for (const headers of [origin, destination]) assert.ok((await reports(headers)).some((r) => r.report_id === body.report_id));
    const worker = await makeUser(t.database, { role: 'worker', worker_id: contract.worker_id });
    const session = await signIn(t, worker);
    assert.ok((await reports(session.headers())).some((r) => r.report_id === body.report_id));
  });

  it('keeps reports from other employers, other workers and third countries', async () => {
    const otherEmployer = await tokenFor('employer', 'ARE', ['contracts:read']);
    assert.deepEqual(await reports(otherEmployer), []);
    assert.equal((await check(otherEmployer, contract.terms)).statusCode, 404);
    const thirdCountry = await tokenFor('origin_authority', 'BGD', ['contracts:read']);
    assert.deepEqual(await reports(thirdCountry), []);
    assert.equal((await check(thirdCountry, contract.terms)).statusCode, 404);
    const otherWorker = await makeUser(t.database, { role: 'worker' });
    assert.deepEqual(await reports((await signIn(t, otherWorker)).headers()), []);
  });

  it('refuses malformed terms with pointers and stores nothing', async () => {
    const before = await count();
    const res = await check(employer, { ...contract.terms, hours_per_week: 'forty', wage: { ...contract.terms.wage, currency: 'aed' } });
    assert.equal(res.statusCode, 422);
    const pointers = res.json().errors.map((e: { pointer: string }) => e.pointer).sort();
    assert.deepEqual(pointers, ['/hours_per_week', '/wage/currency']);
    assert.equal(await count(), before);
  });

  it('answers 401 without credentials, 403 without the scope, 404 for an unknown number', async () => {
    assert.equal((await check({}, contract.terms)).statusCode, 401);
    assert.equal((await check(await tokenFor('employer', 'ARE', ['reference:read'], contract.employer_id), contract.terms)).statusCode, 403);
    assert.equal((await check(employer, contract.terms, 'NPL-ARE-NOPE')).statusCode, 404);
  });
});
