import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { validRow, writeCsv } from './import-test-support.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

describe('corridor contracts import (the command)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'contracts-import-cli-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  // The embedded default: the data folder keeps its own master key.
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.CORRIDOR_MASTER_KEY;
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, ['bin/corridor.js', '--data', join(dir, 'data'), ...args], { cwd: root, env, encoding: 'utf8' });
    const out = r.stdout.trim();
    return { status: r.status, json: out ? JSON.parse(out) : undefined, stdout: out, stderr: r.stderr };
  };

  it('prints the documented JSON and exits 0 on import, 1 on refusal', { timeout: 180_000 }, () => {
    assert.equal(run(['corridors', 'apply', 'docs/examples/corridor-npl-are.json', '--json']).status, 0);
    const org = run(['orgs', 'create', '--kind', 'employer', '--name', 'Desert Logistics FZE', '--country', 'ARE', '--external-id', '1000123', '--json']);
    assert.equal(org.status, 0, org.stderr);

    const ok = run(['contracts', 'import', 'docs/examples/legacy-contracts.csv', '--corridor', 'NPL-ARE', '--json']);
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(ok.stdout.split('\n').length, 1);
    assert.equal(ok.json.imported, 4);
    assert.deepEqual(ok.json.errors, []);

    const bad = join(dir, 'bad.csv');
    writeCsv(bad, [validRow(1, { employer_id: '1000123' }), validRow(2, { employer_id: '1000123', currency: 'NPR' })]);
    const refused = run(['contracts', 'import', bad, '--corridor', 'NPL-ARE', '--json']);
    assert.equal(refused.status, 1, refused.stderr);
    assert.deepEqual(refused.json, { imported: 0, errors: [{ line: 3, column: 'currency', message: 'wages must be stated in AED' }], error_count: 1 });

    const unknown = run(['contracts', 'import', bad, '--corridor', 'NPL-QAT', '--json']);
    assert.equal(unknown.status, 1);
    assert.equal(unknown.json.error.code, 'not_found');
    assert.equal(run(['contracts', 'import', bad, '--json']).status, 2);
  });
});
