import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ParsedSalaryFile } from '../salary-files/index.js';
import { CopyChunks, type IntakeParsedFile, recordsCopyTail } from './file-rows.js';

const E = '00000000-0000-4000-8000-00000000000e';
const F = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** A parsed file of `n` payments, its routing codes not ASCII (COPY counts bytes, not characters). */
function file(n: number): ParsedSalaryFile {
  const records = Array.from({ length: n }, (_, i) => ({
    line: i + 2, personId: `1000000000000${i}`, fixedMinor: 150000 + i, variableMinor: 0, deductionsMinor: 0, paidMinor: 150000 + i,
    unpaidLeaveDays: 0, daysPaid: 31, payStart: '2025-05-01', payEnd: '2025-05-31', agentRoutingCode: `ص${i}\tx`,
  }));
  return { salaryMonth: '2025-05', fileCreatedOn: '2025-06-01', currency: 'AED', records } as unknown as ParsedSalaryFile;
}

/** As the parse thread sends it: the payments as UTF-8 COPY text. */
const threaded = (p: ParsedSalaryFile): IntakeParsedFile => ({ ...p, records: [], recordsCopyTail: new TextEncoder().encode(recordsCopyTail(p)) });

describe('CopyChunks', () => {
  it('leads every payment line with its employer and file, never splits a line, and loses nothing', () => {
    const parsed = [file(3), file(0), file(5), file(1)];
    const files = [threaded(parsed[0]!), threaded(parsed[1]!), parsed[2]!, threaded(parsed[3]!)];
    const chunks = new CopyChunks(200); // smaller than two lines: most chunks hold one
    const out: Buffer[] = [];
    files.forEach((p, i) => out.push(...chunks.add(F(i), E, p)));
    out.push(...chunks.rest());
    assert.ok(out.length > 3, 'several chunks');
    for (const c of out) assert.equal(c.at(-1), 10, 'each chunk ends a line');
    const lines = Buffer.concat(out).toString('utf8').split('\n').slice(0, -1);
    assert.equal(lines.length, 9);
    const expected = parsed.flatMap((p, i) => recordsCopyTail(p).split('\n').slice(0, -1).map((l) => `${E}\t${F(i)}\t${l}`));
    assert.deepEqual(lines, expected);
    assert.match(lines[0]!, /\tص0\\tx$/, 'the tab inside a value stays escaped');
  });
});
