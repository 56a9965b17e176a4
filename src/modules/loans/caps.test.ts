import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { CLI_ACTOR } from '../../core/auth/actor.js';
import type { DB } from '../../schema.js';
import { type TestDatabase, testDatabase } from '../../../test/helpers/database.js';
import { applyRules } from '../corridors/apply-rules.js';
import { rulesHash } from '../corridors/rules-hash.js';
import { CorridorRules, corridorRulesJsonSchema } from '../corridors/rules.schema.js';
import { EXAMPLE_RULES } from '../corridors/test-support.js';
import { DEFAULT_LOAN_CAPS, instalmentCap, loanCapsInForce } from './caps.js';

describe('loan caps in the corridor rules (decision 0011)', () => {
  let database: TestDatabase;
  let db: Kysely<DB>;
  before(async () => {
    database = await testDatabase();
    db = database.db;
  });
  after(async () => database.close());

  it('rules without loan caps parse to the same document and hash as before (no default is filled in)', () => {
    const parsed = CorridorRules.parse(EXAMPLE_RULES);
    assert.equal('loans' in parsed, false);
    assert.equal(rulesHash(parsed), rulesHash(CorridorRules.parse(JSON.parse(JSON.stringify(EXAMPLE_RULES)))));
    const schema = corridorRulesJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    assert.ok(schema.properties.loans);
    assert.ok(!schema.required.includes('loans'));
  });

  it('refuses malformed caps with pointers', () => {
    const r = CorridorRules.safeParse({ ...EXAMPLE_RULES, loans: { max_annual_rate_bp: 12.5, max_instalment_share_bp: 0, extra: 1 } });
    assert.equal(r.success, false);
    const paths = r.error!.issues.map((i) => i.path.join('/')).sort();
    assert.deepEqual(paths, ['loans', 'loans/max_annual_rate_bp', 'loans/max_instalment_share_bp']);
  });

  it('the defaults apply while the rules say nothing; stated caps win once in force', async () => {
    await applyRules(db, CLI_ACTOR, { ...EXAMPLE_RULES, valid_from: '2025-01-01' });
    assert.deepEqual(await loanCapsInForce(db, 'NPL-ARE', '2025-06-01'), { ...DEFAULT_LOAN_CAPS, stated: false, rules_version: 1, rules_currency: 'AED' });
    await applyRules(db, CLI_ACTOR, { ...EXAMPLE_RULES, valid_from: '2025-07-01', loans: { max_annual_rate_bp: 800, max_instalment_share_bp: 1000 } });
    const caps = await loanCapsInForce(db, 'NPL-ARE', '2025-08-01');
    assert.deepEqual([caps!.max_annual_rate_bp, caps!.max_instalment_share_bp, caps!.stated], [800, 1000, true]);
    assert.equal(await loanCapsInForce(db, 'NPL-QAT', '2025-08-01'), undefined);
  });

  it('the instalment cap is floor(wage x share / 10000), never a float rounding up', () => {
    assert.equal(instalmentCap(150000, 1500), 22500);
    assert.equal(instalmentCap(133333, 1500), 19999);
  });
});
