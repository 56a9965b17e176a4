import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { CLI_ACTOR } from '../../core/auth/actor.js';
import { AppError } from '../../core/errors.js';
import { applyRules } from './apply-rules.js';
import { approveVersion } from './approve-version.js';
import { proposeVersion } from './propose-version.js';
import { findRulesInForce, rulesInForce } from './read-corridors.js';
import { rulesHash } from './rules-hash.js';
import { EXAMPLE_RULES as EXAMPLE, makeOrganisation, type TestOrganisation } from './test-support.js';
import { findVersionInForce } from './version-queries.js';

describe('corridor rule versions', () => {
  let t: TestApp;
  let nepal: TestOrganisation;
  let emirates: TestOrganisation;
  const db = () => t.database.db;
  const count = async (table: 'corridors' | 'corridor_rule_versions' | 'audit_events') =>
    Number((await db().selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const inForceOn = async (on: string) => (await findVersionInForce(db(), 'NPL-ARE', on))?.version ?? null;

  before(async () => {
    t = await startTestApp();
    nepal = await makeOrganisation(db(), 'origin_authority', 'NPL');
    emirates = await makeOrganisation(db(), 'destination_authority', 'ARE');
  });
  after(async () => t.close());

  it('imports version 1, approved by both sides, and says so in the audit trail', async () => {
    assert.deepEqual(await applyRules(db(), CLI_ACTOR, EXAMPLE), { corridor: 'NPL-ARE', version: 1, created: true });
    const row = await db().selectFrom('corridor_rule_versions').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.approved_via, 'operator_import');
    assert.ok(row.origin_approved_at && row.destination_approved_at);
    assert.equal(row.proposed_by_organisation_id, null);
    assert.match(row.rules_hash, /^[0-9a-f]{64}$/);
    assert.equal((row.rules as { max_probation_months: number }).max_probation_months, 6, 'defaults are stored filled in');
    const events = await db().selectFrom('audit_events').selectAll().orderBy('id').execute();
    assert.deepEqual(
      events.map((e) => [e.action, e.actor_type, e.subject_id]),
      [
        ['corridor.created', 'cli', 'NPL-ARE'],
        ['corridor.rules.imported', 'cli', 'NPL-ARE/1'],
      ],
    );
    assert.deepEqual(events[1]!.scope_countries, ['NPL', 'ARE']);
    assert.equal((events[1]!.details as { approved_via: string }).approved_via, 'operator_import');
  });

  it('applying identical rules again creates nothing and returns the same version', async () => {
    const before = [await count('corridors'), await count('corridor_rule_versions'), await count('audit_events')];
    const reordered = Object.fromEntries(Object.entries(EXAMPLE).reverse());
    assert.deepEqual(await applyRules(db(), CLI_ACTOR, reordered), { corridor: 'NPL-ARE', version: 1, created: false });
    assert.deepEqual([await count('corridors'), await count('corridor_rule_versions'), await count('audit_events')], before);
  });

  it('invalid rules store nothing', async () => {
    const before = [await count('corridors'), await count('corridor_rule_versions'), await count('audit_events')];
    await assert.rejects(applyRules(db(), CLI_ACTOR, { ...EXAMPLE, code: 'NPL-QAT', destination: 'QAT', currency: 'QQQ' }), (err: AppError) => {
      assert.equal(err.code, 'validation_failed');
      assert.deepEqual(err.problems.map((p) => p.pointer), ['/currency']);
      return true;
    });
    assert.deepEqual([await count('corridors'), await count('corridor_rule_versions'), await count('audit_events')], before);
  });

  it('only the operator imports', async () => {
    await assert.rejects(applyRules(db(), nepal.actor, { ...EXAMPLE, min_annual_leave_days: 31 }), { code: 'forbidden' });
  });

  it('changed rules become version 2, in force from their own valid_from', async () => {
    const v2 = await applyRules(db(), CLI_ACTOR, { ...EXAMPLE, valid_from: '2026-07-01', min_monthly_wage_minor: 120000 });
    assert.deepEqual(v2, { corridor: 'NPL-ARE', version: 2, created: true });
    assert.equal(await inForceOn('2025-12-31'), null, 'nothing before the first valid_from');
    assert.equal(await inForceOn('2026-01-01'), 1);
    assert.equal(await inForceOn('2026-06-30'), 1);
    assert.equal(await inForceOn('2026-07-01'), 2);
    const rules = await rulesInForce(db(), 'NPL-ARE', '2026-03-15');
    assert.equal(rules.version, 1);
    assert.equal(rules.rules.min_monthly_wage_minor, 100000);
    await assert.rejects(rulesInForce(db(), 'NPL-ARE', '2025-06-01'), { code: 'not_found' });
    const typed = await findRulesInForce(db(), 'NPL-ARE', '2026-07-02');
    assert.equal(typed?.rules.min_monthly_wage_minor, 120000);
    assert.equal(await findRulesInForce(db(), 'NPL-ARE', '2025-06-01'), undefined);
  });

  it('the stored rules still hash to the stored rules_hash', async () => {
    for (const row of await db().selectFrom('corridor_rule_versions').selectAll().execute())
      assert.equal(rulesHash(row.rules as never), row.rules_hash);
  });

  it('a proposal is not in force until the other side approves it', async () => {
    const { version, created } = await proposeVersion(db(), nepal.actor, 'NPL-ARE', { ...EXAMPLE, valid_from: '2026-09-01', max_contract_months: 36 });
    assert.equal(created, true);
    assert.equal(version.version, 3);
    assert.equal(version.status, 'pending');
    assert.ok(version.origin_approved_at);
    assert.equal(version.destination_approved_at, null);
    assert.equal(await inForceOn('2026-10-01'), 2, 'the pending version 3 is not in force');

    const approved = await approveVersion(db(), emirates.actor, 'NPL-ARE', 3);
    assert.equal(approved.status, 'approved');
    assert.equal(approved.approved_via, 'authorities');
    assert.equal(await inForceOn('2026-10-01'), 3);
    assert.equal(await inForceOn('2026-08-31'), 2);
  });

  it('a later version with an earlier valid_from governs only until the later valid_from of another', async () => {
    // Version 4 backdates a change to 2026-08-01: v2 (07-01) until then, v4 from 08-01, v3 (09-01) after.
    const v4 = await applyRules(db(), CLI_ACTOR, { ...EXAMPLE, valid_from: '2026-08-01', min_annual_leave_days: 35 });
    assert.equal(v4.version, 4);
    assert.equal(await inForceOn('2026-07-31'), 2);
    assert.equal(await inForceOn('2026-08-15'), 4);
    assert.equal(await inForceOn('2026-09-01'), 3);
  });

  it('on equal valid_from the higher version wins', async () => {
    const v5 = await applyRules(db(), CLI_ACTOR, { ...EXAMPLE, valid_from: '2026-09-01', min_annual_leave_days: 36 });
    assert.equal(v5.version, 5);
    assert.equal(await inForceOn('2026-09-01'), 5);
  });

  it('importing rules identical to a pending proposal approves that proposal instead of adding one', async () => {
    const rules = { ...EXAMPLE, valid_from: '2027-01-01', max_hours_per_week: 45 };
    const proposed = await proposeVersion(db(), emirates.actor, 'NPL-ARE', rules);
    assert.equal(proposed.version.status, 'pending');
    const before = await count('corridor_rule_versions');
    const applied = await applyRules(db(), CLI_ACTOR, rules);
    assert.deepEqual(applied, { corridor: 'NPL-ARE', version: proposed.version.version, created: false });
    assert.equal(await count('corridor_rule_versions'), before);
    assert.equal(await inForceOn('2027-01-01'), proposed.version.version);
  });
});
