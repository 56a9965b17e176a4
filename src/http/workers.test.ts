import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { corridor } from '../../test/helpers/cli.js';
import { TEST_ENGINE, type TestDatabase, testDatabase } from '../../test/helpers/database.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const childrenOf = (pid: number) =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);

describe('corridor start --workers', () => {
  it('is refused on the embedded database, which one process holds', async () => {
    const run = await corridor(['--data', mkdtempSync(join(tmpdir(), 'corridor-workers-')), 'start', '--workers', '2', '--port', String(await freePort())]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--workers needs a PostgreSQL server/);
  });

  describe('on a PostgreSQL server', { skip: TEST_ENGINE !== 'postgres' && 'the embedded database has one process' }, () => {
    let database: TestDatabase;
    let server: ReturnType<typeof spawn>;
    let base: string;
    let exited: Promise<number | null>;
    before(async () => {
      database = await testDatabase();
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      server = spawn(process.execPath, ['bin/corridor.js', 'start', '--workers', '2', '--port', String(port)], {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          CORRIDOR_MASTER_KEY: createHash('sha256').update('workers test').digest('base64url'),
          CORRIDOR_ADMIN_PASSWORD: 'workers-test-password-1',
          CORRIDOR_LOGIN_RATE_LIMIT: '3',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      exited = new Promise((resolve) => server.on('exit', resolve));
      let out = '';
      await new Promise<void>((resolve, reject) => {
        server.stdout!.on('data', (d) => {
          out += d;
          if (out.includes('Press Ctrl+C')) resolve();
        });
        server.on('exit', (code) => reject(new Error(`the server stopped (${code}): ${out}`)));
      });
      assert.match(out, /2 worker processes/);
    });
    after(async () => {
      if (server.exitCode === null) server.kill('SIGKILL');
      await database.close();
    });

    it('serves from two worker processes', async () => {
      assert.equal(childrenOf(server.pid!).length, 2);
      const health = await fetch(`${base}/healthz`);
      assert.deepEqual(await health.json(), { status: 'ok', engine: 'postgres' });
    });

    it('keeps one sign-in limit across the workers', async () => {
      // A new connection for each request: the primary hands them to the workers in turn, so
      // with a count per process the fourth attempt would still pass.
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`${base}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', connection: 'close' },
          body: JSON.stringify({ email: 'nobody@workers.test', password: 'not-the-password' }),
        });
        statuses.push(res.status);
        await res.arrayBuffer();
      }
      assert.equal(statuses.filter((s) => s === 429).length, 2, `statuses: ${statuses.join(', ')}`);
      assert.deepEqual(statuses.slice(3), [429, 429]);
    });

    it('stops every worker on SIGTERM', async () => {
      const workers = childrenOf(server.pid!);
      server.kill('SIGTERM');
      assert.equal(await exited, 0);
      for (const pid of workers) assert.throws(() => process.kill(pid, 0), /ESRCH/);
    });
  });
});
