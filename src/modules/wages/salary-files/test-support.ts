/** Shared by the tests of this folder: parsing text, and generators of valid files. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { daysInMonth } from './calendar.js';
import { ibanCheckDigits } from './iban.js';
import { parseSalaryFile, type ParseSalaryFileOptions } from './parse-salary-file.js';
import type { ParsedSalaryFile, VariablePay } from './salary-file.js';
import type { UaeSifFile, UaeSifRecordInput } from './uae-sif-writer.js';

export const SAMPLES = new URL('./samples', import.meta.url).pathname;

export function parseText(text: string | Uint8Array, options: ParseSalaryFileOptions = {}): Promise<ParsedSalaryFile> {
  return parseSalaryFile([typeof text === 'string' ? Buffer.from(text, 'latin1') : text], options);
}

/** Every refusal must say where and what: the CLI shows exactly these three. */
export function assertWellFormedProblems(result: ParsedSalaryFile): void {
  for (const p of [...result.errors, ...result.warnings]) {
    assert.ok(Number.isInteger(p.line) && p.line >= 0, `line ${p.line}`);
    assert.ok(p.field.length > 0, 'field is named');
    assert.ok(p.message.length > 0, 'message is given');
  }
  assert.ok(result.errors.length <= result.errorCount + 1);
  if (result.errorCount > 0) assert.deepEqual(result.records, [], 'a refused file yields no records');
  assert.match(result.sha256, /^[0-9a-f]{64}$/);
}

export function uaeIban(bank: string, account: string): string {
  return `AE${ibanCheckDigits('AE', bank + account)}${bank}${account}`;
}

/** The error fields of a result, as "line field" strings, for compact assertions. */
export function errorPlaces(result: ParsedSalaryFile): string[] {
  return result.errors.map((e) => `${e.line} ${e.field}`);
}

export const VALID_EDR = 'EDR,99900000000001,999100001,AE879990000000000000001,2025-05-01,2025-05-31,31,1500.00,0.00,0';
export const VALID_SCR = 'SCR,0000009990001,999100001,2025-06-01,0930,052025,1,1500.00,AED,REF';

const digitString = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const alnum = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'), minLength: min, maxLength: max });

/** Splits `total` into 7 non-negative parts, in the EVP field order. */
const variablePayArb = (total: number): fc.Arbitrary<VariablePay> =>
  fc.array(fc.integer({ min: 0, max: total }), { minLength: 6, maxLength: 6 }).map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), total];
    const parts = points.slice(1).map((p, i) => p - points[i]!);
    const [housingMinor, conveyanceMinor, medicalMinor, annualPassageMinor, overtimeMinor, otherMinor, leaveEncashmentMinor] = parts as [number, number, number, number, number, number, number];
    return { housingMinor, conveyanceMinor, medicalMinor, annualPassageMinor, overtimeMinor, otherMinor, leaveEncashmentMinor };
  });

export interface UaeFileArbOptions {
  evp?: boolean;
  lenientId?: boolean;
  maxRecords?: number;
}

/** Valid UAE SIF contents: every [C] rule holds; [U] rules (days vs span) may not. */
export function uaeFileArb(options: UaeFileArbOptions = {}): fc.Arbitrary<UaeSifFile> {
  const month = fc.record({ year: fc.integer({ min: 2000, max: 2099 }), month: fc.integer({ min: 1, max: 12 }) });
  return month.chain(({ year, month: m }) => {
    const mm = String(m).padStart(2, '0');
    const last = daysInMonth(year, m);
    const personId = options.lenientId ? fc.oneof(digitString(14, 14), alnum(14, 35)) : digitString(14, 14);
    const account = fc.oneof(
      fc.tuple(digitString(3, 3), digitString(16, 16)).map(([bank, acc]) => uaeIban(bank, acc)),
      // Card and account numbers that are not IBANs: starting with a digit, so that none looks like one (two letters, two digits).
      fc.tuple(fc.constantFrom(...'0123456789'), fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'), maxLength: 22 })).map(([a, b]) => a + b),
    );
    const record: fc.Arbitrary<UaeSifRecordInput> = fc
      .record({
        personId,
        agentRoutingCode: digitString(9, 9),
        account,
        startDay: fc.integer({ min: 1, max: last }),
        length: fc.integer({ min: 1, max: last }),
        shortBy: fc.integer({ min: 0, max: 3 }),
        leave: fc.integer({ min: 0, max: 31 }),
        fixedMinor: fc.integer({ min: 0, max: 99_999_999_99 }),
        variableMinor: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 9_999_999_99 })),
      })
      .chain((r) => {
        const endDay = Math.min(last, r.startDay + r.length - 1);
        const span = endDay - r.startDay + 1;
        const daysPaid = Math.max(0, span - r.shortBy);
        const base = {
          personId: r.personId,
          agentRoutingCode: r.agentRoutingCode,
          account: r.account,
          payStart: `${year}-${mm}-${String(r.startDay).padStart(2, '0')}`,
          payEnd: `${year}-${mm}-${String(endDay).padStart(2, '0')}`,
          daysPaid,
          fixedMinor: r.fixedMinor,
          variableMinor: r.variableMinor,
          unpaidLeaveDays: Math.min(r.leave, daysPaid),
        };
        if (!options.evp || r.variableMinor === 0) return fc.constant(base);
        return variablePayArb(r.variableMinor).map((variablePay) => ({ ...base, variablePay }));
      });
    return fc.record({
      employerId: digitString(13, 13),
      employerBankCode: digitString(9, 9),
      fileCreatedOn: fc.integer({ min: 1, max: 28 }).map((d) => `${m === 12 ? year + 1 : year}-${String((m % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
      fileCreatedAt: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, mi]) => `${String(h).padStart(2, '0')}${String(mi).padStart(2, '0')}`),
      salaryMonth: fc.constant(`${year}-${mm}`),
      reference: alnum(0, 35),
      records: fc.uniqueArray(record, { minLength: 1, maxLength: options.maxRecords ?? 20, selector: (r) => r.personId.padStart(14, '0') }),
      lineEnding: fc.constantFrom('\r\n' as const, '\n' as const),
    });
  });
}

/** Amounts with 0, 1 or 2 decimals where the value allows ("1500", "1500.5", "1500.50"). */
export const amountStyleArb = fc.constantFrom(0, 1, 2).map((style) => (minor: number): string => {
  const whole = Math.floor(minor / 100).toString();
  const cents = String(minor % 100).padStart(2, '0');
  if (style === 0 && cents === '00') return whole;
  if (style === 1 && cents.endsWith('0')) return `${whole}.${cents[0]}`;
  return `${whole}.${cents}`;
});
