import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { contractWorld, type ContractWorld, offeredContract, registeredContract } from './test-contracts.js';

const ZERO = '00000000-0000-4000-8000-000000000000';

describe('contract authorization', () => {
  let w: ContractWorld;
  let offered: { id: string; digest: string };
  let accepted: { id: string; digest: string };
  let registered: string;
  let draftId: string;

  before(async () => {
    w = await contractWorld();
    draftId = (await w.call('POST', '/api/v1/contracts', w.employer, { terms: w.terms() })).json().id;
    offered = await offeredContract(w);
    accepted = await offeredContract(w);
    await w.call('GET', `/api/v1/contracts/${accepted.id}?lang=ne`, w.worker);
    await w.call('POST', `/api/v1/contracts/${accepted.id}/accept`, w.worker, { terms_digest: accepted.digest, language: 'ne' });
    registered = await registeredContract(w);
  });
  after(async () => w.t.close());

  it('401 without credentials on every endpoint', async () => {
    const id = offered.id;
    const endpoints: ['GET' | 'POST' | 'PUT', string][] = [
      ['POST', '/api/v1/contracts/check'], ['POST', '/api/v1/contracts'], ['GET', '/api/v1/contracts'], ['GET', `/api/v1/contracts/${id}`],
      ['PUT', `/api/v1/contracts/${id}/terms`],
      ...['offer', 'accept', 'decline', 'approve', 'reject', 'register', 'activate', 'complete', 'terminate', 'withdraw', 'amend']
        .map((a) => ['POST', `/api/v1/contracts/${id}/${a}`] as ['POST', string]),
      ['POST', '/api/v1/corridors/NPL-ARE/health-exceptions'], ['GET', '/api/v1/corridors/NPL-ARE/health-exceptions'],
    ];
    for (const [method, url] of endpoints) {
      const res = await w.call(method, url, undefined, method === 'GET' ? undefined : {});
      assert.equal(res.statusCode, 401, `${method} ${url}`);
    }
  });

  it('403 for a role without the step: an employer approving or registering, a worker offering, an authority drafting', async () => {
    const before = await w.counts();
    const cases: [string, typeof w.employer, unknown?][] = [
      [`/api/v1/contracts/${accepted.id}/approve`, w.employer],
      [`/api/v1/contracts/${accepted.id}/register`, w.employer],
      [`/api/v1/contracts/${offered.id}/accept`, w.employer, { terms_digest: offered.digest, language: 'ne' }],
      [`/api/v1/contracts/${offered.id}/offer`, w.worker],
      [`/api/v1/contracts/${accepted.id}/approve`, w.destination],
      ['/api/v1/contracts', w.origin, { terms: w.terms() }],
      ['/api/v1/contracts/check', w.worker, { terms: w.terms() }],
    ];
    for (const [url, who, payload] of cases) {
      const res = await w.call('POST', url, who, payload);
      assert.equal(res.statusCode, 403, `${url}: ${res.body}`);
      assert.equal(res.json().code, 'forbidden');
    }
    assert.deepEqual(await w.counts(), before);
  });

  it('403 for the platform: it reads every contract but takes no step', async () => {
    assert.equal((await w.call('GET', `/api/v1/contracts/${draftId}`, w.platform)).statusCode, 200);
    assert.equal((await w.call('POST', `/api/v1/contracts/${accepted.id}/approve`, w.platform)).statusCode, 403);
    assert.equal((await w.call('POST', '/api/v1/contracts', w.platform, { terms: w.terms() })).statusCode, 403);
  });

  it("404 for another employer's contract, another worker's, another country's authority", async () => {
    const before = await w.counts();
    const cases: ['GET' | 'POST' | 'PUT', string, typeof w.employer, unknown?][] = [
      ['GET', `/api/v1/contracts/${offered.id}`, w.otherEmployer],
      ['POST', `/api/v1/contracts/${offered.id}/withdraw`, w.otherEmployer, { reason: 'not mine' }],
      ['PUT', `/api/v1/contracts/${draftId}/terms`, w.otherEmployer, { terms: w.terms() }],
      ['GET', `/api/v1/contracts/${offered.id}`, w.otherWorker],
      ['POST', `/api/v1/contracts/${offered.id}/accept`, w.otherWorker, { terms_digest: offered.digest, language: 'ne' }],
      ['POST', `/api/v1/contracts/${offered.id}/decline`, w.otherWorker, { reason: 'not mine' }],
      ['GET', `/api/v1/contracts/${accepted.id}`, w.otherOrigin],
      ['POST', `/api/v1/contracts/${accepted.id}/approve`, w.otherOrigin],
      ['POST', `/api/v1/contracts/${accepted.id}/reject`, w.otherOrigin, { reason: 'not ours' }],
      ['GET', `/api/v1/contracts/${offered.id}`, w.destination],
      ['GET', `/api/v1/contracts/${ZERO}`, w.employer],
      ['GET', '/api/v1/contracts/not-a-uuid', w.employer],
    ];
    for (const [method, url, who, payload] of cases) {
      const res = await w.call(method, url, who, payload);
      assert.equal(res.statusCode, 404, `${method} ${url}: ${res.body}`);
    }
    assert.deepEqual(await w.counts(), before);
  });

  it('409 invalid_transition naming the state', async () => {
    const res = await w.call('POST', `/api/v1/contracts/${offered.id}/activate`, w.employer);
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'invalid_transition');
    assert.equal(res.json().state, 'offered');
    const edit = await w.call('PUT', `/api/v1/contracts/${offered.id}/terms`, w.employer, { terms: w.terms() });
    assert.equal(edit.statusCode, 409, 'offered terms are not edited: withdraw or amend');
    const terminate = await w.call('POST', `/api/v1/contracts/${accepted.id}/terminate`, w.destination, { reason: 'x' });
    assert.equal(terminate.json().state, 'accepted');
  });

  it('422 with pointers for a bad step body, nothing stored', async () => {
    const before = await w.counts();
    const accept = await w.call('POST', `/api/v1/contracts/${offered.id}/accept`, w.worker, { terms_digest: 'nope', language: 'ne', extra: 1 });
    assert.equal(accept.statusCode, 422);
    assert.deepEqual(accept.json().errors.map((e: { pointer: string }) => e.pointer).sort(), ['', '/terms_digest']);
    const reject = await w.call('POST', `/api/v1/contracts/${accepted.id}/reject`, w.origin, { reason: '  ' });
    assert.equal(reject.statusCode, 422);
    assert.equal(reject.json().errors[0].pointer, '/reason');
    assert.deepEqual(await w.counts(), before);
  });

  it('lists what each party may see', async () => {
    const ids = async (who: typeof w.employer, query = '') => {
      const res = await w.call('GET', `/api/v1/contracts${query}`, who);
      assert.equal(res.statusCode, 200, res.body);
      return new Set((res.json().contracts as { id: string }[]).map((c) => c.id));
    };
    const all = [draftId, offered.id, accepted.id, registered];
    assert.deepEqual(await ids(w.employer), new Set(all));
    assert.deepEqual(await ids(w.platform), new Set(all));
    assert.deepEqual(await ids(w.otherEmployer), new Set());
    assert.deepEqual(await ids(w.worker), new Set([offered.id, accepted.id, registered]));
    assert.deepEqual(await ids(w.otherWorker), new Set());
    assert.deepEqual(await ids(w.origin), new Set([offered.id, accepted.id, registered]));
    assert.deepEqual(await ids(w.otherOrigin), new Set());
    assert.deepEqual(await ids(w.destination), new Set([accepted.id, registered]));
    assert.deepEqual(await ids(w.employer, '?status=registered'), new Set([registered]));
    assert.deepEqual(await ids(w.employer, '?corridor=NPL-QAT'), new Set());

    const page = await w.call('GET', '/api/v1/contracts?limit=3', w.employer);
    assert.equal(page.json().contracts.length, 3);
    assert.equal(page.json().next_offset, 3);
    const rest = await w.call('GET', '/api/v1/contracts?limit=3&offset=3', w.employer);
    assert.equal(rest.json().contracts.length, 1);
    assert.equal(rest.json().next_offset, null);
    const summary = rest.json().contracts[0];
    assert.deepEqual(summary.worker, { id: w.worker.id, initials: 'R.B.G.' });
    assert.equal((await w.call('GET', '/api/v1/contracts?status=signed', w.employer)).statusCode, 422);
  });

  it('shows the worker by id and initials only', async () => {
    const res = await w.call('GET', `/api/v1/contracts/${registered}`, w.destination);
    const body = res.body;
    assert.doesNotMatch(body, /Ram Bahadur|Gurung|passport_no|birth_date/);
    assert.match(body, /R\.B\.G\./);
    const employerView = (await w.call('GET', `/api/v1/contracts/${draftId}`, w.employer)).json();
    assert.equal(employerView.versions.length, 1);
    assert.doesNotMatch(JSON.stringify(employerView), /Ram Bahadur|Gurung/);
  });
});
