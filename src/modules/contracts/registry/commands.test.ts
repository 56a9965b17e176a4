import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { corridor } from '../../../../test/helpers/cli.js';
import { sql } from 'kysely';
import { loadConfig } from '../../../core/config.js';
import { openDatabase } from '../../../core/db/database.js';
import { makeAuthorities, makeLoggedContract } from './test-registry.js';


describe('corridor registry verify (CLI)', () => {
  let dir: string;
  let contractNo: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'corridor-registry-cli-'));
    // The embedded folder's own master key (master.key), as `corridor start` would make it.
    const config = loadConfig({ dataDir: dir }, {});
    const database = await openDatabase({ dataDir: dir });
    try {
      const authorities = await makeAuthorities(database);
      contractNo = (await makeLoggedContract(database, config, authorities)).contract_no;
      await makeLoggedContract(database, config, authorities);
    } finally {
      await database.close();
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the CLI.md document and exits 0 on an untouched registry', async () => {
    const run = await corridor(['--data', dir, 'registry', 'verify', '--json']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '{"entries":2,"ok":true,"problems":[]}\n');
  });

  it('exits 1 and names the contract whose terms were edited in the database', async () => {
    const database = await openDatabase({ dataDir: dir });
    try {
      await sql`RESET ROLE`.execute(database.db);
      await sql`UPDATE contract_versions SET terms = jsonb_set(terms, '{hours_per_week}', '60')
                WHERE contract_id = (SELECT id FROM contracts WHERE contract_no = ${contractNo})`.execute(database.db);
    } finally {
      await database.close();
    }
    const run = await corridor(['--data', dir, 'registry', 'verify', '--json']);
    assert.equal(run.code, 1, run.stderr);
    const out = JSON.parse(run.stdout);
    assert.equal(out.entries, 2);
    assert.equal(out.ok, false);
    assert.deepEqual([...new Set(out.problems.map((p: { contract_no: string }) => p.contract_no))], [contractNo]);
    const text = await corridor(['--data', dir, 'registry', 'verify']);
    assert.equal(text.code, 1);
    assert.match(text.stdout, new RegExp(`NOT verified[\\s\\S]*${contractNo}`));
  });
});
