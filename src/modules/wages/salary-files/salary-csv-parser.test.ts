import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { errorPlaces, parseText } from './test-support.js';

const EXAMPLE_PATH = new URL('../../../../docs/examples/salary-template.csv', import.meta.url);
const EXAMPLE = readFileSync(EXAMPLE_PATH, 'utf8');
const [HEADER, ...ROWS] = EXAMPLE.trimEnd().split('\r\n');
const PAYMENTS = ROWS.slice(0, -1);
const TOTAL = ROWS.at(-1)!;
const COLUMNS = HEADER!.split(',');

/** The example with payment row `i` (0-based) changed by column name. */
function edit(i: number, changes: Record<string, string>, total = TOTAL): string {
  const rows = PAYMENTS.map((row, r) => (r === i ? row.split(',').map((v, c) => changes[COLUMNS[c]!] ?? v).join(',') : row));
  return [HEADER, ...rows, total].join('\r\n') + '\r\n';
}

const csv = (text: string) => parseText(Buffer.from(text, 'utf8'), { format: 'csv' });

describe('Corridor CSV template (docs/salary-files.md)', () => {
  it('accepts the downloadable example, with the same payments as the UAE sample', async () => {
    const r = await parseText(Buffer.from(EXAMPLE), { fileName: 'salary-template.csv' });
    assert.equal(r.format, 'csv');
    assert.deepEqual([r.errors, r.warnings], [[], []]);
    assert.deepEqual([r.employerId, r.salaryMonth, r.fileCreatedOn, r.currency], ['0000009990001', '2025-05', '2025-06-01', 'AED']);
    assert.deepEqual([r.recordCount, r.totalMinor, r.controlCount, r.controlTotalMinor], [5, 792550, 5, 792550]);
    assert.deepEqual(r.records[3], {
      line: 5, personId: '99900000000004', agentRoutingCode: '999200002', account: 'AE069990000000000000004',
      payStart: '2025-05-01', payEnd: '2025-05-31', daysPaid: 31, fixedMinor: 180000, variableMinor: 32550,
      deductionsMinor: 0, paidMinor: 212550, unpaidLeaveDays: 0,
    });
  });

  it('names the column of each bad value', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ employer_id: 'ACME CO' }, 'employer_id'],
      [{ salary_month: '2025-13' }, 'salary_month'],
      [{ paid_on: '2025-06-31' }, 'paid_on'],
      [{ currency: 'XYZ' }, 'currency'],
      [{ person_id: '' }, 'person_id'],
      [{ account: 'AE889990000000000000001' }, 'account'],
      [{ account: 'GB82WEST12345698765433' }, 'account'],
      [{ pay_start: '05/01/2025' }, 'pay_start'],
      [{ pay_end: '2025-04-30' }, 'pay_end'],
      [{ days_paid: '32' }, 'days_paid'],
      [{ fixed_amount: '1500.005' }, 'fixed_amount'],
      [{ variable_amount: '1.5.0' }, 'variable_amount'],
      [{ unpaid_leave_days: '40' }, 'unpaid_leave_days'],
    ];
    for (const [changes, column] of cases) {
      const r = await csv(edit(1, changes));
      assert.equal(errorPlaces(r)[0], `3 ${column}`, JSON.stringify(changes));
    }
  });

  it('checks the TOTAL row against the rows', async () => {
    assert.deepEqual(errorPlaces(await csv(edit(0, {}, 'TOTAL,4,7925.51'))), [
      '7 TOTAL row, cell 2 (number of payment rows)',
      '7 TOTAL row, cell 3 (total of fixed_amount + variable_amount)',
    ]);
    assert.deepEqual(errorPlaces(await csv(edit(0, {}, 'TOTAL,5,7925.50,,,,,,,,,,'))), []);
    assert.deepEqual(errorPlaces(await csv(edit(0, {}, ''))), ['0 TOTAL row']);
    assert.deepEqual(errorPlaces(await csv(edit(0, {}, `${TOTAL}\r\n${PAYMENTS[0]}`))), ['7 TOTAL row', '7 TOTAL row, cell 2 (number of payment rows)', '7 TOTAL row, cell 3 (total of fixed_amount + variable_amount)', '8 person_id']);
  });

  it('keeps a file to one employer, month, payday and currency, and a person to one row', async () => {
    assert.deepEqual(errorPlaces(await csv(edit(2, { employer_id: '0000009990002' }))), ['4 employer_id']);
    assert.deepEqual(errorPlaces(await csv(edit(2, { salary_month: '2025-04', pay_start: '2025-04-01', pay_end: '2025-04-30', days_paid: '30' }))), ['4 salary_month']);
    assert.deepEqual(errorPlaces(await csv(edit(2, { person_id: '99900000000001' }))), ['4 person_id']);
  });

  it('uses the currency digits: OMR amounts have 3 decimals', async () => {
    const omr = edit(0, {}).replace(/,AED,/g, ',OMR,').replace(/(\d+\.\d\d),(\d+\.\d\d),/g, '$10,$20,').replace('7925.50', '7925.500');
    const r = await csv(omr);
    assert.deepEqual(r.errors, []);
    assert.equal(r.totalMinor, 7925500);
  });

  it('reads quoted cells, a byte-order mark, LF endings and any column order', async () => {
    const quoted = '\ufeff' + edit(0, {}).replace(/\r\n/g, '\n').replace('99900000000001', '"99900000000001"');
    assert.deepEqual(errorPlaces(await csv(quoted)), []);
    const swapped = edit(0, {}).split('\r\n').map((l) => l.split(',')).map((c) => (c.length > 3 ? [c[4], ...c.slice(0, 4), ...c.slice(5)] : c).join(',')).join('\r\n');
    const r = await csv(swapped);
    assert.deepEqual(errorPlaces(r), []);
    assert.equal(r.records[0]!.personId, '99900000000001');
  });

  it('refuses a header without a required column, with a duplicate, and warns on unknown columns', async () => {
    const without = edit(0, {}).replace('unpaid_leave_days', 'leave');
    const r = await csv(without);
    assert.deepEqual(errorPlaces(r), ['1 unpaid_leave_days', ...PAYMENTS.map((_, i) => `${i + 2} unpaid_leave_days`)]);
    assert.deepEqual(r.warnings.map((w) => `${w.line} ${w.field}`), ['1 leave']);
    assert.deepEqual(errorPlaces(await csv(edit(0, {}).replace('agent_routing_code', 'currency'))), ['1 currency']);
  });

  it('refuses rows that are not CSV or have the wrong number of cells', async () => {
    assert.deepEqual(errorPlaces(await csv(edit(1, { account: '"AE609990000000000000002' }))), ['0 TOTAL row', '3 row']);
    assert.deepEqual(errorPlaces(await csv(edit(1, { account: 'AE609990000000000000002,x' }))), ['3 row']);
  });

  it('refuses an empty file and a header with no rows', async () => {
    assert.deepEqual(errorPlaces(await csv('')), ['0 file']);
    assert.deepEqual(errorPlaces(await csv(`${HEADER}\r\nTOTAL,0,0.00\r\n`)), ['0 file']);
  });
});
