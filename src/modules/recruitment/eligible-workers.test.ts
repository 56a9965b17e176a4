import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeWorker } from '../../../test/helpers/factories.js';
import { offeredContract, registeredContract } from '../contracts/test-contracts.js';
import type { Caller } from '../contracts/test-contracts.js';
import { recruitmentWorld, type RecruitmentWorld } from './test-recruitment.js';

const URL = '/api/v1/recruitment/eligible-workers';

describe('the workers an employer may contract, found by name (GET /recruitment/eligible-workers)', () => {
  let w: RecruitmentWorld;
  const ids: Record<string, string> = {};

  /** A worker registered by the agency, with a candidate profile, under a name the test can search for. */
  async function candidate(agency: Caller, fullName: string, passport: string): Promise<{ worker_id: string; candidate_id: string }> {
    const worker = await makeWorker(w.db, { full_name: fullName, nationality: 'NPL', registered_by: agency.id, passport_no: passport });
    const res = await w.call('POST', '/api/v1/recruitment/candidates', agency, { worker_id: worker.id, occupation_isco: '7112', skills: ['bricklaying'] });
    assert.equal(res.statusCode, 201, res.body);
    return { worker_id: worker.id, candidate_id: res.json().id };
  }

  async function select(jobId: string, who: Caller, candidateId: string) {
    const res = await w.call('POST', `/api/v1/recruitment/job-orders/${jobId}/selections`, who, { candidate_id: candidateId });
    assert.equal(res.statusCode, 201, res.body);
  }

  before(async () => {
    w = await recruitmentWorld();
    const jobId = await w.verifiedJobOrder();
    // Selected by the employer (the contract is offered at once) and by the origin agency (not offered yet).
    const dawa = await candidate(w.agency, 'Dawa Lama', 'PA7770001');
    const nirmala = await candidate(w.agency, 'Nirmala Karki', 'PA7770002');
    await select(jobId, w.employer, dawa.candidate_id);
    await select(jobId, w.agency, nirmala.candidate_id);
    ids.dawa = dawa.worker_id;
    ids.nirmala = nirmala.worker_id;
    // Under contract with the employer (accepted, approved, registered): the account's worker, Ram Bahadur Gurung.
    await registeredContract(w);
    ids.ram = w.worker.id;
    // Offered a contract but has not accepted it: not (yet) under contract.
    await offeredContract(w, { worker_id: w.otherWorker.id });
    // Another employer's job order and its selection.
    const posted = await w.call('POST', '/api/v1/recruitment/job-orders', w.otherEmployer, w.jobOrderBody({ terms: { employer_id: w.otherEmployer.id } }));
    assert.equal(posted.statusCode, 201, posted.body);
    assert.equal((await w.call('POST', `/api/v1/recruitment/job-orders/${posted.json().id}/verify`, w.origin)).statusCode, 200);
    const kamal = await candidate(w.agency, 'Kamal Thapa', 'PA7770003');
    await select(posted.json().id, w.otherEmployer, kamal.candidate_id);
    ids.kamal = kamal.worker_id;
    // A worker nobody selected or contracted.
    ids.stranger = (await makeWorker(w.db, { full_name: 'Dawa Sherpa', nationality: 'NPL', registered_by: w.agency.id })).id;
  });
  after(async () => w.t.close());

  it('lists the workers selected for its job orders and those under contract with it, by name, with nothing else', async () => {
    const res = await w.call('GET', URL, w.employer);
    assert.equal(res.statusCode, 200, res.body);
    const workers = res.json().workers as Record<string, unknown>[];
    assert.deepEqual(workers.map((x) => x.full_name), ['Dawa Lama', 'Nirmala Karki', 'Ram Bahadur Gurung']);
    assert.deepEqual(workers.map((x) => x.id), [ids.dawa, ids.nirmala, ids.ram]);
    assert.deepEqual(workers[0], { id: ids.dawa, full_name: 'Dawa Lama', nationality: 'NPL', passport_last4: '0001' });
    for (const x of workers) assert.deepEqual(Object.keys(x).sort(), ['full_name', 'id', 'nationality', 'passport_last4']);
    assert.ok(!res.body.includes('PA7770001'), 'never the whole passport number');
  });

  it('finds by part of the name in any case; % and _ are plain characters; one worker by id', async () => {
    const dawa = await w.call('GET', `${URL}?q=${encodeURIComponent('  dAWA ')}`, w.employer);
    assert.deepEqual(dawa.json().workers.map((x: { id: string }) => x.id), [ids.dawa], 'Dawa Sherpa (not selected) never appears');
    assert.deepEqual((await w.call('GET', `${URL}?q=${encodeURIComponent('%')}`, w.employer)).json().workers, []);
    assert.deepEqual((await w.call('GET', `${URL}?q=a_a`, w.employer)).json().workers, []);
    assert.deepEqual((await w.call('GET', `${URL}?limit=1`, w.employer)).json().workers.map((x: { id: string }) => x.id), [ids.dawa]);
    const one = await w.call('GET', `${URL}?worker_id=${ids.ram}`, w.employer);
    assert.deepEqual(one.json().workers.map((x: { id: string }) => x.id), [ids.ram]);
  });

  it("never shows another employer's selected workers, nor a worker only offered a contract", async () => {
    const other = await w.call('GET', URL, w.otherEmployer);
    assert.equal(other.statusCode, 200, other.body);
    assert.deepEqual(other.json().workers.map((x: { id: string }) => x.id), [ids.kamal]);
    assert.deepEqual((await w.call('GET', `${URL}?worker_id=${ids.kamal}`, w.employer)).json().workers, []);
    assert.deepEqual((await w.call('GET', `${URL}?worker_id=${w.otherWorker.id}`, w.employer)).json().workers, []);
    assert.deepEqual((await w.call('GET', `${URL}?worker_id=${ids.stranger}`, w.employer)).json().workers, []);
  });

  it('is refused to a worker, an agency (even the job order\u2019s own), the authorities and the platform; 401 without credentials', async () => {
    for (const [who, name] of [[w.worker, 'worker'], [w.agency, 'origin agency'], [w.destinationAgency, 'destination agency'], [w.origin, 'origin authority'], [w.destination, 'destination authority'], [w.platform, 'platform']] as const) {
      const res = await w.call('GET', URL, who);
      assert.equal(res.statusCode, 403, `${name}: ${res.body}`);
      assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
    }
    assert.equal((await w.call('GET', URL)).statusCode, 401);
  });

  it('refuses bad input with 422 and a pointer', async () => {
    for (const query of ['limit=0', 'limit=201', 'worker_id=not-a-uuid', `q=${'x'.repeat(101)}`]) {
      const res = await w.call('GET', `${URL}?${query}`, w.employer);
      assert.equal(res.statusCode, 422, `${query}: ${res.body}`);
      assert.ok(res.json().errors?.length > 0, res.body);
    }
  });

  it('audits the read of personal data for the employer and the workers\u2019 origin authority', async () => {
    const before = Number((await w.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).where('action', '=', 'workers.eligible.listed').executeTakeFirstOrThrow()).n);
    await w.call('GET', `${URL}?q=nirmala`, w.employer);
    const event = await w.db.selectFrom('audit_events').selectAll().where('action', '=', 'workers.eligible.listed').orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(Number((await w.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).where('action', '=', 'workers.eligible.listed').executeTakeFirstOrThrow()).n), before + 1);
    assert.deepEqual(event.scope_organisation_ids, [w.employer.id]);
    assert.deepEqual(event.scope_countries, ['NPL']);
    assert.equal(event.subject_id, ids.nirmala);
    assert.ok(!JSON.stringify(event.details).includes('Nirmala'), 'the search words are not kept');
  });
});
