import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { corridor } from '../../../test/helpers/cli.js';
import { openDatabase } from '../../core/db/database.js';
import { EXAMPLE_RULES } from '../corridors/test-support.js';
import { makeRegisteredContract, SAMPLE_EMPLOYER, SAMPLE_INVALID, SAMPLE_VALID, SAMPLES, sif } from './test-support.js';


describe('corridor wps (CLI.md)', () => {
  let dir: string;
  let data: string;
  const valid = `${SAMPLES}/${SAMPLE_VALID}`;
  const invalid = `${SAMPLES}/${SAMPLE_INVALID}`;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'corridor-wps-'));
    data = join(dir, 'data');
    const org = await corridor(['--data', data, 'orgs', 'create', '--kind', 'employer', '--name', 'Fictitious Test Co', '--country', 'ARE', '--external-id', SAMPLE_EMPLOYER, '--json']);
    assert.equal(org.code, 0, org.stderr);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('imports each file whole or refuses it whole, and exits 1 when one is refused', async () => {
    const run = await corridor(['--data', data, 'wps', 'import', valid, invalid, '--json']);
    assert.equal(run.code, 1, run.stderr);
    const { files } = JSON.parse(run.stdout);
    assert.deepEqual([files[0].file, files[0].status, files[0].records, files[0].errors], [valid, 'accepted', 5, []]);
    assert.equal(files[1].status, 'rejected');
    assert.deepEqual(files[1].errors.map((e: object) => Object.keys(e)), [['line', 'field', 'message'], ['line', 'field', 'message'], ['line', 'field', 'message']]);
    assert.deepEqual(files[1].errors.map((e: { line: number }) => e.line), [2, 4, 6]);
  });

  it('recognises the same file again as a duplicate (exit 0) and refuses an unknown employer', async () => {
    const again = await corridor(['--data', data, 'wps', 'import', valid, '--json']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(JSON.parse(again.stdout).files[0].status, 'duplicate');
    const unknown = sif({ employer: '0000009990002', month: '2025-05', createdOn: '2025-06-01', rows: [{ person: '99900000000001', fixed: '1500.00' }] });
    writeFileSync(join(dir, unknown.name), unknown.text);
    const run = await corridor(['--data', data, 'wps', 'import', join(dir, unknown.name), '--json']);
    assert.equal(run.code, 1);
    assert.match(JSON.parse(run.stdout).files[0].errors[0].message, /0000009990002 is not registered in Corridor/);
  });

  it('imports a folder as the files directly in it, by name; a name that is neither file nor folder is refused with exit 2', async () => {
    const folder = join(dir, 'month');
    mkdirSync(join(folder, 'older'), { recursive: true });
    const files = ['2025-06-02', '2025-06-01'].map((createdOn) => sif({ employer: SAMPLE_EMPLOYER, month: '2025-04', createdOn, rows: [{ person: '99900000000002', fixed: '1500.00' }] }));
    for (const f of files) writeFileSync(join(folder, f.name), f.text);
    writeFileSync(join(folder, '.DS_Store'), 'not a salary file');
    writeFileSync(join(folder, 'older', files[0]!.name.replace('.SIF', '9.SIF')), 'not read: in a subfolder');
    const run = await corridor(['--data', data, 'wps', 'import', folder, '--json']);
    assert.equal(run.code, 0, run.stdout);
    const byName = files.map((f) => f.name).sort();
    assert.deepEqual(JSON.parse(run.stdout).files.map((f: { file: string; status: string }) => [f.file, f.status]), byName.map((n) => [`${folder}/${n}`, 'accepted']));
    const missing = await corridor(['--data', data, 'wps', 'import', folder, join(dir, 'nowhere'), '--json']);
    assert.equal(missing.code, 2);
    assert.match(JSON.parse(missing.stdout).error.message, /nowhere: no such file or folder/);
    const again = await corridor(['--data', data, 'wps', 'import', `${folder}/`, '--json']);
    assert.deepEqual(JSON.parse(again.stdout).files.map((f: { status: string }) => f.status), ['duplicate', 'duplicate'], 'nothing was stored by the refused command either');
  });

  it('reconciles a month and reads one worker, as CLI.md prints them', async () => {
    writeFileSync(join(dir, 'rules.json'), JSON.stringify({ ...EXAMPLE_RULES, valid_from: '2025-01-01' }));
    assert.equal((await corridor(['--data', data, 'corridors', 'apply', join(dir, 'rules.json'), '--json'])).code, 0);
    const database = await openDatabase({ dataDir: data });
    try {
      const employer = await database.db.selectFrom('organisations').select('id').where('external_id', '=', SAMPLE_EMPLOYER).executeTakeFirstOrThrow();
      await makeRegisteredContract(database.db, { employerId: employer.id, personId: '99900000000001', start: '2025-01-01', end: '2026-12-31', monthly: 150000 });
    } finally {
      await database.close();
    }
    const run = await corridor(['--data', data, 'wps', 'reconcile', '--period', '2025-05', '--as-of', '2025-07-01', '--json']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), {
      period: '2025-05', as_of: '2025-07-01', contracts: 1, paid: 1, late: 0, underpaid: 0, unpaid: 0, pending: 0, unregistered_payments: 4,
    });
    const status = await corridor(['--data', data, 'wps', 'status', '--period', '2025-05', '--worker', '99900000000001', '--as-of', '2025-07-01', '--json']);
    assert.equal(status.code, 0, status.stderr);
    const s = JSON.parse(status.stdout);
    assert.deepEqual([s.worker_id, s.status, s.expected_minor, s.paid_minor, s.paid_on], ['99900000000001', 'paid', 150000, 150000, '2025-06-01']);
    const early = JSON.parse((await corridor(['--data', data, 'wps', 'status', '--period', '2025-05', '--worker', '99900000000001', '--as-of', '2025-05-31', '--json'])).stdout);
    assert.deepEqual([early.status, early.paid_minor, early.paid_on], ['pending', 0, null]);
  });

  it('refuses wrong usage with exit 2 before opening the database', async () => {
    const run = await corridor(['--data', join(dir, 'never'), 'wps', 'reconcile', '--period', '2025-13', '--json']);
    assert.equal(run.code, 2);
    assert.equal(JSON.parse(run.stdout).error.code, 'bad_request');
  });
});
