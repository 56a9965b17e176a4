import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseSalaryFile } from './parse-salary-file.js';
import { SAMPLES, errorPlaces } from './test-support.js';

const open = (name: string, profiles: ('strict' | 'evp' | 'lenient-id')[] = []) =>
  parseSalaryFile(createReadStream(`${SAMPLES}/${name}`, { highWaterMark: 64 }), { fileName: name, profiles });

describe('UAE SIF samples (samples/README.md)', () => {
  it('accepts the valid file with the README control values', async () => {
    const r = await open('0000009990001250601093000.SIF');
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.warnings, []);
    assert.equal(r.format, 'uae-sif');
    assert.equal(r.employerId, '0000009990001');
    assert.equal(r.employerBankCode, '999100001');
    assert.equal(r.salaryMonth, '2025-05');
    assert.equal(r.fileCreatedOn, '2025-06-01');
    assert.equal(r.recordCount, 5);
    assert.equal(r.totalMinor, 792550);
    assert.equal(r.records.length, 5);
    assert.deepEqual(r.records.map((x) => x.paidMinor), [150000, 135000, 200000, 212550, 95000]);
    assert.equal(r.records[2]!.unpaidLeaveDays, 2);
    assert.deepEqual(r.records[0], {
      line: 1, personId: '99900000000001', agentRoutingCode: '999100001', account: 'AE879990000000000000001',
      payStart: '2025-05-01', payEnd: '2025-05-31', daysPaid: 31, fixedMinor: 150000, variableMinor: 0,
      deductionsMinor: 0, paidMinor: 150000, unpaidLeaveDays: 0,
    });
  });

  it('refuses the defective file with exactly the three planted errors', async () => {
    const r = await open('0000009990001250601094500.SIF');
    assert.deepEqual(errorPlaces(r), ['2 EDR field 6 (Pay End Date)', '4 EDR field 2 (Employee Unique ID)', '6 SCR field 8 (Total Salary)']);
    assert.match(r.errors[0]!.message, /2025-05-32.*not a real calendar date/);
    assert.match(r.errors[1]!.message, /99900000000001.*line 1/);
    assert.match(r.errors[2]!.message, /8025\.50.*7925\.50/);
    assert.equal(r.totalMinor, 792550, 'the bad-date line still counts in the total');
    assert.deepEqual(r.records, []);
  });

  it('accepts the EVP file under the evp profile, with the allowances attached', async () => {
    const r = await open('0000009990001250601100000.SIF', ['evp']);
    assert.deepEqual(r.errors, []);
    assert.equal(r.recordCount, 5, 'EVP lines are not counted');
    assert.equal(r.totalMinor, 792550);
    assert.deepEqual(r.records[1]!.variablePay, {
      housingMinor: 10000, conveyanceMinor: 0, medicalMinor: 0, annualPassageMinor: 0, overtimeMinor: 5000, otherMinor: 0, leaveEncashmentMinor: 0,
    });
    assert.equal(r.records[3]!.variablePay?.overtimeMinor, 32550);
    assert.equal(r.records[3]!.line, 5);
  });

  it('refuses the EVP file under the strict profile, naming the EVP record type', async () => {
    for (const profiles of [[], ['strict']] as const) {
      const r = await open('0000009990001250601100000.SIF', [...profiles]);
      assert.deepEqual(errorPlaces(r), ['3 EVP field 1 (Record Type)', '6 EVP field 1 (Record Type)']);
      assert.match(r.errors[0]!.message, /strict/);
    }
  });

  it('hashes the exact bytes read, so a second submission is recognisable', async () => {
    for (const name of ['0000009990001250601093000.SIF', 'SIF_99990001_TEST_20250601_0930.csv']) {
      const bytes = readFileSync(`${SAMPLES}/${name}`);
      const r = await open(name);
      assert.equal(r.sha256, createHash('sha256').update(bytes).digest('hex'));
      assert.equal(r.byteCount, bytes.length);
    }
  });
});
