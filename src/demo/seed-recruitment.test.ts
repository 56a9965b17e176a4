import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../test/helpers/app.js';
import { signIn } from '../../test/helpers/factories.js';
import { DEMO_PASSWORD } from './demo-data.js';
import { seedDemo } from './seed.js';
import { DEMO_RECRUIT } from './seed-recruitment.js';

describe('demo corridor: fair recruitment', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await seedDemo(t.database, t.ctx.config);
  });
  after(async () => t.close());

  it('follows the demo recruit from a verified job order through the shortlist to a registered contract with declared costs and SDG 10.7.1', async () => {
    const worker = await signIn(t, { email: DEMO_RECRUIT.email, password: DEMO_PASSWORD });
    const costs = await t.app.inject({ method: 'GET', url: '/api/v1/recruitment/costs', headers: worker.headers() });
    assert.equal(costs.statusCode, 200, costs.body);
    const [summary] = costs.json().costs;
    assert.equal(summary.worker.total_wage_minor, 160750);
    assert.equal(summary.agency.total_wage_minor, 15000);
    assert.equal(summary.sdg_10_7_1.ratio, '0.89');
    assert.equal(summary.breaches.length, 2);
    const contract = await t.database.db.selectFrom('contracts').select(['status', 'job_order_id']).where('id', '=', summary.contract_id).executeTakeFirstOrThrow();
    assert.equal(contract.status, 'registered');
    const job = await t.database.db.selectFrom('job_orders').select(['status', 'origin_agency_id']).where('id', '=', contract.job_order_id!).executeTakeFirstOrThrow();
    assert.equal(job.status, 'verified');
    const origin = await signIn(t, { email: 'dofe@demo.corridor', password: DEMO_PASSWORD });
    const diffs = await t.app.inject({ method: 'GET', url: '/api/v1/recruitment/cost-differences', headers: origin.headers() });
    assert.equal(diffs.json().differences.length, 1);
    const profile = await t.app.inject({ method: 'GET', url: `/api/v1/public/agencies/${job.origin_agency_id}` });
    assert.equal(profile.json().licensed, true);
    assert.deepEqual(profile.json().rating, { average: '2.0', count: 1 });
  });
});
