import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lockDataDir } from '../../src/core/db/lock.js';
import { openDatabase, type Database } from '../../src/core/db/database.js';
import { AppError } from '../../src/core/errors.js';

const BIN = new URL('../../bin/corridor.js', import.meta.url).pathname;

describe('one process per embedded data folder', () => {
  let dir: string;
  let held: Database;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'corridor-lock-'));
    held = await openDatabase({ dataDir: dir });
  });
  after(async () => {
    await held.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second process with one line naming the holder', () => {
    const env = { ...process.env, DATABASE_URL: '' };
    const run = spawnSync(process.execPath, [BIN, '--data', dir, 'orgs', 'create', '--kind', 'employer', '--name', 'X', '--country', 'ARE', '--json'], { env, encoding: 'utf8' });
    assert.equal(run.status, 1);
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0]!, new RegExp(`in use by process ${process.pid}`));
    assert.equal(JSON.parse(run.stdout).error.code, 'locked');
  });

  it('refuses a second opener in the same process too', async () => {
    await assert.rejects(openDatabase({ dataDir: dir }), (err: unknown) => err instanceof AppError && err.code === 'locked');
  });

  it('takes over a lock whose holder is gone', () => {
    const stale = mkdtempSync(join(tmpdir(), 'corridor-stale-'));
    try {
      mkdirSync(join(stale, 'corridor.lock'));
      // pid 2^22 + 1 is above Linux's pid_max: no such process can exist.
      writeFileSync(join(stale, 'corridor.lock', 'pid'), String(4194305));
      const release = lockDataDir(stale);
      assert.throws(() => lockDataDir(stale), /in use by process/);
      release();
      lockDataDir(stale)();
    } finally {
      rmSync(stale, { recursive: true, force: true });
    }
  });
});
