import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { makeOrganisation, makeUser, signIn } from '../../../test/helpers/factories.js';

describe('the server logs no secrets', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => t.close());

  it('after sign-ins, token creation, user creation and worker registration and reads', async () => {
    const org = await makeOrganisation(t.database, { kind: 'origin_authority', country: 'NPL' });
    const user = await makeUser(t.database, { role: 'org_admin', organisation_id: org.id, password: 'Himalaya-secret-passphrase' });
    const secrets: string[] = [user.password];
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: 'Wrong-secret-passphrase' } });
    secrets.push('Wrong-secret-passphrase');
    const s = await signIn(t.app, user);
    secrets.push(s.csrf, s.cookie.split('=')[1]!);

    const token = (await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: s.headers(), payload: { name: 'n', scopes: ['workers:read'] } })).json().token;
    secrets.push(token, token.slice('cor_'.length + 13));
    await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });

    const created = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: s.headers(), payload: { email: 'clerk@example.test', display_name: 'Clerk', role: 'org_staff' } });
    secrets.push(created.json().one_time_password);

    const worker = await t.app.inject({
      method: 'POST', url: '/api/v1/workers', headers: s.headers(),
      payload: { full_name: 'Sita Tamang', sex: 'F', birth_date: '1996-02-03', nationality: 'NPL', passport_no: 'PX9988776' },
    });
    secrets.push('PX9988776');
    await t.app.inject({ method: 'GET', url: `/api/v1/workers/${worker.json().id}`, headers: s.headers() });
    await t.app.inject({ method: 'GET', url: `/api/v1/workers/${worker.json().id}`, headers: { authorization: `Bearer ${token}` } });
    await t.app.inject({
      method: 'POST', url: '/api/v1/auth/password', headers: s.headers(),
      payload: { current_password: user.password, new_password: 'Another-secret-passphrase' },
    });
    secrets.push('Another-secret-passphrase');

    const logs = t.logs.join('\n');
    assert.ok(t.logs.length > 10, 'the server did log the requests');
    for (const secret of secrets) assert.ok(secret && !logs.includes(secret), `a secret appeared in the logs: ${secret.slice(0, 3)}...`);
  });
});
