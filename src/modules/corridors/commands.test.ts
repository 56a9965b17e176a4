import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { corridor } from '../../../test/helpers/cli.js';
import { EXAMPLE_RULES } from './test-support.js';


describe('corridor corridors (CLI)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'corridor-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('applies the CLI.md example as version 1 on a fresh data folder, exactly as CLI.md prints it', async () => {
    const run = await corridor(['--data', join(dir, 'data'), 'corridors', 'apply', 'docs/examples/corridor-npl-are.json', '--json']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '{"corridor":"NPL-ARE","version":1}\n');
  });

  it('applying the same file again is not counted twice', async () => {
    const run = await corridor(['--data', join(dir, 'data'), 'corridors', 'apply', 'docs/examples/corridor-npl-are.json', '--json']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { corridor: 'NPL-ARE', version: 1 });
  });

  it('changed rules become version 2', async () => {
    const file = join(dir, 'v2.json');
    writeFileSync(file, JSON.stringify({ ...EXAMPLE_RULES, valid_from: '2026-07-01', min_monthly_wage_minor: 120000 }));
    const run = await corridor(['--data', join(dir, 'data'), 'corridors', 'apply', file, '--json']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { corridor: 'NPL-ARE', version: 2 });
  });

  it('refuses an invalid file with exit 1, naming every pointer', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...EXAMPLE_RULES, currency: 'ZZZ', wage: { ...EXAMPLE_RULES.wage, pay_day: 0 }, colour: 'blue' }));
    const run = await corridor(['--data', join(dir, 'data'), 'corridors', 'apply', file, '--json']);
    assert.equal(run.code, 1);
    const out = JSON.parse(run.stdout);
    assert.equal(out.error.code, 'validation_failed');
    assert.deepEqual(out.error.errors.map((e: { pointer: string }) => e.pointer).sort(), ['/colour', '/currency', '/wage/pay_day']);
    assert.match(run.stderr, /\/wage\/pay_day/);
  });

  it('refuses a file that is not JSON with exit 1 and a clear message', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"code": "NPL-ARE",');
    const run = await corridor(['--data', join(dir, 'data'), 'corridors', 'apply', file, '--json']);
    assert.equal(run.code, 1);
    assert.match(JSON.parse(run.stdout).error.message, /is not valid JSON/);
  });

  it('prints the JSON Schema of a rules file', async () => {
    const run = await corridor(['corridors', 'schema']);
    assert.equal(run.code, 0, run.stderr);
    const schema = JSON.parse(run.stdout);
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(schema.additionalProperties, false);
    assert.ok(schema.properties.wage.properties.pay_day.description);
  });
});
