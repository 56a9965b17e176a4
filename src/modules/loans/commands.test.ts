import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { corridor } from '../../../test/helpers/cli.js';

describe('corridor loans (operator commands)', () => {
  let dir: string;
  let data: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'corridor-loans-'));
    data = join(dir, 'data');
    const apply = await corridor(['--data', data, 'corridors', 'apply', 'docs/examples/corridor-npl-are.json', '--json']);
    assert.equal(apply.code, 0, apply.stderr);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a deduction file whole, naming each line and field (exit 1)', async () => {
    const file = join(dir, 'deductions.csv');
    writeFileSync(file, 'loan_id,month,amount_minor,currency\n00000000-0000-4000-8000-000000000001,2026-07,-5,AED\nnot-a-uuid,2026-07,100,AED\n');
    const run = await corridor(['--data', data, 'loans', 'deductions', file, '--json']);
    assert.equal(run.code, 1, run.stderr);
    const problem = JSON.parse(run.stdout).error;
    assert.deepEqual(problem.errors.map((e: { line: number; field: string }) => [e.line, e.field]), [[2, 'amount_minor'], [3, 'loan_id']]);
  });

  it('a well-formed file naming an unknown loan is refused too; nothing is stored', async () => {
    const file = join(dir, 'unknown.csv');
    writeFileSync(file, 'loan_id,month,amount_minor,currency\n00000000-0000-4000-8000-000000000001,2026-07,100,AED\n');
    const run = await corridor(['--data', data, 'loans', 'deductions', file, '--json']);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(JSON.parse(run.stdout).error.errors[0].field, 'loan_id');
  });

  it('matches a month (nothing to match here) and prints the totals', async () => {
    const match = await corridor(['--data', data, 'loans', 'match', '--period', '2026-07', '--json']);
    assert.equal(match.code, 0, match.stderr);
    assert.equal(JSON.parse(match.stdout).loans, 0);
    const bad = await corridor(['--data', data, 'loans', 'match', '--period', '2026-13', '--json']);
    assert.equal(bad.code, 2);
    const totals = await corridor(['--data', data, 'loans', 'totals', '--json']);
    assert.equal(totals.code, 0, totals.stderr);
    assert.deepEqual(JSON.parse(totals.stdout).rows, []);
  });

  it('records a refund paid: an unknown loan is refused (exit 1), a malformed amount is wrong usage (exit 2)', async () => {
    const args = ['--currency', 'AED', '--paid-on', '2026-08-10', '--reference', 'TRX-1', '--json'];
    const unknown = await corridor(['--data', data, 'loans', 'refund', '00000000-0000-4000-8000-000000000001', '--amount-minor', '100', ...args]);
    assert.equal(unknown.code, 1, unknown.stderr);
    assert.equal(JSON.parse(unknown.stdout).error.code, 'not_found');
    const bad = await corridor(['--data', data, 'loans', 'refund', '00000000-0000-4000-8000-000000000001', '--amount-minor', '12.5', ...args]);
    assert.equal(bad.code, 2, bad.stderr);
  });
});
