import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { SalaryFileFormat, SalaryRecord, UaeProfile } from './salary-file.js';
import { writeSalaryCsv } from './salary-csv-writer.js';
import { amountStyleArb, assertWellFormedProblems, parseText, uaeFileArb } from './test-support.js';
import { writeUaeSif, type UaeSifRecordInput } from './uae-sif-writer.js';

const formats = fc.constantFrom<SalaryFileFormat | undefined>(undefined, 'uae-sif', 'qatar-sif', 'csv');
const profiles = fc.subarray<UaeProfile>(['strict', 'evp', 'lenient-id']);

/** The parsed record in the writer's shape, to compare with what was written. */
const asInput = (r: SalaryRecord): UaeSifRecordInput => ({
  personId: r.personId, agentRoutingCode: r.agentRoutingCode!, account: r.account, payStart: r.payStart, payEnd: r.payEnd,
  daysPaid: r.daysPaid, fixedMinor: r.fixedMinor, variableMinor: r.variableMinor, unpaidLeaveDays: r.unpaidLeaveDays,
  ...(r.variablePay ? { variablePay: r.variablePay } : {}),
});

const mutation = fc.record({
  kind: fc.constantFrom('delete', 'insert', 'replace', 'duplicate-line', 'drop-line', 'swap-lines'),
  at: fc.nat(),
  other: fc.nat(),
  char: fc.constantFrom(...',.-0123456789AEDRSCVX \r\n\t"\xe9'),
});

function mutate(text: string, ops: { kind: string; at: number; other: number; char: string }[]): string {
  for (const op of ops) {
    const at = text.length === 0 ? 0 : op.at % text.length;
    if (op.kind === 'delete') text = text.slice(0, at) + text.slice(at + 1);
    else if (op.kind === 'insert') text = text.slice(0, at) + op.char + text.slice(at);
    else if (op.kind === 'replace') text = text.slice(0, at) + op.char + text.slice(at + 1);
    else {
      const lines = text.split('\n');
      const i = op.at % lines.length;
      const j = op.other % lines.length;
      if (op.kind === 'duplicate-line') lines.splice(i, 0, lines[i]!);
      else if (op.kind === 'drop-line') lines.splice(i, 1);
      else [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      text = lines.join('\n');
    }
  }
  return text;
}

describe('no input makes the parsers throw; every refusal says where', () => {
  it('random bytes, in any format', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), formats, profiles, async (bytes, format, p) => {
        const r = await parseText(bytes, { ...(format ? { format } : {}), profiles: p });
        assertWellFormedProblems(r);
      }),
      { numRuns: 300 },
    );
  });

  it('random lines made of record-like tokens', async () => {
    const token = fc.oneof(fc.constantFrom('EDR', 'EVP', 'SCR', 'TOTAL', 'AED', '', ' ', '0', '2025-05-31', '052025', '1500.00', '"', 'Employer EID', 'employer_id'), fc.string({ maxLength: 16 }));
    const line = fc.array(token, { maxLength: 12 }).map((t) => t.join(','));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), formats, async (lines, eol, format) => {
        const r = await parseText(Buffer.from(lines.join(eol), 'utf8'), { ...(format ? { format } : {}), profiles: ['evp'] });
        assertWellFormedProblems(r);
      }),
      { numRuns: 300 },
    );
  });

  it('mutated valid files', async () => {
    await fc.assert(
      fc.asyncProperty(uaeFileArb({ evp: true, maxRecords: 6 }), fc.array(mutation, { minLength: 1, maxLength: 5 }), profiles, async (file, ops, p) => {
        const r = await parseText(mutate(writeUaeSif(file), ops), { format: 'uae-sif', profiles: p });
        assertWellFormedProblems(r);
        if (r.errorCount === 0) assert.equal(r.records.length, r.recordCount);
      }),
      { numRuns: 300 },
    );
  });
});

describe('generated valid UAE SIFs parse clean and round-trip', () => {
  const cases: [string, UaeProfile[], Parameters<typeof uaeFileArb>[0]][] = [
    ['strict', [], {}],
    ['evp', ['evp'], { evp: true }],
    ['lenient-id', ['lenient-id'], { lenientId: true }],
    ['evp + lenient-id', ['evp', 'lenient-id'], { evp: true, lenientId: true }],
  ];
  for (const [name, p, options] of cases) {
    it(`${name}: serialise, parse, same records and totals`, async () => {
      await fc.assert(
        fc.asyncProperty(uaeFileArb(options), amountStyleArb, async (file, formatAmount) => {
          const text = writeUaeSif({ ...file, formatAmount });
          const r = await parseText(text, { profiles: p });
          assert.deepEqual(r.errors, []);
          assert.equal(r.format, 'uae-sif');
          assert.deepEqual(r.records.map(asInput), file.records);
          const total = file.records.reduce((sum, x) => sum + x.fixedMinor + x.variableMinor, 0);
          assert.deepEqual([r.recordCount, r.totalMinor, r.controlTotalMinor], [file.records.length, total, total]);
          assert.deepEqual([r.employerId, r.salaryMonth, r.fileCreatedOn], [file.employerId, file.salaryMonth, file.fileCreatedOn]);
        }),
        { numRuns: 150 },
      );
    });
  }

  it('one changed digit in any EDR amount is caught by the control total (F7)', async () => {
    await fc.assert(
      fc.asyncProperty(uaeFileArb({ maxRecords: 8 }), fc.nat(), fc.integer({ min: 1, max: 9 }), async (file, pick, shift) => {
        const lines = writeUaeSif({ ...file, lineEnding: '\n' }).split('\n');
        const index = pick % file.records.length;
        const fields = lines[index]!.split(',');
        const amountField = 7 + (pick % 2);
        const amount = fields[amountField]!;
        fields[amountField] = String((Number(amount[0]) + shift) % 10) + amount.slice(1);
        lines[index] = fields.join(',');
        const text = lines.join('\n');
        const r = await parseText(text, { format: 'uae-sif' });
        assert.ok(r.errors.some((e) => e.field === 'SCR field 8 (Total Salary)'), JSON.stringify(r.errors));
      }),
      { numRuns: 150 },
    );
  });

  it('totals of cent amounts are exact (no 0.1 + 0.2 drift)', async () => {
    const cents = fc.constantFrom(1, 10, 20, 30, 70, 99);
    await fc.assert(
      fc.asyncProperty(uaeFileArb({ maxRecords: 30 }), fc.array(fc.tuple(cents, cents), { minLength: 30, maxLength: 30 }), async (file, amounts) => {
        const records = file.records.map((x, i) => ({ ...x, fixedMinor: amounts[i]![0], variableMinor: amounts[i]![1] }));
        const r = await parseText(writeUaeSif({ ...file, records }));
        const exact = records.reduce((sum, x) => sum + x.fixedMinor + x.variableMinor, 0);
        assert.deepEqual(r.errors, []);
        assert.equal(r.totalMinor, exact);
      }),
    );
    const tenths = writeUaeSif({
      employerId: '0000009990001', employerBankCode: '999100001', fileCreatedOn: '2025-06-01', salaryMonth: '2025-05',
      records: Array.from({ length: 3 }, (_, i) => ({ personId: `9990000000000${i}`, agentRoutingCode: '999100001', account: '1', payStart: '2025-05-01', payEnd: '2025-05-31', daysPaid: 31, fixedMinor: 10, variableMinor: 20, unpaidLeaveDays: 0 })),
    });
    assert.equal(0.1 * 3 + 0.2 * 3 === 0.9, false, 'the float sum would drift');
    assert.match(tenths, /,3,0\.90,AED,/);
    assert.deepEqual((await parseText(tenths)).errors, []);
  });
});

describe('generated CSV template files round-trip', () => {
  it('writeSalaryCsv, parse, same records and totals', async () => {
    await fc.assert(
      fc.asyncProperty(uaeFileArb(), fc.constantFrom('AED', 'QAR', 'OMR', 'KWD'), async (file, currency) => {
        const records = file.records.map(({ variablePay: _, ...x }) => x);
        const r = await parseText(writeSalaryCsv({ employerId: file.employerId, salaryMonth: file.salaryMonth, paidOn: file.fileCreatedOn, currency, records }));
        assert.deepEqual(r.errors, []);
        assert.equal(r.format, 'csv');
        assert.deepEqual(r.records.map(({ line: _l, deductionsMinor: _d, paidMinor: _p, ...x }) => x), records);
        assert.equal(r.totalMinor, records.reduce((sum, x) => sum + x.fixedMinor + x.variableMinor, 0));
      }),
      { numRuns: 100 },
    );
  });
});
