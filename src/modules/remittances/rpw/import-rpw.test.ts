import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CLI_ACTOR } from '../../../core/auth/actor.js';
import { type TestDatabase, testDatabase } from '../../../../test/helpers/database.js';
import { corridorAverages } from '../figures/averages.js';
import { periodFigures } from '../figures/sdg.js';
import { importRpwFile } from './import-rpw.js';

const EXAMPLE = fileURLToPath(new URL('../../../../data/remittances/example_rpw_layout.csv', import.meta.url));

describe('corridor remittances import (RPW layout)', () => {
  let database: TestDatabase;
  let dir: string;
  let example: string;
  before(async () => {
    database = await testDatabase();
    dir = await mkdtemp(join(tmpdir(), 'rpw-'));
    example = await readFile(EXAMPLE, 'utf8');
  });
  after(async () => database.close());

  const count = async () => Number((await database.db.selectFrom('remittance_quotes').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const write = async (name: string, text: string) => {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  };
  /** The example file with one cell of one data line (1-based file line) replaced. */
  const withCell = (line: number, column: string, value: string) => {
    const lines = example.split('\n');
    const header = lines[0]!.split(',');
    const cells = lines[line - 1]!.split(',');
    cells[header.indexOf(column)] = value;
    lines[line - 1] = cells.join(',');
    return lines.join('\n');
  };

  it('refuses a file with bad rows whole, naming each line and column, and stores nothing', async () => {
    let text = withCell(2, 'period', '2025Q1');
    text = text.split('\n').map((l, i) => {
      if (i !== 3) return l;
      const cells = l.split(',');
      cells[3] = 'XYZ'; // destination_code
      cells[15] = '-35.1'; // cc1 lcu fx rate
      return cells.join(',');
    }).join('\n');
    const path = await write('bad.csv', text);
    const r = await importRpwFile(database, CLI_ACTOR, path);
    assert.equal(r.status, 'rejected');
    assert.deepEqual(r.errors.map((e) => [e.line, e.field]), [[2, 'period'], [4, 'destination_code'], [4, 'cc1 lcu fx rate']]);
    assert.match(r.errors[0]!.expected!, /YYYY_nQ/);
    assert.equal(await count(), 0);
    assert.equal((await database.db.selectFrom('remittance_imports').selectAll().execute()).length, 0);
  });

  it('refuses zero reference rates, unknown currencies, wrong price points, sub-minor amounts and a missing column', async () => {
    const cases: [string, string, string, string][] = [
      ['inter lcu bank fx', '0', 'inter lcu bank fx', 'zero'],
      ['cc1 lcu code', 'ZZZ', 'cc1 lcu code', 'currency'],
      ['cc1 denomination amount', '250', 'cc1 denomination amount', 'USD 200'],
      ['cc1 lcu fee', '55.091', 'cc1 lcu fee', 'at most 2 decimals'],
      ['speed actual', 'Tomorrow', 'speed actual', 'speed'],
      ['transparent', 'maybe', 'transparent', 'yes'],
      ['date', '2025-02-30', 'date', 'date'],
    ];
    for (const [column, value, field, message] of cases) {
      const r = await importRpwFile(database, CLI_ACTOR, await write(`${column}.csv`, withCell(5, column, value)));
      assert.equal(r.status, 'rejected', `${column}=${value}`);
      assert.equal(r.errors[0]!.line, 5);
      assert.equal(r.errors[0]!.field, field);
      assert.match(`${r.errors[0]!.message} ${r.errors[0]!.expected}`, new RegExp(message));
    }
    const noColumn = example.split('\n').map((l) => l.split(',').filter((_, i) => i !== 25).join(',')).join('\n');
    const r = await importRpwFile(database, CLI_ACTOR, await write('no-reference.csv', noColumn));
    assert.deepEqual(r.errors.map((e) => [e.line, e.field]), [[1, 'inter lcu bank fx']]);
    assert.equal(await count(), 0);
  });

  it('imports the example, keeps and flags odd rows, recomputes totals and counts a repeated file once', async () => {
    const r = await importRpwFile(database, CLI_ACTOR, EXAMPLE);
    assert.equal(r.status, 'imported');
    assert.equal(r.rows, 23);
    // Five not transparent, one with blank rates (also not transparent), one placeholder 1: six without a comparable price.
    assert.equal(r.not_comparable, 6);
    assert.deepEqual(r.flags, { not_transparent: 5, rate_missing: 1, rate_placeholder: 1, negative_margin: 1 });
    const again = await importRpwFile(database, CLI_ACTOR, EXAMPLE);
    assert.equal(again.status, 'duplicate');
    assert.equal(await count(), 23);

    // Expected figures computed independently (exact fractions, outside this code base).
    const averages = await corridorAverages(database.db, { period: '2025_1Q' });
    assert.deepEqual(averages.map((a) => [a.source_code, a.destination_code, a.services]), [['ARE', 'NPL', 10], ['USA', 'MEX', 7]]);
    const near = (a: number | null, b: number) => assert.ok(a !== null && Math.abs(a - b) < 1e-12, `${a} vs ${b}`);
    near(averages[0]!.avg_total_cost_pct_200, 7.25893175510681);
    near(averages[0]!.avg_total_cost_pct_500, 6.384765614193175);
    near(averages[0]!.smart_pct, 4.0720428108638655);
    near(averages[1]!.avg_total_cost_pct_200, 8.744731214487507);
    near(averages[1]!.smart_pct, 1.7278066278265558);

    const [figures] = await periodFigures(database.db, '2025_1Q');
    assert.equal(figures!.services, 17);
    near(figures!.global_avg_total_cost_pct_200, (7.25893175510681 * 10 + 8.744731214487507 * 7) / 17);
    assert.deepEqual(figures!.regions.map((x) => [x.region, x.services]), [['Latin America & Caribbean', 7], ['South Asia', 10]]);
  });

  it('lets a later survey of the same corridor and quarter replace the earlier one in the figures, keeping both', async () => {
    const lines = example.split('\n').filter((l, i) => i === 0 || l.includes(',ARE,ARE,NPL,'));
    const resurvey = `${lines.map((l, i) => (i === 0 ? l : l.replace(',Example Remit', ',Resurveyed Remit'))).slice(0, 3).join('\n')}\n`;
    const r = await importRpwFile(database, CLI_ACTOR, await write('resurvey.csv', resurvey));
    assert.equal(r.status, 'imported');
    const [areNpl] = await corridorAverages(database.db, { period: '2025_1Q', source: 'ARE', destination: 'NPL' });
    assert.equal(areNpl!.services, 2, 'the two re-surveyed rows replace the first survey');
    assert.equal(areNpl!.smart_pct, null, 'fewer than three eligible services: no SmaRT');
    assert.equal(await count(), 25, 'the earlier survey stays stored');
  });

  it('loads a file of many chunks whole, and takes back the chunks already loaded when a late row is bad', async () => {
    // 12 copies of the example's rows: more rows than one chunk of the worker thread (5,000 a chunk, 8 MB a PGlite COPY).
    const [head, ...rows] = example.trim().split('\n');
    // Another quarter, so that the figures of the tests above stay as they are.
    const many = Array.from({ length: 12 * 23 * 20 }, (_, i) => rows[i % rows.length]!.replace('2025_1Q,', '2019_1Q,').replace(',Example Remit', `,Remit ${i}`));
    const before = await count();
    const bad = [...many];
    bad[bad.length - 2] = bad.at(-2)!.replace('2019_1Q,', '2019-1,');
    const refused = await importRpwFile(database, CLI_ACTOR, await write('many-bad.csv', [head, ...bad].join('\n')));
    assert.equal(refused.status, 'rejected');
    assert.deepEqual(refused.errors.map((e) => [e.line, e.field]), [[many.length, 'period']]);
    assert.equal(await count(), before, 'the chunks loaded before the bad row are taken back');

    let progress = 0;
    const path = await write('many.csv', [head, ...many].join('\n'));
    const r = await importRpwFile(database, CLI_ACTOR, path, (bytes) => (progress = bytes));
    assert.equal(r.status, 'imported');
    assert.equal(r.rows, many.length);
    assert.equal(await count(), before + many.length);
    assert.equal(progress, (await readFile(path)).length, 'progress reaches the whole file');
    const lines = await database.db.selectFrom('remittance_quotes').select('line').where('import_id', '=', r.import_id).orderBy('line').execute();
    assert.deepEqual([lines[0]!.line, lines.at(-1)!.line], [2, many.length + 1], 'each quote keeps its own line');
  });
});
