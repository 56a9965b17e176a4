import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CsvParser, readCsvRecords } from './csv-records.js';

const parseAll = (text: string, cut: number[] = []) => {
  const parser = new CsvParser();
  const out: { line: number; fields: string[] }[] = [];
  let from = 0;
  for (const at of [...cut, text.length]) {
    out.push(...parser.push(text.slice(from, at), false));
    from = at;
  }
  out.push(...parser.push('', true));
  return out;
};

describe('CSV records', () => {
  const text = '\uFEFFa,b,c\r\n1,"x, ""y""",3\n\n2,"multi\nline",\n3,plain,"last"';
  const expected = [
    { line: 1, fields: ['a', 'b', 'c'] },
    { line: 2, fields: ['1', 'x, "y"', '3'] },
    { line: 4, fields: ['2', 'multi\nline', ''] },
    { line: 6, fields: ['3', 'plain', 'last'] },
  ];

  it('parses quotes, doubled quotes, CRLF, embedded newlines, blank lines and a BOM, naming physical lines', () => {
    assert.deepEqual(parseAll(text), expected);
  });

  it('gives the same records however the input is cut into chunks', () => {
    for (let cut = 1; cut < text.length; cut++) assert.deepEqual(parseAll(text, [cut]), expected, `cut at ${cut}`);
    assert.deepEqual(parseAll(text, [3, 9, 14, 15, 16, 30, 31]), expected);
  });

  it('streams a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-records-'));
    try {
      writeFileSync(join(dir, 'f.csv'), text);
      let bytes = 0;
      const records = [];
      for await (const r of readCsvRecords(join(dir, 'f.csv'), { onBytes: (b) => (bytes = b) })) records.push(r);
      assert.deepEqual(records, expected);
      assert.equal(bytes, Buffer.byteLength(text));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
