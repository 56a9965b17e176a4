import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { SAMPLES, errorPlaces, parseText } from './test-support.js';

const NAME = 'SIF_99990001_TEST_20250601_0930.csv';
const SAMPLE = readFileSync(`${SAMPLES}/${NAME}`, 'latin1');
const LINES = SAMPLE.split('\r\n').filter((l) => l !== '');

/** The sample with line `n` (1-based) changed field by field (1-based positions). */
function edit(n: number, changes: Record<number, string>): string {
  return LINES.map((line, i) => (i + 1 === n ? line.split(',').map((v, p) => changes[p + 1] ?? v).join(',') : line)).join('\r\n') + '\r\n';
}

const qatar = (text: string, fileName?: string) => parseText(text, { format: 'qatar-sif', ...(fileName ? { fileName } : {}) });
const places = (list: { line: number; field: string }[]) => list.map((p) => `${p.line} ${p.field}`);

describe('Qatar SIF (FORMAT.md section 2)', () => {
  it('accepts the sample with the README control values', async () => {
    const r = await parseText(SAMPLE, { fileName: NAME });
    assert.equal(r.format, 'qatar-sif');
    assert.deepEqual([r.errors, r.warnings], [[], []]);
    assert.deepEqual([r.employerId, r.employerBankCode, r.salaryMonth, r.fileCreatedOn, r.currency], ['99990001', 'TEST', '2025-05', '2025-06-01', 'QAR']);
    assert.deepEqual([r.recordCount, r.totalMinor, r.controlCount, r.controlTotalMinor], [4, 715000, 4, 715000]);
    assert.deepEqual(r.records.map((x) => x.personId), ['29999900001', '29999900002', '29999900003', '999999990004']);
    const third = r.records[2]!;
    assert.deepEqual([third.paidMinor, third.fixedMinor, third.variableMinor, third.deductionsMinor, third.qatar?.extraHoursHundredths], [165000, 160000, 15000, 10000, 1000]);
    assert.deepEqual([third.payStart, third.payEnd, third.daysPaid], ['2025-05-01', '2025-05-31', 28]);
    assert.deepEqual(r.records[3]!.qatar?.visaId, '999999990004');
  });

  it('checks the control total and count against the records (Q3, Q4)', async () => {
    const r = await qatar(edit(2, { 9: '7150.01', 10: '5' }));
    assert.deepEqual(errorPlaces(r), ['2 header field 9 (Total Salaries)', '2 header field 10 (Total Records)']);
    assert.match(r.errors[0]!.message, /7150\.01.*7150\.00/);
  });

  it('requires a QID or a visa ID on each record', async () => {
    assert.deepEqual(errorPlaces(await qatar(edit(7, { 3: '' }))), ['7 record fields 2-3 (Employee QID, Employee Visa ID)']);
    assert.deepEqual(errorPlaces(await qatar(edit(4, { 2: '2999990000' }))), ['4 record field 2 (Employee QID)']);
  });

  it('requires exactly one of payer EID and payer QID', async () => {
    assert.deepEqual(errorPlaces(await qatar(edit(2, { 5: '29999900009' }))), ['2 header fields 4-5 (Payer EID, Payer QID)']);
    assert.deepEqual(errorPlaces(await qatar(edit(2, { 4: '' }))), ['2 header fields 4-5 (Payer EID, Payer QID)']);
    assert.deepEqual(errorPlaces(await qatar(edit(2, { 4: '', 5: '29999900009' }))), []);
  });

  it('normalises a 7-digit employer EID to 8 digits', async () => {
    const r = await qatar(edit(2, { 1: '9999001' }));
    assert.deepEqual(r.errors, []);
    assert.equal(r.employerId, '09999001');
  });

  it('refuses bad header values', async () => {
    const cases: [Record<number, string>, string][] = [
      [{ 2: '20250631' }, '2 header field 2 (File Creation Date)'],
      [{ 3: '2460' }, '2 header field 3 (File Creation Time)'],
      [{ 6: 'TESTX' }, '2 header field 6 (Payer Bank Short Name)'],
      [{ 7: 'QA10TEST00000000000000000000' }, '2 header field 7 (Payer IBAN)'],
      [{ 8: '052025' }, '2 header field 8 (Salary Year and Month)'],
      [{ 9: '7150.000' }, '2 header field 9 (Total Salaries)'],
    ];
    for (const [changes, expected] of cases) assert.deepEqual(errorPlaces(await qatar(edit(2, changes))), [expected], expected);
  });

  it('refuses bad record values', async () => {
    const cases: [Record<number, string>, string][] = [
      [{ 1: '2' }, '4 record field 1 (Record Sequence)'],
      [{ 4: '' }, '4 record field 4 (Employee Name)'],
      [{ 5: '' }, '4 record field 5 (Employee Bank Short Name)'],
      [{ 6: 'QA81TEST000000000000000000001' }, '4 record field 6 (Employee Account)'],
      [{ 7: 'W' }, '4 record field 7 (Salary Frequency)'],
      [{ 8: '1000' }, '4 record field 8 (Number of Working days)'],
      [{ 10: '2000,5' }, '4 record (whole line)'],
      [{ 11: '1000' }, '4 record field 11 (Extra hours)'],
      [{ 13: '-1' }, '4 record field 13 (Deductions)'],
    ];
    for (const [changes, expected] of cases) assert.deepEqual(errorPlaces(await qatar(edit(4, changes))), [expected], expected);
  });

  it('warns on [U] rules: payer IBAN check digits, net formula, duplicates, payment type', async () => {
    const iban = await qatar(edit(2, { 7: 'QA11TEST000000000000000000000' }));
    assert.deepEqual([errorPlaces(iban), places(iban.warnings)], [[], ['2 header field 7 (Payer IBAN)']]);
    const net = await qatar(edit(4, { 10: '1900.00' }));
    assert.deepEqual([errorPlaces(net), places(net.warnings)], [[], ['4 record field 9 (Net Salary)']]);
    const dup = await qatar(edit(5, { 2: '29999900001' }));
    assert.deepEqual([errorPlaces(dup), places(dup.warnings)], [[], ['5 record field 2 (Employee QID)']]);
    const padded = await qatar(edit(4, { 4: ' FICTITIOUS WORKER ONE ' }));
    assert.deepEqual([errorPlaces(padded), places(padded.warnings), padded.records[0]!.qatar?.name], [[], ['4 record field 4 (Employee Name)'], 'FICTITIOUS WORKER ONE']);
    const type = await qatar(edit(4, { 14: 'Bonus' }));
    assert.deepEqual([errorPlaces(type), places(type.warnings)], [[], ['4 record field 14 (Payment Type)']]);
  });

  it('refuses wrong titles and accepts known variants', async () => {
    assert.deepEqual(errorPlaces(await qatar(edit(1, { 1: 'Employer ID' }))), ['1 header title 1']);
    assert.deepEqual(errorPlaces(await qatar(edit(3, { 1: 'Record Id', 15: 'notes' }))), []);
    assert.deepEqual(errorPlaces(await qatar(edit(1, { 10: 'Number of Records' }))), []);
  });

  it('accepts UTF-8 names and refuses bytes that are not UTF-8', async () => {
    const utf8 = Buffer.from(edit(4, { 4: 'محمد علي' }), 'utf8');
    const ok = await parseText(utf8, { format: 'qatar-sif' });
    assert.deepEqual(ok.errors, []);
    assert.equal(ok.records[0]!.qatar?.name, 'محمد علي');
    assert.deepEqual(errorPlaces(await qatar(edit(4, { 4: 'Jos\xe9' }))), ['4 line']);
  });

  it('refuses files without records or without the leading lines', async () => {
    assert.deepEqual(errorPlaces(await qatar(LINES.slice(0, 3).join('\r\n'))), ['0 file', '2 header field 9 (Total Salaries)', '2 header field 10 (Total Records)']);
    assert.deepEqual(errorPlaces(await qatar(LINES.slice(0, 2).join('\r\n'))), ['0 file', '2 header field 9 (Total Salaries)', '2 header field 10 (Total Records)']);
    assert.match((await qatar(LINES.slice(0, 2).join('\r\n'))).errors[0]!.message, /2 of the 3 lines/);
    assert.deepEqual(errorPlaces(await qatar('')), ['0 file']);
  });

  it('checks the file name (Q5) when given', async () => {
    assert.deepEqual(errorPlaces(await qatar(SAMPLE, 'salaries.csv')), ['0 file name']);
    const other = await qatar(SAMPLE, 'SIF_99990002_TEST_20250602_0930.csv');
    assert.deepEqual([errorPlaces(other), places(other.warnings)], [[], ['0 file name', '0 file name']]);
  });
});
