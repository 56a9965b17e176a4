import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { contractWorld, type Caller, type ContractWorld, offeredContract, registeredContract } from './test-contracts.js';

describe('contracts by stage (GET /api/v1/contracts/stages)', () => {
  let w: ContractWorld;
  before(async () => {
    w = await contractWorld();
    // One draft (only the employer's), one offered, one accepted, one registered.
    const draft = await w.call('POST', '/api/v1/contracts', w.employer, { terms: w.terms() });
    assert.equal(draft.statusCode, 201);
    await offeredContract(w);
    const accepted = await offeredContract(w);
    await w.call('GET', `/api/v1/contracts/${accepted.id}?lang=ne`, w.worker);
    const res = await w.call('POST', `/api/v1/contracts/${accepted.id}/accept`, w.worker, { terms_digest: accepted.digest, language: 'ne' });
    assert.equal(res.statusCode, 200);
    await registeredContract(w);
  });
  after(async () => w.t.close());

  const stages = async (who: Caller, query = '') => {
    const res = await w.call('GET', `/api/v1/contracts/stages${query}`, who);
    return { status: res.statusCode, body: res.json() as { stages: { status: string; contracts: number }[]; total: number } };
  };
  const counted = (body: { stages: { status: string; contracts: number }[] }) =>
    Object.fromEntries(body.stages.filter((s) => s.contracts > 0).map((s) => [s.status, s.contracts]));

  it('the origin authority counts its nationals\' contracts from the offer on, never a draft', async () => {
    const { status, body } = await stages(w.origin);
    assert.equal(status, 200);
    assert.deepEqual(counted(body), { offered: 1, accepted: 1, registered: 1 });
    assert.equal(body.total, 3);
    assert.equal(body.stages.length, 11, 'every status, zeros included, in lifecycle order');
    assert.equal(body.stages[0]!.status, 'draft');
  });

  it('the destination authority counts those in its country from the acceptance on', async () => {
    const { body } = await stages(w.destination);
    assert.deepEqual(counted(body), { accepted: 1, registered: 1 });
    assert.equal(body.total, 2);
  });

  it("another country's authority counts nothing of this side; the platform counts all", async () => {
    assert.equal((await stages(w.otherOrigin)).body.total, 0);
    const platform = await stages(w.platform);
    assert.deepEqual(counted(platform.body), { draft: 1, offered: 1, accepted: 1, registered: 1 });
  });

  it('filters by corridor, and refuses a malformed one with a pointer', async () => {
    assert.equal((await stages(w.origin, '?corridor=NPL-ARE')).body.total, 3);
    assert.equal((await stages(w.origin, '?corridor=IND-QAT')).body.total, 0);
    const bad = await w.call('GET', '/api/v1/contracts/stages?corridor=nepal', w.origin);
    assert.equal(bad.statusCode, 422);
    assert.equal(bad.json().errors[0].pointer, '/corridor');
  });

  it('an employer and a worker are refused (403); no credentials 401', async () => {
    assert.equal((await stages(w.employer)).status, 403);
    assert.equal((await stages(w.worker)).status, 403);
    assert.equal((await w.call('GET', '/api/v1/contracts/stages')).statusCode, 401);
  });
});
