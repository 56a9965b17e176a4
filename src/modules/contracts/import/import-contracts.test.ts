import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLI_ACTOR } from '../../../core/auth/actor.js';
import { loadConfig } from '../../../core/config.js';
import { TEST_MASTER_KEY } from '../../../../test/helpers/app.js';
import { type TestDatabase, testDatabase } from '../../../../test/helpers/database.js';
import { makeOrganisation, makeWorker } from '../../../../test/helpers/factories.js';
import { canonicalJson, digestOf } from '../registry/canonical.js';
import { leafBytes, registryLeaf } from '../registry/leaf.js';
import { findLatestTreeHead } from '../registry/tree-head-queries.js';
import { verifyRegistry } from '../registry/verify/verify-registry.js';
import { importContracts } from './import-contracts.js';
import { applyExampleCorridor, countRows, validRow, writeCsv } from './import-test-support.js';
import { legacyKeyTerms, legacyTerms } from './legacy-terms.js';

const config = loadConfig({ masterKey: TEST_MASTER_KEY }, {});

describe('contracts import', () => {
  let database: TestDatabase;
  let dir: string;
  let employerId: string;
  // Quotes, a backslash, Arabic, an accent and a control character: to_json must escape as RFC 8785 does.
  const employerName = 'Al "Noor" \\ Trading — النور Café \u0007 LLC';
  const run = (file: string) => importContracts(database, config, CLI_ACTOR, { file, corridor: 'NPL-ARE' });

  before(async () => {
    database = await testDatabase();
    dir = mkdtempSync(join(tmpdir(), 'contracts-import-'));
    await applyExampleCorridor(database);
    employerId = (await makeOrganisation(database, { kind: 'employer', country: 'ARE', name: employerName, external_id: 'EST-1' })).id;
    await makeOrganisation(database, { kind: 'employer', country: 'QAT', external_id: 'EST-QA' });
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database.close();
  });

  it('imports a valid file: registered contracts, workers matched or created, digests and registry entries that verify', async () => {
    const existing = await makeWorker(database, { full_name: 'Ram-bahadur  Gurung', person_id: '784199000000001', birth_date: '1995-04-12', sex: 'F' });
    const rows = [validRow(1), validRow(2), validRow(3, { worker_id: validRow(2).worker_id, sex: 'M', passport_no: validRow(2).passport_no, start_date: '2028-03-01', end_date: '2029-02-28' })];
    const file = join(dir, 'valid.csv');
    // Column order differs from CLI.md and an extra column is ignored.
    writeCsv(file, rows, ['remarks', ...Object.keys(rows[0]!).reverse()]);
    const before = await countRows(database);

    const result = await run(file);
    assert.deepEqual(result.errors, []);
    assert.equal(result.imported, 3);
    assert.equal(result.workers_created, 1);

    const after = await countRows(database);
    assert.equal(after.contracts - before.contracts, 3);
    assert.equal(after.contract_versions - before.contract_versions, 3);
    assert.equal(after.contract_transitions - before.contract_transitions, 3);
    assert.equal(after.workers - before.workers, 1);
    assert.equal(after.registry_entries - before.registry_entries, 3);

    const stored = await database.db
      .selectFrom('contracts as c')
      .innerJoin('contract_versions as v', (j) => j.onRef('v.contract_id', '=', 'c.id'))
      .innerJoin('workers as w', 'w.id', 'c.worker_id')
      .innerJoin('registry_entries as r', 'r.leaf_index', 'v.leaf_index')
      .select(['c.contract_no', 'c.status', 'c.source', 'c.employer_id', 'c.registered_version', 'v.state', 'v.terms', 'v.terms_digest',
        'v.monthly_fixed_minor', 'v.registered_at', 'v.signatures', 'v.leaf_index', 'w.id as worker_uuid', 'w.person_id', 'w.full_name', 'r.leaf_json'])
      .orderBy('c.contract_no')
      .execute();
    assert.deepEqual(stored.map((s) => s.person_id), [existing.person_id, rows[1]!.worker_id, rows[1]!.worker_id]);
    const head = await findLatestTreeHead(database.db);
    assert.equal(head?.tree_size, 3);
    const at = stored[0]!.registered_at!.toISOString().replace('.000Z', 'Z');
    stored.forEach((s, i) => {
      const row = rows[i]!;
      assert.equal(s.status, 'registered');
      assert.equal(s.source, 'legacy_import');
      assert.equal(s.state, 'registered');
      assert.equal(s.registered_version, 1);
      assert.deepEqual(s.signatures, []);
      assert.equal(s.employer_id, employerId);
      const legacy = {
        corridor: 'NPL-ARE', employerId, workerId: s.worker_uuid, occupation: row.occupation_isco, start: row.start_date, end: row.end_date,
        currency: row.currency, basicMinor: Number(row.basic_wage_minor), allowancesMinor: Number(row.allowances_minor),
      };
      const terms = legacyTerms(legacy);
      assert.deepEqual(s.terms, terms);
      // What `registry verify` recomputes from the stored terms is what was stored.
      assert.equal(s.terms_digest, digestOf(s.terms));
      assert.equal(s.terms_digest, digestOf(terms));
      assert.equal(s.monthly_fixed_minor, legacy.basicMinor + legacy.allowancesMinor);
      const leaf = leafBytes(registryLeaf({
        contractNo: row.contract_no, version: 1, termsDigest: digestOf(terms), keyTerms: legacyKeyTerms(legacy, employerName, s.full_name),
        signatures: [], registeredAt: at,
      }));
      assert.equal(s.leaf_json, leaf);
      assert.equal(s.leaf_index, i);
    });
    assert.equal(canonicalJson(JSON.parse(stored[0]!.leaf_json)), stored[0]!.leaf_json);
    // `corridor registry verify` recomputes every digest, leaf and node from what was stored.
    assert.deepEqual(await verifyRegistry(database.db), { entries: 3, ok: true, problems: [] });
    assert.match(stored[0]!.leaf_json, /"key_terms_digest"/);
    const event = await database.db.selectFrom('audit_events').selectAll().where('action', '=', 'contracts.imported').executeTakeFirstOrThrow();
    assert.equal((event.details as { imported: number }).imported, 3);
    assert.doesNotMatch(JSON.stringify(event.details), /PA0/);

    // The same bytes again: recognised, nothing added.
    const again = await run(file);
    assert.equal(again.imported, 0);
    assert.deepEqual(again.errors, []);
    assert.ok(again.already_imported_at);
    assert.deepEqual(await countRows(database), after);

    // The same contracts in another file: refused, naming each one.
    const other = join(dir, 'again.csv');
    writeCsv(other, rows);
    const refused = await run(other);
    assert.equal(refused.imported, 0);
    assert.deepEqual(refused.errors, rows.map((r, i) => ({ line: i + 2, column: 'contract_no', message: `contract_no ${r.contract_no} is already in the registry` })));
    assert.deepEqual(await countRows(database), after);
  });

  it('refuses a file with bad rows, listing every line and column, and stores nothing', async () => {
    const rows = [
      validRow(10),
      validRow(11, { start_date: '2026-02-30' }),
      validRow(12, { occupation_isco: '9999' }),
      validRow(13, { basic_wage_minor: '99999' }),
      validRow(14, { contract_no: validRow(10).contract_no }),
      validRow(15, { currency: 'USD', sex: 'Q' }),
      validRow(16, { end_date: '2029-03-01' }),
      validRow(17, { occupation_isco: '2221' }),
      validRow(18, { employer_id: 'EST-QA', nationality: 'IND' }),
      validRow(19, { allowances_minor: '12.5', birth_date: '' }),
    ];
    const file = join(dir, 'bad.csv');
    writeCsv(file, rows);
    const before = await countRows(database);
    const result = await run(file);
    assert.equal(result.imported, 0);
    assert.deepEqual(result.errors, [
      { line: 3, column: 'start_date', message: 'must be a real date, YYYY-MM-DD' },
      { line: 4, column: 'occupation_isco', message: 'must be an ISCO-08 unit group (4 digits)' },
      { line: 5, column: 'basic_wage_minor', message: 'is below the minimum of 100000' },
      { line: 6, column: 'contract_no', message: 'contract_no T-000010 also appears on line 2' },
      { line: 7, column: 'sex', message: 'must be F, M or X' },
      { line: 7, column: 'currency', message: 'wages must be stated in AED' },
      { line: 8, column: 'end_date', message: 'the contract runs 37 months; the corridor allows at most 24' },
      { line: 9, column: 'occupation_isco', message: 'active recruitment of health personnel from a country on the WHO safeguard list needs a recorded government-to-government exception' },
      { line: 10, column: 'nationality', message: 'must be NPL, the origin of corridor NPL-ARE' },
      { line: 10, column: 'employer_id', message: 'no employer with establishment id EST-QA is enrolled in ARE' },
      { line: 11, column: 'birth_date', message: 'is required' },
      { line: 11, column: 'allowances_minor', message: 'must be a whole number of minor units (digits only), or empty' },
    ]);
    assert.equal(result.error_count, 12);
    assert.deepEqual(await countRows(database), before);
  });

  it('refuses a file whose header lacks a required column, at line 1, and a short row', async () => {
    const file = join(dir, 'missing.csv');
    const columns = Object.keys(validRow(1)).filter((c) => c !== 'currency' && c !== 'sex');
    writeCsv(file, [validRow(30)], columns);
    const result = await run(file);
    assert.deepEqual(result.errors, [
      { line: 1, column: 'sex', message: 'required column is missing from the header' },
      { line: 1, column: 'currency', message: 'required column is missing from the header' },
    ]);
    const short = join(dir, 'short.csv');
    writeCsv(short, [validRow(31)]);
    const { appendFileSync } = await import('node:fs');
    appendFileSync(short, 'T-000032,784199000000032\n');
    const refused = await run(short);
    assert.equal(refused.errors[0]!.line, 3);
    assert.deepEqual(refused.errors[0], { line: 3, column: 'row', message: 'has 2 fields; the header has 15' });
  });
});
