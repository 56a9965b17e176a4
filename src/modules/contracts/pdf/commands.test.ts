import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { corridor } from '../../../../test/helpers/cli.js';
import { loadConfig } from '../../../core/config.js';
import { openDatabase } from '../../../core/db/database.js';
import { makeAuthorities, makeLoggedContract } from '../registry/test-registry.js';
import { CHROMIUM } from './pdf-renderer.js';

const skip = existsSync(CHROMIUM) && existsSync('/usr/bin/pdffonts') ? false : 'needs Debian chromium and poppler-utils (scripts/ensure-system-packages.sh)';

describe('corridor contracts pdf (CLI)', { skip }, () => {
  let dir: string;
  let contractNo: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'corridor-pdf-cli-'));
    const config = loadConfig({ dataDir: dir }, {});
    const database = await openDatabase({ dataDir: dir });
    try {
      contractNo = (await makeLoggedContract(database, config, await makeAuthorities(database))).contract_no;
    } finally {
      await database.close();
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the Arabic copy to --out and reports it as JSON', async () => {
    const out = join(dir, 'copy-ar.pdf');
    const run = await corridor(['--data', dir, 'contracts', 'pdf', contractNo, '--lang', 'ar', '--out', out, '--json']);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout);
    assert.deepEqual({ ...report, bytes: undefined }, { contract_no: contractNo, lang: 'ar', file: out, bytes: undefined });
    const pdf = readFileSync(out);
    assert.equal(report.bytes, pdf.length);
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(execFileSync('pdffonts', [out], { encoding: 'utf8' }), /NotoSansArabic/);
  });

  it('exits 1 with a pointer for a language it cannot print, and for an unknown number', async () => {
    const bad = await corridor(['--data', dir, 'contracts', 'pdf', contractNo, '--lang', 'xx', '--out', join(dir, 'x.pdf'), '--json']);
    assert.equal(bad.code, 1, bad.stderr);
    assert.equal(JSON.parse(bad.stdout).error.errors[0].pointer, '/lang');
    assert.ok(!existsSync(join(dir, 'x.pdf')));
    const unknown = await corridor(['--data', dir, 'contracts', 'pdf', 'NO-SUCH-1', '--lang', 'en', '--json']);
    assert.equal(unknown.code, 1);
    assert.equal(JSON.parse(unknown.stdout).error.code, 'not_found');
  });
});
