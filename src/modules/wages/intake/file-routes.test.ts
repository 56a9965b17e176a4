import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { type TestApp, startTestApp } from '../../../../test/helpers/app.js';
import { makeOrganisation, makeToken } from '../../../../test/helpers/factories.js';
import { makeAgent, makeEmployer, mandate, SAMPLE_EMPLOYER, SAMPLE_EVP, SAMPLE_INVALID, SAMPLE_VALID, SAMPLES, sif } from '../test-support.js';

const bytes = (name: string) => readFileSync(`${SAMPLES}/${name}`);

describe('POST /api/v1/wages/files (salary file intake)', () => {
  let t: TestApp;
  let agentA: string;
  let agentB: string;
  let employerToken: string;
  let authorityToken: string;
  let employerId: string;
  const ids: Record<string, string> = {};

  const upload = (token: string | undefined, body: Buffer | string, name?: string, query = '') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/wages/files${query}`,
      headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(name ? { 'x-file-name': name } : {}) },
      payload: body,
    });
  const get = (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const recordCount = async () => Number((await t.database.db.selectFrom('salary_records').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  before(async () => {
    t = await startTestApp();
    const db = t.database.db;
    const employer = await makeEmployer(db, SAMPLE_EMPLOYER);
    employerId = employer.id;
    const a = await makeAgent(db);
    const b = await makeAgent(db);
    await mandate(db, employer.id, a.id);
    agentA = await makeToken(db, { organisation_id: a.id, scopes: ['wages:submit', 'wages:read'] });
    agentB = await makeToken(db, { organisation_id: b.id, scopes: ['wages:submit', 'wages:read'] });
    employerToken = await makeToken(db, { organisation_id: employer.id, scopes: ['wages:read', 'wages:mandate'] });
    const authority = await makeOrganisation(db, { kind: 'destination_authority', country: 'ARE' });
    authorityToken = await makeToken(db, { organisation_id: authority.id, scopes: ['wages:read', 'wages:reconcile', 'wages:mandate'] });
  });
  after(async () => t.close());

  it('accepts the valid sample whole: 201, five payments stored with the employer', async () => {
    const res = await upload(agentA, bytes(SAMPLE_VALID), SAMPLE_VALID);
    assert.equal(res.statusCode, 201, res.body);
    const ack = res.json();
    assert.equal(ack.status, 'accepted');
    assert.equal(ack.records, 5);
    assert.equal(ack.total_minor, 792550);
    assert.equal(ack.employer_id, employerId);
    assert.equal(ack.salary_month, '2025-05');
    assert.deepEqual(ack.errors, []);
    ids.valid = ack.id;
    const rows = await t.database.db.selectFrom('salary_records').selectAll().orderBy('line').execute();
    assert.deepEqual(rows.map((r) => [r.person_id, r.paid_minor, r.paid_on, r.month, r.unpaid_leave_days, r.employer_id]), [
      ['99900000000001', 150000, '2025-06-01', '2025-05-01', 0, employerId],
      ['99900000000002', 135000, '2025-06-01', '2025-05-01', 0, employerId],
      ['99900000000003', 200000, '2025-06-01', '2025-05-01', 2, employerId],
      ['99900000000004', 212550, '2025-06-01', '2025-05-01', 0, employerId],
      ['99900000000005', 95000, '2025-06-01', '2025-05-01', 0, employerId],
    ]);
  });

  it('recognises the same bytes as a duplicate: 200, nothing counted again', async () => {
    const res = await upload(agentA, bytes(SAMPLE_VALID), 'resent.SIF');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'duplicate');
    assert.equal(res.json().duplicate_of, ids.valid);
    assert.equal(await recordCount(), 5);
  });

  it('refuses the invalid sample whole with its three errors (422), stores the acknowledgement and no payment', async () => {
    const res = await upload(agentA, bytes(SAMPLE_INVALID), SAMPLE_INVALID);
    assert.equal(res.statusCode, 422, res.body);
    const ack = res.json();
    assert.equal(ack.status, 'rejected');
    assert.deepEqual(ack.errors.map((e: { line: number; field: string }) => `${e.line} ${e.field}`), [
      '2 EDR field 6 (Pay End Date)', '4 EDR field 2 (Employee Unique ID)', '6 SCR field 8 (Total Salary)',
    ]);
    assert.equal(await recordCount(), 5);
    const stored = await get(agentA, `/api/v1/wages/files/${ack.id}`);
    assert.equal(stored.statusCode, 200);
    assert.equal(stored.json().errors.length, 3);
    assert.match(stored.json().errors[2].message, /8025\.50/);
  });

  it('applies bank profiles from the query: the EVP sample is refused strict, accepted with profiles=evp', async () => {
    const strict = await upload(agentA, bytes(SAMPLE_EVP), SAMPLE_EVP);
    assert.equal(strict.json().status, 'rejected');
    const evp = await upload(agentA, bytes(SAMPLE_EVP), undefined, `?name=${SAMPLE_EVP}&profiles=evp`);
    assert.equal(evp.statusCode, 201, evp.body);
    assert.equal(evp.json().file_name, SAMPLE_EVP);
    assert.equal(await recordCount(), 10);
  });

  it("refuses a file for an employer that did not mandate the agent, as it refuses an unknown employer", async () => {
    const other = sif({ employer: SAMPLE_EMPLOYER, month: '2025-06', createdOn: '2025-07-01', rows: [{ person: '99900000000001', fixed: '1500.00' }] });
    const res = await upload(agentB, Buffer.from(other.text), other.name);
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().status, 'rejected');
    assert.equal(res.json().employer_id, null);
    assert.match(res.json().errors[0].message, /not registered in Corridor or has not mandated your organisation/);
    const unknown = sif({ employer: '0000009990002', month: '2025-06', createdOn: '2025-07-01', rows: [{ person: '99900000000001', fixed: '1500.00' }] });
    const res2 = await upload(agentA, Buffer.from(unknown.text), unknown.name);
    assert.equal(res2.statusCode, 422);
    assert.deepEqual(res2.json().errors.map((e: { field: string; message: string }) => e.message.replace('0000009990002', 'X')), [
      res.json().errors[0].message.replace(SAMPLE_EMPLOYER, 'X'),
    ]);
    // Even resending the bytes of the employer's accepted file does not tell B it was received.
    const dup = await upload(agentB, bytes(SAMPLE_VALID), SAMPLE_VALID);
    assert.equal(dup.json().status, 'rejected');
    assert.equal(await recordCount(), 10);
  });

  it('lists acknowledgements by view: the agent its own, the employer its own, another agent none of them (404)', async () => {
    const mine = (await get(agentA, '/api/v1/wages/files')).json().files;
    assert.equal(mine.length, 6);
    const employer = (await get(employerToken, '/api/v1/wages/files')).json().files;
    assert.deepEqual(employer.map((f: { status: string }) => f.status).sort(), ['accepted', 'accepted', 'duplicate', 'rejected', 'rejected']);
    const authority = (await get(authorityToken, '/api/v1/wages/files?status=accepted')).json().files;
    assert.equal(authority.length, 2);
    assert.equal((await get(agentB, `/api/v1/wages/files/${ids.valid}`)).statusCode, 404);
    assert.equal((await get(agentB, '/api/v1/wages/files/not-a-uuid')).statusCode, 404);
    assert.equal((await get(agentB, '/api/v1/wages/files')).json().files.length, 2);
  });

  it('needs a token with wages:submit (401 without credentials, 403 for an employer token)', async () => {
    assert.equal((await upload(undefined, bytes(SAMPLE_VALID), SAMPLE_VALID)).statusCode, 401);
    assert.equal((await upload(employerToken, bytes(SAMPLE_VALID), SAMPLE_VALID)).statusCode, 403);
  });

  it('lets the employer mandate an agent, and refuses another employer as not found', async () => {
    const c = await makeAgent(t.database.db);
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/wages/mandates', headers: { authorization: `Bearer ${employerToken}` }, payload: { employer_id: employerId, agent_id: c.id },
    });
    assert.equal(res.statusCode, 201, res.body);
    const stranger = await makeEmployer(t.database.db);
    const res2 = await t.app.inject({
      method: 'POST', url: '/api/v1/wages/mandates', headers: { authorization: `Bearer ${employerToken}` }, payload: { employer_id: stranger.id, agent_id: c.id },
    });
    assert.equal(res2.statusCode, 404);
  });
});
