import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { detectFormat } from './detect-format.js';
import { parseSalaryFile } from './parse-salary-file.js';
import { SAMPLES, VALID_EDR, VALID_SCR, errorPlaces, parseText } from './test-support.js';

const bytes = (text: string) => Buffer.from(text, 'latin1');

describe('detectFormat', () => {
  it('reads the first line before the name', () => {
    assert.equal(detectFormat('x.csv', bytes(`${VALID_EDR}\r\n`)), 'uae-sif');
    assert.equal(detectFormat(undefined, bytes('SCR,0000009990001,')), 'uae-sif');
    assert.equal(detectFormat('x.SIF', bytes('Employer EID,File Creation Date\r\n')), 'qatar-sif');
    assert.equal(detectFormat(undefined, bytes('\xef\xbb\xbf"employer_id",salary_month\n')), 'csv');
    assert.equal(detectFormat('a.sif', bytes('person_id,employer_id')), 'csv');
  });

  it('falls back on the name, and gives up when neither tells', () => {
    assert.equal(detectFormat('/in/0000009990001250601093000.Sif', bytes('garbage')), 'uae-sif');
    assert.equal(detectFormat('SIF_99990001_TEST_20250601_0930.csv', bytes('')), 'qatar-sif');
    assert.equal(detectFormat('march.csv', bytes('')), 'csv');
    assert.equal(detectFormat('march.txt', bytes('hello')), undefined);
    assert.equal(detectFormat(undefined, new Uint8Array()), undefined);
  });
});

describe('parseSalaryFile', () => {
  it('reads a stream chunk by chunk and hashes the exact bytes', async () => {
    const text = readFileSync(`${SAMPLES}/0000009990001250601093000.SIF`);
    const oneByteChunks = Readable.from((function* () {
      for (let i = 0; i < text.length; i++) yield text.subarray(i, i + 1);
    })());
    const r = await parseSalaryFile(oneByteChunks, { fileName: '0000009990001250601093000.SIF' });
    assert.deepEqual(r.errors, []);
    assert.equal(r.records.length, 5);
    assert.equal(r.sha256, createHash('sha256').update(text).digest('hex'));
  });

  it('gives different hashes to files differing in line endings only', async () => {
    const crlf = await parseText(`${VALID_EDR}\r\n${VALID_SCR}\r\n`);
    const lf = await parseText(`${VALID_EDR}\n${VALID_SCR}\n`);
    assert.deepEqual([crlf.errors, lf.errors], [[], []]);
    assert.notEqual(crlf.sha256, lf.sha256);
  });

  it('honours an explicit format over detection', async () => {
    const r = await parseText(`${VALID_EDR}\r\n${VALID_SCR}\r\n`, { format: 'qatar-sif' });
    assert.equal(r.format, 'qatar-sif');
    assert.ok(r.errorCount > 0);
  });

  it('refuses a file of no known layout, still hashing it', async () => {
    const r = await parseText('hello\nworld\n', { fileName: 'notes.txt' });
    assert.equal(r.format, 'unknown');
    assert.deepEqual(errorPlaces(r), ['0 file']);
    assert.equal(r.byteCount, 12);
    assert.equal(r.sha256, createHash('sha256').update('hello\nworld\n').digest('hex'));
  });

  it('accepts strings and iterables as sources', async () => {
    const r = await parseSalaryFile([`${VALID_EDR}\r\n`, `${VALID_SCR}\r\n`]);
    assert.deepEqual(r.errors, []);
    assert.equal(r.totalMinor, 150000);
  });

  it('rejects only when the source itself fails', async () => {
    const failing = new Readable({ read() { this.destroy(new Error('disk gone')); } });
    await assert.rejects(parseSalaryFile(failing, { format: 'uae-sif' }), /disk gone/);
  });
});
