import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { ADMIN_EMAIL, ensureAdministrator } from './bootstrap.js';

describe('ensureAdministrator', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => t.close());

  it('refuses a weak CORRIDOR_ADMIN_PASSWORD and an unknown platform country', async () => {
    await assert.rejects(ensureAdministrator(t.database.db, { adminPassword: 'short' }, {}), /CORRIDOR_ADMIN_PASSWORD/);
    await assert.rejects(ensureAdministrator(t.database.db, {}, { CORRIDOR_PLATFORM_COUNTRY: 'QQQ' }), /CORRIDOR_PLATFORM_COUNTRY/);
  });

  it('creates the platform organisation and an administrator with a one-time password, once', async () => {
    const first = await ensureAdministrator(t.database.db, {}, { CORRIDOR_PLATFORM_COUNTRY: 'che' });
    assert.equal(first?.email, ADMIN_EMAIL);
    assert.ok(first?.password);
    assert.equal(await ensureAdministrator(t.database.db, {}, {}), undefined);
    const org = await t.database.db.selectFrom('organisations').selectAll().where('kind', '=', 'platform').executeTakeFirstOrThrow();
    assert.equal(org.country, 'CHE');

    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: ADMIN_EMAIL, password: first!.password } });
    assert.equal(login.statusCode, 200);
    assert.equal(login.json().user.must_change_password, true);
    assert.equal(login.json().user.role, 'platform_admin');
  });
});
