import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LineSplitter, type TextLine } from './line-splitter.js';

function split(chunks: Uint8Array[], max = 4096): TextLine[] {
  const lines: TextLine[] = [];
  const splitter = new LineSplitter((l) => lines.push(l), max);
  for (const c of chunks) splitter.push(c);
  splitter.end();
  return lines;
}

describe('LineSplitter', () => {
  it('tells CR LF, LF and an unterminated last line apart', () => {
    const lines = split([Buffer.from('a\r\nb\nc')]);
    assert.deepEqual(lines.map((l) => [l.number, l.text, l.ending]), [[1, 'a', 'crlf'], [2, 'b', 'lf'], [3, 'c', 'none']]);
    assert.equal(split([Buffer.from('a\n')]).length, 1, 'a final terminator does not open a line');
    assert.equal(split([Buffer.from('a\n\n')]).length, 2);
  });

  it('finds non-ASCII bytes and keeps them byte for byte', () => {
    const [line] = split([Buffer.from('ab\u00e9', 'utf8')]);
    assert.equal(line!.nonAsciiAt, 2);
    assert.equal(Buffer.from(line!.text, 'latin1').toString('utf8'), 'ab\u00e9');
  });

  it('keeps only the start of an overlong line and reports its length', () => {
    const [line, next] = split([Buffer.from('x'.repeat(50)), Buffer.from('x'.repeat(50) + '\r\nok')], 10);
    assert.equal(line!.text, 'x'.repeat(10));
    assert.equal(line!.fullLength, 101);
    assert.equal(next!.text, 'ok');
  });

  it('gives the same lines however the bytes are cut into chunks', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ',', '\r', '\n', '\u00e9'), maxLength: 60 }), fc.array(fc.nat(80), { maxLength: 8 }), (text, cuts) => {
        const bytes = Buffer.from(text, 'utf8');
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points].map((p, i) => bytes.subarray(p, [...points, bytes.length][i]));
        assert.deepEqual(split(chunks), split([bytes]));
      }),
    );
  });
});
