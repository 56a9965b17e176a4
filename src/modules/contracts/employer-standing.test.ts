import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { contractWorld, type ContractWorld } from './test-contracts.js';

describe('an employer suspended for unpaid wages', () => {
  let w: ContractWorld;
  let draftId: string;
  before(async () => {
    w = await contractWorld();
    const draft = await w.call('POST', '/api/v1/contracts', w.employer, { terms: w.terms() });
    assert.equal(draft.statusCode, 201, draft.body);
    draftId = draft.json().id;
    // What the wage follow-up run records after two months owed.
    await sql`INSERT INTO wage_suspensions (employer_id, started_on, months) VALUES (${w.employer.id}, DATE '2026-01-01', ARRAY[DATE '2025-11-01', DATE '2025-12-01'])`.execute(w.db);
  });
  after(async () => w.t.close());

  it('can neither draft nor offer new contracts (409), and nothing is stored', async () => {
    const before = await w.counts();
    const draft = await w.call('POST', '/api/v1/contracts', w.employer, { terms: w.terms() });
    assert.equal(draft.statusCode, 409);
    assert.equal(draft.json().reason, 'employer_wage_suspension');
    const offer = await w.call('POST', `/api/v1/contracts/${draftId}/offer`, w.employer);
    assert.equal(offer.statusCode, 409);
    assert.deepEqual(await w.counts(), before);
  });

  it('is free again once the suspension is lifted', async () => {
    await sql`UPDATE wage_suspensions SET lifted_on = DATE '2026-02-01' WHERE employer_id = ${w.employer.id}`.execute(w.db);
    const offer = await w.call('POST', `/api/v1/contracts/${draftId}/offer`, w.employer);
    assert.equal(offer.statusCode, 200, offer.body);
  });

  it('does not touch other employers', async () => {
    await sql`INSERT INTO wage_suspensions (employer_id, started_on, months) VALUES (${w.employer.id}, DATE '2026-03-01', ARRAY[DATE '2026-01-01'])`.execute(w.db);
    const terms = w.terms({ employer_id: w.otherEmployer.id });
    const draft = await w.call('POST', '/api/v1/contracts', w.otherEmployer, { terms });
    assert.equal(draft.statusCode, 201, draft.body);
  });
});
