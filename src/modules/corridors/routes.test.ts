import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { EXAMPLE_RULES, makeOrganisation, type TestOrganisation } from './test-support.js';

describe('corridor routes', () => {
  let t: TestApp;
  let nepal: TestOrganisation;
  let emirates: TestOrganisation;
  let india: TestOrganisation;
  let employer: TestOrganisation;
  let platform: TestOrganisation;

  const call = (method: 'GET' | 'POST', url: string, who?: TestOrganisation, payload?: unknown) =>
    t.app.inject({ method, url, headers: who?.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const count = async (table: 'corridors' | 'corridor_rule_versions' | 'audit_events') =>
    Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const counts = async () => [await count('corridors'), await count('corridor_rule_versions'), await count('audit_events')];

  before(async () => {
    t = await startTestApp();
    const db = t.database.db;
    nepal = await makeOrganisation(db, 'origin_authority', 'NPL');
    emirates = await makeOrganisation(db, 'destination_authority', 'ARE');
    india = await makeOrganisation(db, 'origin_authority', 'IND');
    employer = await makeOrganisation(db, 'employer', 'ARE');
    platform = await makeOrganisation(db, 'platform', 'ARE');
  });
  after(async () => t.close());

  describe('propose', () => {
    it('401 without credentials, 403 for an employer, nothing stored', async () => {
      const before = await counts();
      assert.equal((await call('POST', '/api/v1/corridors/NPL-ARE/versions', undefined, EXAMPLE_RULES)).statusCode, 401);
      const res = await call('POST', '/api/v1/corridors/NPL-ARE/versions', employer, EXAMPLE_RULES);
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().code, 'forbidden');
      assert.deepEqual(await counts(), before);
    });

    it('403 for a platform organisation that holds the scope but is no authority of the corridor', async () => {
      assert.equal((await call('POST', '/api/v1/corridors/NPL-ARE/versions', platform, EXAMPLE_RULES)).statusCode, 403);
    });

    it('404 for the authority of a third country', async () => {
      const res = await call('POST', '/api/v1/corridors/NPL-ARE/versions', india, EXAMPLE_RULES);
      assert.equal(res.statusCode, 404);
    });

    it('422 naming every bad key, with the reference checks in the same answer; nothing stored', async () => {
      const before = await counts();
      const res = await call('POST', '/api/v1/corridors/NPL-ARE/versions', nepal, {
        ...EXAMPLE_RULES,
        code: 'NPL-QAT',
        currency: 'ZZZ',
        wage: { ...EXAMPLE_RULES.wage, pay_day: 0 },
        allowed_occupations: ['9999'],
        colour: 'blue',
      });
      assert.equal(res.statusCode, 422);
      assert.match(String(res.headers['content-type']), /problem\+json/);
      const found = (res.json().errors as { pointer: string }[]).map((e) => e.pointer).sort();
      assert.deepEqual(found, ['/allowed_occupations/0', '/code', '/colour', '/currency', '/wage/pay_day']);
      assert.deepEqual(await counts(), before);
    });

    it('422 at /code when the rules are for another corridor than the path names', async () => {
      const res = await call('POST', '/api/v1/corridors/NPL-ARE/versions', nepal, { ...EXAMPLE_RULES, code: 'NPL-QAT', destination: 'QAT' });
      assert.equal(res.statusCode, 422);
      assert.deepEqual(res.json().errors, [{ pointer: '/code', message: 'must be the corridor these rules are sent to: NPL-ARE' }]);
    });

    it('422 for a malformed corridor code in the path', async () => {
      const res = await call('POST', '/api/v1/corridors/npl-are/versions', nepal, EXAMPLE_RULES);
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().errors[0].pointer, '/code');
    });

    it('the origin authority creates the corridor with version 1, its own approval recorded', async () => {
      const res = await call('POST', '/api/v1/corridors/NPL-ARE/versions', nepal, EXAMPLE_RULES);
      assert.equal(res.statusCode, 201, res.body);
      const body = res.json();
      assert.equal(body.corridor, 'NPL-ARE');
      assert.equal(body.version, 1);
      assert.equal(body.status, 'pending');
      assert.equal(body.created, true);
      assert.equal(body.proposed_by_organisation_id, nepal.id);
      assert.ok(body.origin_approved_at);
      assert.equal(body.destination_approved_at, null);
      const event = await t.database.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'corridor.rules.proposed')
        .executeTakeFirstOrThrow();
      assert.deepEqual(event.scope_countries, ['NPL', 'ARE']);
      assert.equal(event.actor_organisation_id, nepal.id);
    });

    it('the same proposal again is answered with the existing version, not counted twice', async () => {
      const before = await counts();
      const res = await call('POST', '/api/v1/corridors/NPL-ARE/versions', nepal, EXAMPLE_RULES);
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().version, 1);
      assert.equal(res.json().created, false);
      assert.deepEqual(await counts(), before);
    });
  });

  describe('approve', () => {
    it('is not in force while only one side approved', async () => {
      assert.equal((await call('GET', '/api/v1/corridors/NPL-ARE/rules?on=2026-02-01', employer)).statusCode, 404);
      const list = await call('GET', '/api/v1/corridors', employer);
      assert.equal(list.json().corridors.find((c: { code: string }) => c.code === 'NPL-ARE').in_force, null);
    });

    it('401, 403 (employer), 404 (third country) and 404 (no such version)', async () => {
      const url = '/api/v1/corridors/NPL-ARE/versions/1/approve';
      assert.equal((await call('POST', url)).statusCode, 401);
      assert.equal((await call('POST', url, employer)).statusCode, 403);
      assert.equal((await call('POST', url, india)).statusCode, 404);
      assert.equal((await call('POST', '/api/v1/corridors/NPL-ARE/versions/9/approve', emirates)).statusCode, 404);
      assert.equal((await call('POST', '/api/v1/corridors/NPL-ARE/versions/x/approve', emirates)).statusCode, 422);
    });

    it("the proposer's own approval again changes nothing", async () => {
      const before = await counts();
      const res = await call('POST', '/api/v1/corridors/NPL-ARE/versions/1/approve', nepal);
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().status, 'pending');
      assert.deepEqual(await counts(), before);
    });

    it('the other side approves: the version is in force from its valid_from', async () => {
      const res = await call('POST', '/api/v1/corridors/NPL-ARE/versions/1/approve', emirates);
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().status, 'approved');
      assert.equal(res.json().approved_via, 'authorities');
      const rules = await call('GET', '/api/v1/corridors/NPL-ARE/rules?on=2026-02-01', employer);
      assert.equal(rules.statusCode, 200);
      assert.equal(rules.json().version, 1);
      assert.equal(rules.json().rules.min_monthly_wage_minor, 100000);
      assert.equal(rules.json().rules.max_probation_months, 6);
      assert.equal((await call('GET', '/api/v1/corridors/NPL-ARE/rules?on=2025-12-31', employer)).statusCode, 404);
      const event = await t.database.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'corridor.rules.approved')
        .executeTakeFirstOrThrow();
      assert.deepEqual(event.scope_countries, ['NPL', 'ARE']);
      assert.equal((event.details as { approved_by_both: boolean }).approved_by_both, true);
    });

    it('approving twice changes nothing', async () => {
      const before = await counts();
      const res = await call('POST', '/api/v1/corridors/NPL-ARE/versions/1/approve', emirates);
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().status, 'approved');
      assert.deepEqual(await counts(), before);
    });
  });

  describe('withdraw', () => {
    const v2 = { ...EXAMPLE_RULES, valid_from: '2026-07-01', min_monthly_wage_minor: 110000 };

    it('only the proposing side withdraws; 401, 403 (employer, other side), 404 (third country)', async () => {
      const proposed = await call('POST', '/api/v1/corridors/NPL-ARE/versions', emirates, v2);
      assert.equal(proposed.statusCode, 201);
      assert.equal(proposed.json().version, 2);
      assert.ok(proposed.json().destination_approved_at);
      const url = '/api/v1/corridors/NPL-ARE/versions/2/withdraw';
      assert.equal((await call('POST', url)).statusCode, 401);
      assert.equal((await call('POST', url, employer)).statusCode, 403);
      assert.equal((await call('POST', url, nepal)).statusCode, 403);
      assert.equal((await call('POST', url, india)).statusCode, 404);
      const res = await call('POST', url, emirates);
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().status, 'withdrawn');
    });

    it('a withdrawn version cannot be approved (409) and is never in force', async () => {
      const res = await call('POST', '/api/v1/corridors/NPL-ARE/versions/2/approve', nepal);
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().code, 'invalid_transition');
      assert.equal((await call('GET', '/api/v1/corridors/NPL-ARE/rules?on=2026-08-01', employer)).json().version, 1);
    });

    it('a version both sides approved cannot be withdrawn (409)', async () => {
      const res = await call('POST', '/api/v1/corridors/NPL-ARE/versions/1/withdraw', nepal);
      assert.equal(res.statusCode, 409);
    });

    it('the same rules proposed after a withdrawal make a new version', async () => {
      const res = await call('POST', '/api/v1/corridors/NPL-ARE/versions', emirates, v2);
      assert.equal(res.statusCode, 201);
      assert.equal(res.json().version, 3);
    });
  });

  describe('read', () => {
    it('401 without credentials', async () => {
      for (const url of ['/api/v1/corridors', '/api/v1/corridors/NPL-ARE', '/api/v1/corridors/NPL-ARE/rules', '/api/v1/corridors/NPL-ARE/versions/1'])
        assert.equal((await call('GET', url)).statusCode, 401, url);
    });

    it('any signed-in organisation lists corridors with the version in force today', async () => {
      const res = await call('GET', '/api/v1/corridors', employer);
      assert.equal(res.statusCode, 200);
      const corridor = res.json().corridors.find((c: { code: string }) => c.code === 'NPL-ARE');
      assert.equal(corridor.origin, 'NPL');
      const today = new Date().toISOString().slice(0, 10);
      assert.equal(corridor.in_force?.version ?? null, today >= '2026-01-01' ? 1 : null);
    });

    it('a corridor shows every version with its approval status', async () => {
      const res = await call('GET', '/api/v1/corridors/NPL-ARE', india);
      assert.equal(res.statusCode, 200);
      assert.deepEqual(
        res.json().versions.map((v: { version: number; status: string }) => [v.version, v.status]),
        [
          [1, 'approved'],
          [2, 'withdrawn'],
          [3, 'pending'],
        ],
      );
      const version = await call('GET', '/api/v1/corridors/NPL-ARE/versions/3', india);
      assert.equal(version.json().rules.min_monthly_wage_minor, 110000);
    });

    it('404 for an unknown corridor, 422 for a malformed date', async () => {
      assert.equal((await call('GET', '/api/v1/corridors/NPL-QAT', employer)).statusCode, 404);
      assert.equal((await call('GET', '/api/v1/corridors/NPL-QAT/rules', employer)).statusCode, 404);
      const bad = await call('GET', '/api/v1/corridors/NPL-ARE/rules?on=2026-13-01', employer);
      assert.equal(bad.statusCode, 422);
      assert.equal(bad.json().errors[0].pointer, '/on');
    });

    it('documents the routes in OpenAPI with the rules schema as the request body', async () => {
      const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
      const post = doc.paths['/api/v1/corridors/{code}/versions'].post;
      const body = post.requestBody.content['application/json'].schema;
      assert.ok(body.properties.wage && body.properties.languages);
      assert.equal(body.additionalProperties, false);
    });
  });
});
