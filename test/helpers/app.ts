import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/core/config.js';
import { buildServer, createLogger } from '../../src/http/server.js';
import type { App, AppContext } from '../../src/http/types.js';
import { type TestDatabase, testDatabase } from './database.js';

/** One master key per test process: the registry's signing keys of every test database are encrypted with it. */
export const TEST_MASTER_KEY = randomBytes(32).toString('base64url');

export interface TestApp {
  app: App;
  ctx: AppContext;
  database: TestDatabase;
  /** Every log line the server wrote, for tests that check nothing secret is logged. */
  logs: string[];
  close(): Promise<void>;
}

/** A real server (inject, no socket) on a fresh database. */
export async function startTestApp(): Promise<TestApp> {
  const database = await testDatabase();
  const ctx: AppContext = { database, config: loadConfig({ loginRateLimit: 1000, masterKey: TEST_MASTER_KEY }, {}) };
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const app = await buildServer(ctx, createLogger('debug', sink));
  await app.ready();
  return {
    app,
    ctx,
    database,
    logs,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
