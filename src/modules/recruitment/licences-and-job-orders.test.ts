import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { recruitmentWorld, type RecruitmentWorld } from './test-recruitment.js';

describe('agency licences', () => {
  let w: RecruitmentWorld;
  before(async () => { w = await recruitmentWorld(); });
  after(async () => w.t.close());

  it('are issued by the authority of the agency\'s country only (another country\'s authority is told it does not exist)', async () => {
    const other = await w.call('POST', '/api/v1/recruitment/licences', w.otherOrigin, { agency_id: w.unlicensedAgency.id, number: 'IND-1', valid_from: '2026-01-01', valid_to: '2027-01-01' });
    assert.equal(other.statusCode, 404, other.body);
    const employer = await w.call('POST', '/api/v1/recruitment/licences', w.employer, { agency_id: w.unlicensedAgency.id, number: 'X-1', valid_from: '2026-01-01', valid_to: '2027-01-01' });
    assert.equal(employer.statusCode, 403);
    const notAgency = await w.call('POST', '/api/v1/recruitment/licences', w.origin, { agency_id: w.origin.id, number: 'X-2', valid_from: '2026-01-01', valid_to: '2027-01-01' });
    assert.equal(notAgency.statusCode, 422);
    assert.equal(notAgency.json().errors[0].pointer, "/agency_id");
  });

  it('an agency sees its own licence with its history; another agency does not', async () => {
    const own = await w.call('GET', '/api/v1/recruitment/licences', w.agency);
    assert.equal(own.statusCode, 200);
    assert.deepEqual(own.json().licences.map((l: { number: string }) => l.number), ['NPL-DOFE-1001']);
    assert.equal(own.json().licences[0].status, 'active');
    assert.equal(own.json().licences[0].history[0].reason, 'issued');
    const theirs = await w.call('GET', `/api/v1/recruitment/licences?agency_id=${w.agency.id}`, w.otherAgency);
    assert.deepEqual(theirs.json().licences, []);
    const authority = await w.call('GET', '/api/v1/recruitment/licences', w.origin);
    assert.equal(authority.json().licences.length, 2);
  });

  it('a job order naming an unlicensed agency is refused with the reason, and nothing is stored', async () => {
    const before = await w.recruitmentCounts();
    const res = await w.call('POST', '/api/v1/recruitment/job-orders', w.employer, w.jobOrderBody({ origin_agency_id: w.unlicensedAgency.id }));
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json().reason, 'agency_unlicensed');
    assert.deepEqual(await w.recruitmentCounts(), before);
  });

  it('a suspended licence refuses new job orders with the reason; reinstated, it serves again; history keeps both', async () => {
    const id = w.licenceOf[w.otherAgency.id];
    const suspend = await w.call('POST', `/api/v1/recruitment/licences/${id}/status`, w.origin, { status: 'suspended', reason: 'Inspection found fees charged to workers' });
    assert.equal(suspend.statusCode, 200, suspend.body);
    assert.equal(suspend.json().status, 'suspended');
    const refused = await w.call('POST', '/api/v1/recruitment/job-orders', w.employer, w.jobOrderBody({ origin_agency_id: w.otherAgency.id }));
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().reason, 'licence_suspended');
    assert.match(refused.json().detail, /Inspection found fees/);
    const foreign = await w.call('POST', `/api/v1/recruitment/licences/${id}/status`, w.otherOrigin, { status: 'active', reason: 'x' });
    assert.equal(foreign.statusCode, 404);
    const reinstate = await w.call('POST', `/api/v1/recruitment/licences/${id}/status`, w.origin, { status: 'active', reason: 'Fees refunded' });
    assert.deepEqual(reinstate.json().history.map((h: { to_status: string }) => h.to_status), ['active', 'suspended', 'active']);
    const ok = await w.call('POST', '/api/v1/recruitment/job-orders', w.employer, w.jobOrderBody({ origin_agency_id: w.otherAgency.id }));
    assert.equal(ok.statusCode, 201, ok.body);
  });

  it('expires on its own after valid_to', async () => {
    const agency = w.unlicensedAgency;
    const issued = await w.call('POST', '/api/v1/recruitment/licences', w.origin, { agency_id: agency.id, number: 'NPL-DOFE-OLD', valid_from: '2020-01-01', valid_to: '2025-12-31' });
    assert.equal(issued.statusCode, 201, issued.body);
    assert.equal(issued.json().status, 'expired');
    const res = await w.call('POST', '/api/v1/recruitment/job-orders', w.employer, w.jobOrderBody({ origin_agency_id: agency.id }));
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().reason, 'licence_expired');
    const profile = await w.call('GET', `/api/v1/public/agencies/${agency.id}`);
    assert.equal(profile.statusCode, 200);
    assert.equal(profile.json().licensed, false);
    assert.equal(profile.json().licences[0].status, 'expired');
  });
});

describe('job orders', () => {
  let w: RecruitmentWorld;
  let jobId: string;
  before(async () => {
    w = await recruitmentWorld();
    const res = await w.call('POST', '/api/v1/recruitment/job-orders', w.employer, w.jobOrderBody({ destination_liable_id: w.destinationAgency.id }));
    assert.equal(res.statusCode, 201, res.body);
    jobId = res.json().id;
  });
  after(async () => w.t.close());

  it('are posted by an employer, naming both jointly liable parties, submitted for verification', async () => {
    const res = await w.call('GET', `/api/v1/recruitment/job-orders/${jobId}`, w.employer);
    assert.equal(res.statusCode, 200);
    const job = res.json();
    assert.equal(job.status, 'submitted');
    assert.equal(job.origin_agency_id, w.agency.id);
    assert.equal(job.destination_liable_id, w.destinationAgency.id);
    assert.equal(job.monthly_wage_minor, 180000);
    assert.match(job.reference, /^JO-NPL-ARE-/);
  });

  it('are seen by the parties named and the corridor authorities; another employer or agency is told they do not exist', async () => {
    for (const who of [w.agency, w.destinationAgency, w.origin, w.destination])
      assert.equal((await w.call('GET', `/api/v1/recruitment/job-orders/${jobId}`, who)).statusCode, 200);
    for (const who of [w.otherEmployer, w.otherAgency, w.otherOrigin])
      assert.equal((await w.call('GET', `/api/v1/recruitment/job-orders/${jobId}`, who)).statusCode, 404);
    const list = await w.call('GET', '/api/v1/recruitment/job-orders', w.otherAgency);
    assert.deepEqual(list.json().job_orders, []);
    const worker = await w.call('POST', '/api/v1/recruitment/job-orders', w.worker, w.jobOrderBody());
    assert.equal(worker.statusCode, 403);
  });

  it('bad input is a 422 naming each field, and nothing is stored', async () => {
    const before = await w.recruitmentCounts();
    const body = w.jobOrderBody({ origin_agency_id: w.employer.id, terms: { occupation_isco: '9999' } }) as { positions: number };
    body.positions = 0;
    const res = await w.call('POST', '/api/v1/recruitment/job-orders', w.employer, body);
    assert.equal(res.statusCode, 422);
    const late = await w.call('POST', '/api/v1/recruitment/job-orders', w.employer, w.jobOrderBody({ origin_agency_id: w.employer.id, terms: { occupation_isco: '9999' } }));
    assert.equal(late.statusCode, 422);
    const pointers = late.json().errors.map((e: { pointer: string }) => e.pointer).sort();
    assert.deepEqual(pointers, ['/origin_agency_id', '/terms/occupation_isco']);
    assert.deepEqual(await w.recruitmentCounts(), before);
  });

  it('the origin authority of another country cannot verify; the employer cannot verify its own', async () => {
    assert.equal((await w.call('POST', `/api/v1/recruitment/job-orders/${jobId}/verify`, w.otherOrigin)).statusCode, 404);
    assert.equal((await w.call('POST', `/api/v1/recruitment/job-orders/${jobId}/verify`, w.employer)).statusCode, 403);
  });

  it('is refused verification while the employer is suspended by the wage ladder', async () => {
    await sql`INSERT INTO wage_suspensions (employer_id, started_on, months) VALUES (${w.employer.id}, DATE '2026-01-01', ARRAY[DATE '2025-11-01', DATE '2025-12-01'])`.execute(w.db);
    const res = await w.call('POST', `/api/v1/recruitment/job-orders/${jobId}/verify`, w.origin);
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().reason, 'employer_wage_suspension');
    const post = await w.call('POST', '/api/v1/recruitment/job-orders', w.employer, w.jobOrderBody());
    assert.equal(post.statusCode, 409);
    await sql`UPDATE wage_suspensions SET lifted_on = DATE '2026-02-01' WHERE employer_id = ${w.employer.id}`.execute(w.db);
  });

  it('is verified by the origin authority when everything holds', async () => {
    const res = await w.call('POST', `/api/v1/recruitment/job-orders/${jobId}/verify`, w.origin);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'verified');
  });

  it('terms outside the rules are listed at posting and refuse verification, naming each breach', async () => {
    const posted = await w.call('POST', '/api/v1/recruitment/job-orders', w.employer, w.jobOrderBody({ terms: { hours_per_week: 60, wage: { currency: 'AED', basic_monthly_minor: 50000, allowances: [], overtime_rate_pct: 125 } } }));
    assert.equal(posted.statusCode, 201, posted.body);
    assert.deepEqual(posted.json().breaches.map((b: { code: string }) => b.code).sort(), ['hours_above_maximum', 'wage_below_minimum']);
    const verify = await w.call('POST', `/api/v1/recruitment/job-orders/${posted.json().id}/verify`, w.origin);
    assert.equal(verify.statusCode, 422);
    assert.deepEqual(verify.json().errors.map((e: { pointer: string }) => e.pointer).sort(), ['/terms/hours_per_week', '/terms/wage/basic_monthly_minor']);
    const refuse = await w.call('POST', `/api/v1/recruitment/job-orders/${posted.json().id}/refuse`, w.origin, { reason: 'Below the minimum wage' });
    assert.equal(refuse.json().status, 'refused');
  });

  it('a nurse from a WHO safeguard-list country needs the government-to-government exception, whose reference is kept', async () => {
    const posted = await w.call('POST', '/api/v1/recruitment/job-orders', w.employer, w.jobOrderBody({ terms: { occupation_isco: '3221', job_title: 'Nurse' } }));
    assert.equal(posted.statusCode, 201, posted.body);
    const refused = await w.call('POST', `/api/v1/recruitment/job-orders/${posted.json().id}/verify`, w.origin);
    assert.equal(refused.statusCode, 422, refused.body);
    const exception = await w.call('POST', '/api/v1/corridors/NPL-ARE/health-exceptions', w.origin, { occupation_isco: '3221', reference: 'NPL-ARE G2G nursing 2026/1', valid_from: '2026-01-01' });
    assert.equal(exception.statusCode, 201, exception.body);
    const verified = await w.call('POST', `/api/v1/recruitment/job-orders/${posted.json().id}/verify`, w.origin);
    assert.equal(verified.statusCode, 200, verified.body);
    assert.equal(verified.json().safeguard_exception, 'NPL-ARE G2G nursing 2026/1');
  });
});
