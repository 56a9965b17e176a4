import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sif } from '../test-support.js';
import { recordsCopyTail } from './file-rows.js';
import { parseAhead, parseFiles } from './parse-ahead.js';
import { parseInThread } from './parse-thread.js';

describe('salary files parsed in a worker thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sif-thread-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const files = Array.from({ length: 30 }, (_, i) => {
    const f = sif({ employer: '0000000001234', month: '2025-05', createdOn: '2025-06-01', rows: [{ person: `99900000200${String(i).padStart(3, '0')}`, fixed: '1500.00' }] });
    // One with a wrong control total, one not a salary file at all.
    const text = i === 4 ? f.text.replace('1500.00,AED', '1500.01,AED') : i === 9 ? 'not,a,salary,file\n' : f.text;
    const path = join(dir, f.name);
    writeFileSync(path, text);
    return { name: f.name, path, open: () => [text] };
  });

  it('gives exactly what parsing on this thread gives, in the same order', async () => {
    const here = [];
    for await (const p of parseAhead(files, 4)) here.push(p);
    const threaded = [];
    for await (const p of parseFiles(files, true)) threaded.push(p);
    assert.equal(threaded.length, 30);
    assert.deepEqual(threaded.map((p) => p.file.name), files.map((f) => f.name));
    // The thread sends payments as COPY text in UTF-8, not objects: the same text, and everything else equal.
    const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes!).toString('utf8');
    assert.deepEqual(threaded.map((p) => text(p.parsed.recordsCopyTail)), here.map((p) => recordsCopyTail(p.parsed)));
    assert.deepEqual(threaded.map(({ parsed: { recordsCopyTail: _, ...rest } }) => rest), here.map((p) => ({ ...p.parsed, records: [] })));
    assert.ok(threaded[4]!.parsed.errorCount > 0, 'the wrong control total is found in the thread too');
    assert.ok(threaded[9]!.parsed.errorCount > 0, 'a file that is not a SIF is refused in the thread too');
    assert.equal(threaded[0]!.parsed.recordCount, 1);
    assert.equal(text(threaded[0]!.parsed.recordsCopyTail).split('\n').length, 2, 'one line, ended');
  });

  it('deals blocks of files to two threads and takes them back in the order given', async () => {
    const onDisk = files.map(({ name, path }) => ({ name, path: path! }));
    const one = [];
    for await (const p of parseInThread(onDisk, { threads: 1 })) one.push(p);
    const two = [];
    for await (const p of parseInThread(onDisk, { threads: 2, blockFiles: 4 })) two.push(p);
    assert.equal(two.length, 30);
    assert.deepEqual(two, one);
    assert.notDeepEqual(two[1], two[0], 'the files differ, so the order is tested');
  });

  it('fails the whole run when a file cannot be read, naming it', async () => {
    const missing = [...files.slice(0, 3), { name: 'gone.SIF', path: join(dir, 'gone.SIF'), open: () => [] }];
    await assert.rejects(async () => {
      for await (const _ of parseFiles(missing, true));
    }, /gone\.SIF/);
  });
});
