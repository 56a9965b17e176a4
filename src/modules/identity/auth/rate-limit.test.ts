import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Writable } from 'node:stream';
import { loadConfig } from '../../../core/config.js';
import { buildServer, createLogger } from '../../../http/server.js';
import type { App } from '../../../http/types.js';
import { type TestDatabase, testDatabase } from '../../../../test/helpers/database.js';

describe('sign-in rate limit', () => {
  let database: TestDatabase;
  let app: App;
  before(async () => {
    database = await testDatabase();
    const quiet = new Writable({ write: (_c, _e, done) => done() });
    app = await buildServer({ database, config: loadConfig({ loginRateLimit: 3 }, {}) }, createLogger('warn', quiet));
    await app.ready();
  });
  after(async () => {
    await app.close();
    await database.close();
  });

  it('answers 429 past the configured sign-ins per IP and minute', async () => {
    const attempt = (ip: string) =>
      app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: ip, payload: { email: 'a@example.test', password: 'wrong-password' } });
    for (let i = 0; i < 3; i++) assert.equal((await attempt('127.0.0.7')).statusCode, 401);
    const limited = await attempt('127.0.0.7');
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().code, 'rate_limited');
    assert.equal((await attempt('127.0.0.6')).statusCode, 401, 'another address is not limited');
  });
});
