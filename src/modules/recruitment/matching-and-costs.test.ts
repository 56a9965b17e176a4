import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { makeWorker } from '../../../test/helpers/factories.js';
import { makeRegisteredContract } from '../../../test/helpers/contracts.js';
import { recruitmentWorld, type RecruitmentWorld } from './test-recruitment.js';

describe('matching, selection, costs, breaches, SDG 10.7.1 and ratings', () => {
  let w: RecruitmentWorld;
  let jobId: string;
  const c: Record<string, { worker_id: string; candidate_id: string }> = {};
  let selfCandidate: string;
  let contractId: string;
  let agencyContractId: string;
  before(async () => {
    w = await recruitmentWorld();
    jobId = await w.verifiedJobOrder({ positions: 2 });
    c.a = await w.agencyCandidate(w.agency, { skills: ['bricklaying', 'plastering'], languages: ['en', 'ar'], certificates: ['ctevt-mason-l1'] });
    c.b = await w.agencyCandidate(w.agency, { skills: ['bricklaying'] });
    c.c = await w.agencyCandidate(w.agency, { occupation_isco: '7113', skills: ['bricklaying', 'plastering', 'scaffolding'], languages: ['en'], certificates: ['ctevt-mason-l1'] });
    c.d = await w.agencyCandidate(w.otherAgency, { skills: ['bricklaying', 'plastering', 'scaffolding'], languages: ['en', 'ar'], certificates: ['ctevt-mason-l1'] });
    c.f = await w.agencyCandidate(w.agency, { occupation_isco: '9313', skills: ['bricklaying'] });
    const self = await w.call('POST', '/api/v1/recruitment/candidates', w.worker, { occupation_isco: '7112', skills: ['Bricklaying', 'plastering', 'scaffolding'], languages: ['en', 'ne'] });
    assert.equal(self.statusCode, 201, self.body);
    selfCandidate = self.json().id;
  });
  after(async () => w.t.close());

  it('candidates: an agency registers only workers it registered and sees only its own; a worker their own profile', async () => {
    const stranger = await makeWorker(w.db, { nationality: 'NPL', registered_by: w.otherAgency.id });
    const res = await w.call('POST', '/api/v1/recruitment/candidates', w.agency, { worker_id: stranger.id, occupation_isco: '7112' });
    assert.equal(res.statusCode, 404);
    const own = await w.call('GET', '/api/v1/recruitment/candidates', w.agency);
    assert.deepEqual(new Set(own.json().candidates.map((x: { id: string }) => x.id)), new Set([c.a!.candidate_id, c.b!.candidate_id, c.c!.candidate_id, c.f!.candidate_id]));
    const other = await w.call('GET', '/api/v1/recruitment/candidates', w.otherAgency);
    assert.deepEqual(other.json().candidates.map((x: { id: string }) => x.id), [c.d!.candidate_id]);
    const mine = await w.call('GET', '/api/v1/recruitment/candidates', w.worker);
    assert.deepEqual(mine.json().candidates.map((x: { id: string }) => x.id), [selfCandidate]);
    assert.deepEqual(mine.json().candidates[0].skills, ['bricklaying', 'plastering', 'scaffolding']);
  });

  it('the shortlist ranks the pool by occupation, skills, certificates and languages, with a reason per rank', async () => {
    const res = await w.call('GET', `/api/v1/recruitment/job-orders/${jobId}/shortlist`, w.employer);
    assert.equal(res.statusCode, 200, res.body);
    const list = res.json().candidates as { candidate_id: string; score: number; rank: number; reasons: string[] }[];
    // The other agency's candidate and the one outside the minor group 711 are not in the pool.
    assert.deepEqual(list.map((e) => e.candidate_id), [c.a!.candidate_id, selfCandidate, c.b!.candidate_id, c.c!.candidate_id]);
    assert.deepEqual(list.map((e) => e.score), [140, 135, 110, 45]);
    assert.deepEqual(list[0]!.reasons, [
      'same occupation (ISCO 7112)',
      'skills: 2 of 3 (bricklaying, plastering); missing scaffolding',
      'certificates: 1 of 1 (ctevt-mason-l1)',
      'languages: 2 of 2 (en, ar)',
    ]);
    assert.match(list[3]!.reasons[0]!, /related occupation \(ISCO 7113/);
    const agency = await w.call('GET', `/api/v1/recruitment/job-orders/${jobId}/shortlist?limit=2`, w.agency);
    assert.equal(agency.json().candidates.length, 2);
    assert.equal((await w.call('GET', `/api/v1/recruitment/job-orders/${jobId}/shortlist`, w.otherAgency)).statusCode, 404);
    assert.equal((await w.call('GET', `/api/v1/recruitment/job-orders/${jobId}/shortlist`, w.otherEmployer)).statusCode, 404);
    assert.equal((await w.call('GET', `/api/v1/recruitment/job-orders/${jobId}/shortlist`, w.worker)).statusCode, 403);
  });

  it("the employer's selection offers the worker a contract from the job order's terms, linked to it", async () => {
    const res = await w.call('POST', `/api/v1/recruitment/job-orders/${jobId}/selections`, w.employer, { candidate_id: selfCandidate });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().rank, 2);
    assert.equal(res.json().contract_status, 'offered');
    contractId = res.json().contract_id;
    const row = await w.db.selectFrom('contracts').select(['job_order_id', 'worker_id']).where('id', '=', contractId).executeTakeFirstOrThrow();
    assert.deepEqual(row, { job_order_id: jobId, worker_id: w.worker.id });
    const contract = await w.call('GET', `/api/v1/contracts/${contractId}?lang=ne`, w.worker);
    assert.equal(contract.statusCode, 200, contract.body);
    const digest = contract.json().versions.at(-1).terms_digest;
    assert.equal(contract.json().versions.at(-1).terms.recruitment_agency_id, w.agency.id);
    const accept = await w.call('POST', `/api/v1/contracts/${contractId}/accept`, w.worker, { terms_digest: digest, language: 'ne' });
    assert.equal(accept.statusCode, 200, accept.body);
  });

  it("the agency's selection waits for the employer's offer; positions are not exceeded", async () => {
    const res = await w.call('POST', `/api/v1/recruitment/job-orders/${jobId}/selections`, w.agency, { candidate_id: c.a!.candidate_id });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().contract_id, null);
    assert.equal((await w.call('POST', `/api/v1/recruitment/selections/${res.json().id}/offer`, w.agency)).statusCode, 403);
    assert.equal((await w.call('POST', `/api/v1/recruitment/selections/${res.json().id}/offer`, w.otherEmployer)).statusCode, 404);
    const offer = await w.call('POST', `/api/v1/recruitment/selections/${res.json().id}/offer`, w.employer);
    assert.equal(offer.statusCode, 200, offer.body);
    assert.equal(offer.json().contract_status, 'offered');
    agencyContractId = offer.json().contract_id;
    const full = await w.call('POST', `/api/v1/recruitment/job-orders/${jobId}/selections`, w.employer, { candidate_id: c.b!.candidate_id });
    assert.equal(full.statusCode, 409);
    assert.equal(full.json().reason, 'positions_filled');
    const foreign = await w.call('POST', `/api/v1/recruitment/job-orders/${jobId}/selections`, w.otherAgency, { candidate_id: c.d!.candidate_id });
    assert.equal(foreign.statusCode, 404);
  });

  it('costs in an unknown currency or category, negative amounts or without a needed rate: 422 with a pointer, nothing stored', async () => {
    const before = await w.recruitmentCounts();
    const cases: [unknown, string][] = [
      [{ category: 'recruitment_fee', amount_minor: 100, currency: 'XYZ' }, '/items/0/currency'],
      [{ category: 'bribe', amount_minor: 100, currency: 'AED' }, '/items/0/category'],
      [{ category: 'medical', amount_minor: -5, currency: 'AED' }, '/items/0/amount_minor'],
      [{ category: 'medical', amount_minor: 500, currency: 'NPR' }, '/items/0/rate_to_wage_currency'],
    ];
    for (const [item, pointer] of cases) {
      const res = await w.call('POST', '/api/v1/recruitment/costs', w.worker, { contract_id: contractId, items: [item] });
      assert.equal(res.statusCode, 422, `${pointer}: ${res.body}`);
      assert.ok(res.json().errors.some((e: { pointer: string }) => e.pointer === pointer), res.body);
    }
    assert.deepEqual(await w.recruitmentCounts(), before);
  });

  it('only the worker and the origin agency declare, each for their own contract', async () => {
    const item = { category: 'medical', amount_minor: 100, currency: 'AED' };
    assert.equal((await w.call('POST', '/api/v1/recruitment/costs', w.otherWorker, { contract_id: contractId, items: [item] })).statusCode, 404);
    assert.equal((await w.call('POST', '/api/v1/recruitment/costs', w.otherAgency, { contract_id: contractId, items: [item] })).statusCode, 404);
    assert.equal((await w.call('POST', '/api/v1/recruitment/costs', w.employer, { contract_id: contractId, items: [item] })).statusCode, 403);
  });

  it('the worker and the agency declare separately; the difference goes to the origin authority; above the cap is a breach against both liable parties', async () => {
    const worker = await w.call('POST', '/api/v1/recruitment/costs', w.worker, {
      contract_id: contractId,
      items: [
        { category: 'recruitment_fee', amount_minor: 5_000_000, currency: 'NPR', rate_to_wage_currency: '0.0275', paid_on: '2026-02-01' },
        { category: 'medical', amount_minor: 15000, currency: 'AED' },
      ],
    });
    assert.equal(worker.statusCode, 201, worker.body);
    assert.equal(worker.json().worker.total_wage_minor, 152500);
    assert.equal(worker.json().worker.items[0].amount_wage_minor, 137500);
    const agency = await w.call('POST', '/api/v1/recruitment/costs', w.agency, { contract_id: contractId, items: [{ category: 'medical', amount_minor: 15000, currency: 'AED' }] });
    assert.equal(agency.statusCode, 201, agency.body);
    assert.equal(agency.json().difference_minor, 137500);
    assert.equal(agency.json().breaches.length, 2);
    for (const b of agency.json().breaches) {
      assert.equal(b.origin_agency_id, w.agency.id);
      assert.equal(b.destination_liable_id, w.employer.id);
      assert.equal(b.status, 'open');
    }
    const diffs = await w.call('GET', '/api/v1/recruitment/cost-differences', w.origin);
    assert.deepEqual(diffs.json().differences.map((d: { contract_id: string; difference_minor: number }) => [d.contract_id, d.difference_minor]), [[contractId, 137500]]);
    assert.deepEqual((await w.call('GET', '/api/v1/recruitment/cost-differences', w.otherOrigin)).json().differences, []);
    assert.equal((await w.call('GET', '/api/v1/recruitment/cost-differences', w.agency)).statusCode, 403);
  });

  it('costs and breaches are seen by the parties and the origin authority only', async () => {
    for (const who of [w.worker, w.agency, w.employer, w.origin]) {
      const res = await w.call('GET', `/api/v1/recruitment/costs/${contractId}`, who);
      assert.equal(res.statusCode, 200, res.body);
    }
    for (const who of [w.otherWorker, w.otherAgency, w.otherEmployer, w.otherOrigin])
      assert.equal((await w.call('GET', `/api/v1/recruitment/costs/${contractId}`, who)).statusCode, 404);
    assert.equal((await w.call('GET', '/api/v1/recruitment/breaches', w.agency)).json().breaches.length, 2);
    assert.equal((await w.call('GET', '/api/v1/recruitment/breaches', w.employer)).json().breaches.length, 2);
    assert.equal((await w.call('GET', '/api/v1/recruitment/breaches', w.origin)).json().breaches.length, 2);
    assert.equal((await w.call('GET', '/api/v1/recruitment/breaches', w.otherAgency)).json().breaches.length, 0);
    assert.equal((await w.call('GET', '/api/v1/recruitment/breaches', w.otherWorker)).json().breaches.length, 0);
    assert.equal((await w.call('GET', '/api/v1/recruitment/costs', w.otherAgency)).json().costs.length, 0);
    assert.equal((await w.call('GET', '/api/v1/recruitment/costs', w.worker)).json().costs.length, 1);
  });

  it("SDG 10.7.1 per worker: the worker's own costs over the contract's wage, then over the first month the wage system reconciled", async () => {
    const before = (await w.call('GET', `/api/v1/recruitment/costs/${contractId}`, w.worker)).json().sdg_10_7_1;
    assert.deepEqual(before, {
      worker_paid_minor: 152500, currency: 'AED', source_side: 'worker', first_month_earnings_minor: 180000,
      earnings_source: 'contract', earnings_month: null, ratio: '0.85',
    });
    await sql`INSERT INTO wage_results (employer_id, contract_id, month, corridor_code, worker_id, rules_version, currency, monthly_minor, days_in_month,
      active_days, leave_days, expected_minor, paid_minor, payments, status, due_on, deadline, as_of)
      VALUES (${w.employer.id}, ${contractId}, DATE '2026-04-01', 'NPL-ARE', ${w.worker.id}, 1, 'AED', 180000, 30, 30, 0, 180000, 0, 0, 'unpaid', DATE '2026-05-10', DATE '2026-05-15', DATE '2026-05-20'),
             (${w.employer.id}, ${contractId}, DATE '2026-05-01', 'NPL-ARE', ${w.worker.id}, 1, 'AED', 180000, 31, 31, 0, 180000, 170000, 1, 'underpaid', DATE '2026-06-10', DATE '2026-06-15', DATE '2026-06-20')`.execute(w.db);
    const after = (await w.call('GET', `/api/v1/recruitment/costs/${contractId}`, w.worker)).json().sdg_10_7_1;
    assert.deepEqual(after, { ...before, first_month_earnings_minor: 170000, earnings_source: 'wages', earnings_month: '2026-05', ratio: '0.90' });
  });

  it('SDG 10.7.1 averages by corridor, sex and occupation, cells under 5 workers suppressed', async () => {
    for (const sex of ['F', 'F', 'F', 'F', 'M'] as const) {
      const worker = await makeWorker(w.db, { nationality: 'NPL', sex });
      const made = await makeRegisteredContract(w.db, { employer_id: w.employer.id, worker_id: worker.id });
      await w.db.insertInto('recruitment_cost_declarations').values({
        contract_id: made.id, employer_id: w.employer.id, worker_id: worker.id, job_order_id: null, side: 'worker', declared_by_organisation_id: null,
        declared_by_user_id: null, wage_currency: 'AED', total_wage_minor: 90000, items: JSON.stringify([{ category: 'recruitment_fee', amount_minor: 90000, currency: 'AED', amount_wage_minor: 90000 }]),
      }).execute();
    }
    const res = await w.call('GET', '/api/v1/public/sdg-10-7-1?corridor=NPL-ARE');
    assert.equal(res.statusCode, 200, res.body);
    const cells = res.json().cells as { sex: string | null; occupation_isco: string | null; workers: number | null; mean_ratio: string | null; suppressed: boolean }[];
    const cell = (sex: string | null, occupation: string | null) => cells.find((x) => x.sex === sex && x.occupation_isco === occupation);
    assert.deepEqual(cell(null, null), { corridor: 'NPL-ARE', sex: null, occupation_isco: null, workers: 6, mean_ratio: '0.57', suppressed: false });
    assert.equal(cell('F', null)!.mean_ratio, '0.58');
    assert.deepEqual(cell('M', null), { corridor: 'NPL-ARE', sex: 'M', occupation_isco: null, workers: null, mean_ratio: null, suppressed: true });
    assert.equal(cell(null, '7112')!.workers, 6);
  });

  it('only a worker the agency recruited may rate it; a new rating replaces the old; upheld breaches and ratings show on the public profile', async () => {
    const first = await w.call('POST', `/api/v1/recruitment/agencies/${w.agency.id}/ratings`, w.worker, { stars: 2, comment: 'Charged me a fee' });
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(first.json(), { stars: 2, replaced: false });
    const again = await w.call('POST', `/api/v1/recruitment/agencies/${w.agency.id}/ratings`, w.worker, { stars: 3 });
    assert.deepEqual(again.json(), { stars: 3, replaced: true });
    const stranger = await w.call('POST', `/api/v1/recruitment/agencies/${w.agency.id}/ratings`, w.otherWorker, { stars: 5 });
    assert.equal(stranger.statusCode, 403);
    assert.equal(stranger.json().reason, 'not_recruited_by_agency');
    const notTheirs = await w.call('POST', `/api/v1/recruitment/agencies/${w.otherAgency.id}/ratings`, w.worker, { stars: 5 });
    assert.equal(notTheirs.statusCode, 403);
    assert.equal((await w.call('POST', `/api/v1/recruitment/agencies/${w.agency.id}/ratings`, w.employer, { stars: 5 })).statusCode, 403);

    const breaches = (await w.call('GET', '/api/v1/recruitment/breaches', w.origin)).json().breaches as { id: string; side: string }[];
    const workerSide = breaches.find((b) => b.side === 'worker')!;
    assert.equal((await w.call('POST', `/api/v1/recruitment/breaches/${workerSide.id}/decide`, w.otherOrigin, { outcome: 'upheld', reason: 'x' })).statusCode, 404);
    assert.equal((await w.call('POST', `/api/v1/recruitment/breaches/${workerSide.id}/decide`, w.agency, { outcome: 'dismissed', reason: 'x' })).statusCode, 403);
    const upheld = await w.call('POST', `/api/v1/recruitment/breaches/${workerSide.id}/decide`, w.origin, { outcome: 'upheld', reason: 'Receipt for NPR 50,000 shown' });
    assert.equal(upheld.statusCode, 200, upheld.body);
    const profile = await w.call('GET', `/api/v1/public/agencies/${w.agency.id}`);
    assert.equal(profile.statusCode, 200);
    assert.equal(profile.json().licensed, true);
    assert.deepEqual(profile.json().rating, { average: '3.0', count: 1 });
    assert.deepEqual(profile.json().breaches_upheld.map((b: { code: string; reason: string }) => [b.code, b.reason]), [['worker_paid_above_cap', 'Receipt for NPR 50,000 shown']]);
    assert.equal(JSON.stringify(profile.json()).includes('Charged me a fee'), false);
    void agencyContractId;
  });
});
