import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { corridor } from '../../../test/helpers/cli.js';

const EXAMPLE = fileURLToPath(new URL('../../../data/remittances/example_rpw_layout.csv', import.meta.url));

describe('corridor remittances (CLI.md)', () => {
  let data: string;
  before(async () => {
    data = await mkdtemp(join(tmpdir(), 'remit-cli-'));
  });
  const run = (...args: string[]) => corridor(['--data', data, ...args]);

  it('imports an RPW file, once, and prints the averages with exactly the fields of CLI.md', async () => {
    const imported = await run('remittances', 'import', EXAMPLE, '--json');
    assert.equal(imported.code, 0, imported.stderr);
    assert.deepEqual([JSON.parse(imported.stdout).status, JSON.parse(imported.stdout).rows], ['imported', 23]);
    const again = await run('remittances', 'import', EXAMPLE, '--json');
    assert.equal(JSON.parse(again.stdout).status, 'duplicate');

    const averages = await run('remittances', 'averages', '--period', '2025_1Q', '--json');
    assert.equal(averages.code, 0, averages.stderr);
    const rows = JSON.parse(averages.stdout) as Record<string, unknown>[];
    assert.deepEqual(Object.keys(rows[0]!), ['period', 'source_code', 'destination_code', 'avg_total_cost_pct_200', 'avg_total_cost_pct_500', 'services', 'smart_pct']);
    assert.deepEqual(rows.map((r) => [r.source_code, r.destination_code, r.services]), [['ARE', 'NPL', 10], ['USA', 'MEX', 7]]);
    assert.equal(rows[0]!.avg_total_cost_pct_200, 7.25893175510681);
  });

  it('refuses a bad file whole with line and column, exit 1, and a period in the wrong form with exit 2', async () => {
    const bad = join(data, 'bad.csv');
    await writeFile(bad, 'period,source_code\n2025_1Q,ARE\n');
    const refused = await run('remittances', 'import', bad, '--json');
    assert.equal(refused.code, 1);
    const out = JSON.parse(refused.stdout);
    assert.equal(out.status, 'rejected');
    assert.ok(out.errors.every((e: { line: number; field: string }) => e.line === 1 && e.field));
    const period = await run('remittances', 'averages', '--period', '2025-Q1', '--json');
    assert.equal(period.code, 2);
    assert.match(period.stderr + period.stdout, /YYYY_nQ/);
  });
});
