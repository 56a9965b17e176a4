import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { UaeProfile } from './salary-file.js';
import { errorPlaces, parseText } from './test-support.js';

const EDR1 = ['EDR', '99900000000001', '999100001', 'AE879990000000000000001', '2025-05-01', '2025-05-31', '31', '1500.00', '0.00', '0'];
const EDR2 = ['EDR', '99900000000002', '999100001', 'AE609990000000000000002', '2025-05-01', '2025-05-31', '31', '1200.00', '150.00', '0'];
const SCR = ['SCR', '0000009990001', '999100001', '2025-06-01', '0930', '052025', '2', '2850.00', 'AED', 'REF'];
const EVP2 = ['EVP', '99900000000002', '999100001', '100.00', '0.00', '0.00', '0.00', '50.00', '0.00', '0.00'];

/** A field list with some positions (1-based) replaced. */
const set = (base: string[], changes: Record<number, string>) => base.map((v, i) => changes[i + 1] ?? v).join(',');
const file = (...lines: string[]) => lines.map((l) => `${l}\r\n`).join('');
const VALID = file(set(EDR1, {}), set(EDR2, {}), set(SCR, {}));

async function uae(text: string, profiles: UaeProfile[] = [], fileName?: string) {
  return parseText(text, { format: 'uae-sif', profiles, ...(fileName ? { fileName } : {}) });
}

async function expectErrors(text: string, expected: string[], profiles: UaeProfile[] = []) {
  const r = await uae(text, profiles);
  assert.deepEqual(errorPlaces(r), expected);
  return r;
}

describe('UAE SIF: EDR fields (FORMAT.md 1.2)', () => {
  it('accepts the base file', async () => {
    const r = await expectErrors(VALID, []);
    assert.deepEqual(r.warnings, []);
    assert.equal(r.totalMinor, 285000);
  });

  const cases: [string, Record<number, string>, string[]][] = [
    ['a 15-digit person id', { 2: '999000000000011' }, ['1 EDR field 2 (Employee Unique ID)']],
    ['an alphanumeric person id', { 2: 'A9900000000001' }, ['1 EDR field 2 (Employee Unique ID)']],
    ['an 8-digit routing code', { 3: '99910000' }, ['1 EDR field 3 (Agent Routing Code)']],
    ['a 22-character UAE IBAN', { 4: 'AE87999000000000000000' }, ['1 EDR field 4 (Employee Account)']],
    ['a UAE IBAN with wrong check digits', { 4: 'AE889990000000000000001' }, ['1 EDR field 4 (Employee Account)']],
    ['a lower-case account', { 4: 'ae879990000000000000001' }, ['1 EDR field 4 (Employee Account)']],
    ['a 24-character account', { 4: '123456789012345678901234' }, ['1 EDR field 4 (Employee Account)']],
    ['an empty account', { 4: '' }, ['1 EDR field 4 (Employee Account)']],
    ['a start date that does not exist', { 5: '2025-02-30' }, ['1 EDR field 5 (Pay Start Date)']],
    ['a compact date (YYYYMMDD)', { 5: '20250501' }, ['1 EDR field 5 (Pay Start Date)']],
    ['an end before the start', { 5: '2025-05-31', 6: '2025-05-01', 7: '1' }, ['1 EDR field 6 (Pay End Date)']],
    ['more days than the period has', { 7: '32' }, ['1 EDR field 7 (Days in Period)']],
    ['days that are not a number', { 7: '3O' }, ['1 EDR field 7 (Days in Period)']],
    ['five-digit days', { 7: '00031' }, ['1 EDR field 7 (Days in Period)']],
    ['three decimals in the fixed amount', { 8: '1500.001' }, ['1 EDR field 8 (Income Fixed Component)']],
    ['a negative variable amount', { 9: '-5.00' }, ['1 EDR field 9 (Income Variable Component)']],
    ['more unpaid leave than days', { 7: '20', 10: '21' }, ['1 EDR field 10 (Days on Leave)']],
  ];
  for (const [what, changes, expected] of cases) {
    it(`refuses ${what}`, async () => {
      await expectErrors(file(set(EDR1, changes), set(EDR2, {}), set(SCR, {})), expected);
    });
  }

  it('skips the control total, not the other checks, when an amount is unreadable', async () => {
    const r = await expectErrors(file(set(EDR1, { 8: 'x' }), set(EDR2, {}), set(SCR, { 7: '3' })), [
      '1 EDR field 8 (Income Fixed Component)',
      '3 SCR field 7 (Number of EDRs)',
    ]);
    assert.equal(r.controlCount, 3);
  });

  it('accepts amounts without decimals or with one (2009 sample style)', async () => {
    await expectErrors(file(set(EDR1, { 8: '1500' }), set(EDR2, { 8: '1200.0', 9: '150' }), set(SCR, {})), []);
  });

  it('pads a shorter numeric person id to 14 digits, with a warning, and then finds duplicates', async () => {
    const r = await uae(file(set(EDR1, { 2: '9900000000001' }), set(EDR2, {}), set(SCR, {})));
    assert.deepEqual(r.errors, []);
    assert.equal(r.records[0]!.personId, '09900000000001');
    assert.deepEqual(r.warnings.map((w) => `${w.line} ${w.field}`), ['1 EDR field 2 (Employee Unique ID)']);
    await expectErrors(file(set(EDR1, { 2: '1' }), set(EDR2, { 2: '00000000000001' }), set(SCR, {})), ['2 EDR field 2 (Employee Unique ID)']);
  });

  it('accepts 14-35 letters and digits under the lenient-id profile, not 13 letters', async () => {
    await expectErrors(file(set(EDR1, { 2: 'A99000000000000000000000000000000Z' }), set(EDR2, {}), set(SCR, {})), [], ['lenient-id']);
    await expectErrors(file(set(EDR1, { 2: 'ABCDEFGHIJKLM' }), set(EDR2, {}), set(SCR, {})), ['1 EDR field 2 (Employee Unique ID)'], ['lenient-id']);
  });

  it('warns when the days paid are fewer than the period', async () => {
    const r = await expectErrors(file(set(EDR1, { 7: '30' }), set(EDR2, {}), set(SCR, {})), []);
    assert.deepEqual(r.warnings.map((w) => `${w.line} ${w.field}`), ['1 EDR field 7 (Days in Period)']);
  });

  it('refuses a line with the wrong number of fields, naming the whole line', async () => {
    await expectErrors(file(set(EDR1, {}) + ',', set(EDR2, {}), set(SCR, {})), ['1 EDR (whole line)']);
    await expectErrors(file('EDR', set(EDR2, {}), set(SCR, {})), ['1 EDR (whole line)']);
  });
});

describe('UAE SIF: SCR and file rules (FORMAT.md 1.1, 1.3)', () => {
  const cases: [string, Record<number, string>, string[]][] = [
    ['a 14-digit employer id', { 2: '00000099900011' }, ['3 SCR field 2 (Employer Unique ID)']],
    ['a 9-letter bank routing code', { 3: 'ABCDEFGHI' }, ['3 SCR field 3 (Employer Bank Routing Code)']],
    ['a creation date that does not exist', { 4: '2025-06-31' }, ['3 SCR field 4 (File Creation Date)']],
    ['a time of 24:00', { 5: '2400' }, ['3 SCR field 5 (File Creation Time)']],
    ['a time with a colon', { 5: '09:30' }, ['3 SCR field 5 (File Creation Time)']],
    ['month 13', { 6: '132025' }, ['3 SCR field 6 (Salary Month)']],
    ['year first (YYYYMM)', { 6: '202505' }, ['3 SCR field 6 (Salary Month)']],
    ['a count that differs from the EDR lines (F6)', { 7: '3' }, ['3 SCR field 7 (Number of EDRs)']],
    ['a total one fils off (F7)', { 8: '2850.01' }, ['3 SCR field 8 (Total Salary)']],
    ['lower-case aed', { 9: 'aed' }, ['3 SCR field 9 (Payment Currency)']],
    ['another currency', { 9: 'USD' }, ['3 SCR field 9 (Payment Currency)']],
    ['a 36-character reference', { 10: 'R'.repeat(36) }, ['3 SCR field 10 (Employer Reference)']],
  ];
  for (const [what, changes, expected] of cases) {
    it(`refuses ${what}`, async () => {
      await expectErrors(file(set(EDR1, {}), set(EDR2, {}), set(SCR, changes)), expected);
    });
  }

  it('accepts a zero-padded count (DIB "01" style), an empty reference and no reference field', async () => {
    await expectErrors(file(set(EDR1, {}), set(EDR2, {}), set(SCR, { 7: '02', 10: '' })), []);
    await expectErrors(file(set(EDR1, {}), set(EDR2, {}), SCR.slice(0, 9).join(',')), []);
  });

  it('refuses a file without SCR, with SCR first, or with two SCRs', async () => {
    await expectErrors(file(set(EDR1, {}), set(EDR2, {})), ['0 SCR']);
    await expectErrors(file(set(SCR, {}), set(EDR1, {}), set(EDR2, {})), ['1 SCR field 1 (Record Type)']);
    await expectErrors(file(set(EDR1, {}), set(EDR2, {}), set(SCR, {}), set(SCR, {})), [
      '3 SCR field 1 (Record Type)',
      '4 SCR field 1 (Record Type)',
    ]);
  });

  it('refuses an empty file and a file with no EDR', async () => {
    await expectErrors('', ['0 file']);
    await expectErrors('\r\n\r\n', ['0 file']);
    await expectErrors(file(set(SCR, { 7: '0', 8: '0.00' })), ['0 file']);
  });

  it('refuses unknown record types, including the "Variable" label', async () => {
    const r = await expectErrors(file(set(EDR1, {}), set(EDR2, {}), 'Variable,1,2', set(SCR, {})), ['3 field 1 (Record Type)']);
    assert.match(r.errors[0]!.message, /"Variable" is not a record type/);
    await expectErrors(file('edr' + set(EDR1, {}).slice(3), set(EDR2, {}), set(SCR, { 7: '1', 8: '1350.00' })), ['1 field 1 (Record Type)']);
  });

  it('accepts LF, no final terminator and one trailing empty line; warns on mixed endings and blank lines', async () => {
    const lines = [set(EDR1, {}), set(EDR2, {}), set(SCR, {})];
    for (const text of [lines.join('\n'), lines.join('\n') + '\n', lines.join('\r\n') + '\r\n\r\n']) {
      const r = await expectErrors(text, []);
      assert.deepEqual(r.warnings, [], JSON.stringify(text));
    }
    const mixed = await expectErrors(`${lines[0]}\r\n${lines[1]}\n${lines[2]}\r\n`, []);
    assert.deepEqual(mixed.warnings.map((w) => `${w.line} ${w.field}`), ['2 line']);
    const blank = await expectErrors(`${lines[0]}\r\n\r\n${lines[1]}\r\n${lines[2]}\r\n\r\n\r\n`, []);
    assert.deepEqual(blank.warnings.map((w) => `${w.line} ${w.field}`), ['2 line', '5 line']);
  });

  it('trims spaces around fields with a warning (F9, Mashreq sample)', async () => {
    const r = await expectErrors(file(set(EDR1, { 2: ' 99900000000001 ' }), set(EDR2, {}), set(SCR, {})), []);
    assert.deepEqual(r.warnings.map((w) => `${w.line} ${w.field}`), ['1 EDR field 2 (Employee Unique ID)']);
    assert.equal(r.records[0]!.personId, '99900000000001');
  });

  it('refuses non-ASCII text and a byte-order mark (F1)', async () => {
    await expectErrors(file(set(EDR1, {}), set(EDR2, {}), set(SCR, { 10: 'Société' })), ['3 line']);
    await expectErrors('\xef\xbb\xbf' + VALID, ['1 line']);
  });

  it('refuses an overlong line without keeping it', async () => {
    await expectErrors(file(set(EDR1, { 10: '0'.repeat(5000) }), set(EDR2, {}), set(SCR, {})), ['1 line']);
  });

  it('warns when a pay period lies outside the salary month (F13)', async () => {
    const r = await expectErrors(file(set(EDR1, { 5: '2025-04-01', 6: '2025-04-30', 7: '30' }), set(EDR2, {}), set(SCR, {})), []);
    assert.deepEqual(r.warnings.map((w) => `${w.line} ${w.field}`), ['1 EDR fields 5-6 (pay period)']);
  });

  it('collects every error, but lists at most the limit', async () => {
    const bad = Array.from({ length: 3000 }, () => 'XYZ').join('\n');
    const r = await parseText(bad, { format: 'uae-sif' });
    assert.equal(r.errors.length, 1001);
    assert.ok(r.errorCount >= 3001);
    assert.deepEqual(r.errors.at(-1), { line: 0, field: 'file', message: `${r.errorCount - 1000} more errors not listed (${r.errorCount} in all)`, code: 'more_errors_not_listed', params: { left: r.errorCount - 1000, count: r.errorCount } });
  });

  it('refuses an unknown profile name', async () => {
    await expectErrors(VALID, ['0 profiles'], ['evp2' as UaeProfile]);
  });
});

describe('UAE SIF: file name (F10-F12)', () => {
  it('accepts the pattern in any extension case and warns when it disagrees with the SCR', async () => {
    const ok = await uae(VALID, [], '/uploads/0000009990001250601093000.sif');
    assert.deepEqual([ok.errors, ok.warnings], [[], []]);
    const other = await uae(VALID, [], '0000009990002250602093000.SIF');
    assert.deepEqual(other.errors, []);
    assert.deepEqual(other.warnings.map((w) => `${w.line} ${w.field}`), ['0 file name', '0 file name']);
  });

  it('refuses names that break the pattern', async () => {
    for (const name of ['salaries.SIF', '000000999000125060109300.SIF', '0000009990001250631093000.SIF', '0000009990001250601250000.SIF', '0000009990001250601093000.csv']) {
      const r = await uae(VALID, [], name);
      assert.deepEqual(errorPlaces(r), ['0 file name'], name);
    }
  });
});

describe('UAE SIF: EVP lines (evp profile, FORMAT.md 1.4)', () => {
  const evpFile = (...lines: string[]) => file(set(EDR1, {}), ...lines, set(SCR, {}));

  it('accepts an EVP whose allowances add up to the variable component', async () => {
    const r = await expectErrors(evpFile(set(EDR2, {}), set(EVP2, {})), [], ['evp']);
    assert.equal(r.records[1]!.variablePay?.housingMinor, 10000);
  });

  it('requires an EVP after an EDR with variable pay', async () => {
    await expectErrors(evpFile(set(EDR2, {})), ['2 EDR field 9 (Income Variable Component)'], ['evp']);
    await expectErrors(file(set(EDR1, {}), set(EDR2, {}), set(SCR, {})), ['2 EDR field 9 (Income Variable Component)'], ['evp']);
  });

  it('accepts a zero EVP after an EDR with no variable pay, and no EVP there', async () => {
    await expectErrors(file(set(EDR1, {}), set(EVP2, { 2: '99900000000001', 4: '0.00', 8: '0.00' }), set(EDR2, {}), set(EVP2, {}), set(SCR, {})), [], ['evp']);
  });

  it('refuses an EVP that does not match its EDR', async () => {
    await expectErrors(evpFile(set(EDR2, {}), set(EVP2, { 8: '50.01' })), ['3 EVP fields 4-10 (allowances)'], ['evp']);
    await expectErrors(evpFile(set(EDR2, {}), set(EVP2, { 2: '99900000000001' })), ['3 EVP field 2 (Employee Unique ID)'], ['evp']);
    await expectErrors(evpFile(set(EDR2, {}), set(EVP2, { 3: '999200002' })), ['3 EVP field 3 (Agent Routing Code)'], ['evp']);
    await expectErrors(evpFile(set(EDR2, {}), set(EVP2, { 9: 'x' })), ['3 EVP field 9 (Other Allowance)'], ['evp']);
  });

  it('refuses an EVP that does not follow its EDR, or a second one', async () => {
    await expectErrors(file(set(EVP2, {}), set(EDR1, {}), set(EDR2, {}), set(EVP2, {}), set(SCR, {})), ['1 EVP field 1 (Record Type)'], ['evp']);
    await expectErrors(evpFile(set(EDR2, {}), set(EVP2, {}), set(EVP2, {})), ['4 EVP field 1 (Record Type)'], ['evp']);
  });

  it('does not count EVP lines in the SCR count (F6)', async () => {
    await expectErrors(evpFile(set(EDR2, {}), set(EVP2, {})).replace(',2,2850.00,', ',3,2850.00,'), ['4 SCR field 7 (Number of EDRs)'], ['evp']);
  });
});
