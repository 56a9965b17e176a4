import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { contractWorld, type ContractWorld } from './test-contracts.js';

const pointers = (body: { errors: { pointer: string }[] }) => body.errors.map((e) => e.pointer).sort();

describe('drafts, checks and offers', () => {
  let w: ContractWorld;
  before(async () => {
    w = await contractWorld();
  });
  after(async () => w.t.close());

  const bad = () =>
    w.terms({
      wage: { currency: 'AED', basic_monthly_minor: 90000, allowances: [], overtime_rate_pct: 125 },
      hours_per_week: 60,
      annual_leave_days: 14,
      costs: { visa: 'worker', work_permit: 'employer', medical_test: 'employer', outbound_travel: 'employer', return_travel: 'employer', insurance: 'employer' },
      passport_retained_by_worker: false,
      languages: ['en'],
    });

  it('check answers the breaches and the rules version, storing nothing', async () => {
    const before = await w.counts();
    const res = await w.call('POST', '/api/v1/contracts/check', w.employer, { terms: bad() });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().rules_version, 1);
    assert.deepEqual(res.json().breaches.map((b: { term: string }) => b.term).sort(), [
      '/annual_leave_days', '/costs/visa', '/hours_per_week', '/languages', '/languages', '/passport_retained_by_worker', '/wage/basic_monthly_minor',
    ]);
    const clean = await w.call('POST', '/api/v1/contracts/check', w.employer, { terms: w.terms() });
    assert.deepEqual(clean.json().breaches, []);
    assert.deepEqual(await w.counts(), before);
  });

  it('check and draft only for your own organisation (422 at /terms/employer_id)', async () => {
    const before = await w.counts();
    for (const url of ['/api/v1/contracts/check', '/api/v1/contracts']) {
      const res = await w.call('POST', url, w.otherEmployer, { terms: w.terms() });
      assert.equal(res.statusCode, 422, res.body);
      assert.deepEqual(pointers(res.json()), ['/terms/employer_id']);
    }
    assert.deepEqual(await w.counts(), before);
  });

  it('malformed terms: 422 naming every field, nothing stored', async () => {
    const before = await w.counts();
    const res = await w.call('POST', '/api/v1/contracts', w.employer, {
      terms: { ...w.terms(), start_date: '2026-13-01', hours_per_week: 'forty', colour: 'blue', wage: { currency: 'AED' } },
    });
    assert.equal(res.statusCode, 422);
    assert.match(String(res.headers['content-type']), /problem\+json/);
    assert.deepEqual(pointers(res.json()), [
      '/terms', '/terms/hours_per_week', '/terms/start_date', '/terms/wage/basic_monthly_minor', '/terms/wage/overtime_rate_pct',
    ]);
    assert.deepEqual(await w.counts(), before);
  });

  it('terms naming what does not exist: 422 with every pointer, nothing stored', async () => {
    const before = await w.counts();
    const stranger = (await w.db.insertInto('workers').values({ full_name: 'Arjun Singh', sex: 'M', birth_date: '1990-01-01', nationality: 'IND' })
      .returning('id').executeTakeFirstOrThrow()).id;
    const afterWorker = await w.counts();
    const res = await w.call('POST', '/api/v1/contracts', w.employer, {
      terms: w.terms({ worker_id: stranger, occupation_isco: '9999', wage: { currency: 'ZZZ', basic_monthly_minor: 150000, allowances: [], overtime_rate_pct: 125 }, languages: ['ne', 'xx-nope'] }),
    });
    assert.equal(res.statusCode, 422, res.body);
    assert.deepEqual(pointers(res.json()), ['/terms/languages/1', '/terms/occupation_isco', '/terms/wage/currency', '/terms/worker_id']);
    const unknownCorridor = await w.call('POST', '/api/v1/contracts', w.employer, { terms: w.terms({ corridor: 'NPL-QAT' }) });
    assert.deepEqual(pointers(unknownCorridor.json()), ['/terms/corridor']);
    assert.deepEqual(await w.counts(), afterWorker);
    assert.equal(before.contracts, afterWorker.contracts);
  });

  it('a draft may breach; its offer is refused with every breach (term, rule, allowed, offered) and nothing changes', async () => {
    const created = await w.call('POST', '/api/v1/contracts', w.employer, { terms: bad() });
    assert.equal(created.statusCode, 201);
    assert.equal(created.json().versions[0].breaches.length, 7);
    const id = created.json().id;
    const before = await w.counts();
    const res = await w.call('POST', `/api/v1/contracts/${id}/offer`, w.employer);
    assert.equal(res.statusCode, 422);
    const body = res.json();
    assert.deepEqual(pointers(body), [
      '/terms/annual_leave_days', '/terms/costs/visa', '/terms/hours_per_week', '/terms/languages', '/terms/languages',
      '/terms/passport_retained_by_worker', '/terms/wage/basic_monthly_minor',
    ]);
    const wage = body.breaches.find((b: { code: string }) => b.code === 'wage_below_minimum');
    assert.deepEqual(wage, {
      code: 'wage_below_minimum', term: '/wage/basic_monthly_minor', rule: 'min_monthly_wage_minor', allowed: 100000, offered: 90000,
      message: 'The basic wage is below the minimum',
    });
    assert.deepEqual(await w.counts(), before);
    assert.equal((await w.call('GET', `/api/v1/contracts/${id}`, w.employer)).json().status, 'draft');
  });

  it('editing a draft makes a new version; the worker sees only what was offered', async () => {
    const created = await w.call('POST', '/api/v1/contracts', w.employer, { terms: bad() });
    const id = created.json().id;
    const moved = await w.call('PUT', `/api/v1/contracts/${id}/terms`, w.employer, { terms: w.terms({ worker_id: w.otherWorker.id }) });
    assert.equal(moved.statusCode, 422);
    assert.deepEqual(pointers(moved.json()), ['/terms/worker_id']);

    const edited = await w.call('PUT', `/api/v1/contracts/${id}/terms`, w.employer, { terms: w.terms() });
    assert.equal(edited.statusCode, 200, edited.body);
    const c = edited.json();
    assert.equal(c.current_version, 2);
    assert.deepEqual(c.versions.map((v: { state: string }) => v.state), ['superseded', 'draft']);
    assert.equal(c.versions[0].terms.hours_per_week, 60, 'nothing is overwritten');
    assert.deepEqual(c.versions[1].breaches, []);
    assert.deepEqual(c.transitions.map((t: { from_state: string | null; to_state: string; version: number }) => [t.from_state, t.to_state, t.version]), [
      [null, 'draft', 1], ['draft', 'draft', 2],
    ]);

    assert.equal((await w.call('POST', `/api/v1/contracts/${id}/offer`, w.employer)).statusCode, 200);
    const seen = (await w.call('GET', `/api/v1/contracts/${id}`, w.worker)).json();
    assert.deepEqual(seen.versions.map((v: { version: number }) => v.version), [2]);
    assert.deepEqual(seen.transitions.map((t: { to_state: string; version: number }) => [t.to_state, t.version]), [['draft', 2], ['offered', 2]]);
    assert.equal((await w.call('POST', `/api/v1/contracts/${id}/offer`, w.employer)).statusCode, 200, 'offering again changes nothing');
  });

  describe('health-worker safeguard (nurses from Nepal, on the WHO list)', () => {
    const nurse = () => w.terms({ occupation_isco: '2221', job_title: 'Staff nurse' });
    const exception = { occupation_isco: '2221', reference: 'NPL-ARE G2G health MoU 2026/1', valid_from: '2026-01-01' };

    it('only the corridor authorities record an exception', async () => {
      const url = '/api/v1/corridors/NPL-ARE/health-exceptions';
      const before = await w.counts();
      assert.equal((await w.call('POST', url, w.employer, exception)).statusCode, 403);
      assert.equal((await w.call('POST', url, w.otherOrigin, exception)).statusCode, 404);
      assert.equal((await w.call('POST', '/api/v1/corridors/NPL-QAT/health-exceptions', w.origin, exception)).statusCode, 404);
      const notHealth = await w.call('POST', url, w.origin, { ...exception, occupation_isco: '7112' });
      assert.equal(notHealth.statusCode, 422);
      assert.deepEqual(pointers(notHealth.json()), ['/occupation_isco']);
      const backwards = await w.call('POST', url, w.origin, { ...exception, valid_to: '2025-01-01' });
      assert.deepEqual(pointers(backwards.json()), ['/valid_to']);
      assert.deepEqual(await w.counts(), before);
    });

    it('without an exception the offer is refused; with one valid today it goes through', async () => {
      const created = await w.call('POST', '/api/v1/contracts', w.employer, { terms: nurse() });
      assert.equal(created.statusCode, 201, created.body);
      assert.deepEqual(created.json().versions[0].breaches.map((b: { code: string }) => b.code), ['health_worker_safeguard']);
      const id = created.json().id;
      const refused = await w.call('POST', `/api/v1/contracts/${id}/offer`, w.employer);
      assert.equal(refused.statusCode, 422);
      assert.deepEqual(pointers(refused.json()), ['/terms/occupation_isco']);

      // An exception that has lapsed, or covers another occupation, does not count.
      const url = '/api/v1/corridors/NPL-ARE/health-exceptions';
      assert.equal((await w.call('POST', url, w.destination, { ...exception, valid_to: '2026-06-30' })).statusCode, 201);
      assert.equal((await w.call('POST', url, w.destination, { ...exception, occupation_isco: '2211' })).statusCode, 201);
      assert.equal((await w.call('POST', `/api/v1/contracts/${id}/offer`, w.employer)).statusCode, 422);

      const recorded = await w.call('POST', url, w.origin, exception);
      assert.equal(recorded.statusCode, 201, recorded.body);
      assert.equal(recorded.json().valid_to, null);
      const listed = await w.call('GET', url, w.employer);
      assert.equal(listed.json().exceptions.length, 3);
      const offered = await w.call('POST', `/api/v1/contracts/${id}/offer`, w.employer);
      assert.equal(offered.statusCode, 200, offered.body);
      assert.deepEqual(offered.json().versions[0].breaches, []);
    });
  });

  it('no rules in force for the corridor: 409 naming it', async () => {
    await w.db.insertInto('corridors').values({ code: 'NPL-QAT', origin: 'NPL', destination: 'QAT' }).execute();
    const res = await w.call('POST', '/api/v1/contracts', w.employer, { terms: w.terms({ corridor: 'NPL-QAT' }) });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().corridor, 'NPL-QAT');
  });
});
