import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CLI_ACTOR } from '../../core/auth/actor.js';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { makeOrganisation, makeToken } from '../../../test/helpers/factories.js';
import { recordEvent } from './record-event.js';

describe('GET /api/v1/audit', () => {
  let t: TestApp;
  const bearer = async (kind: 'origin_authority' | 'destination_authority' | 'employer' | 'platform', country?: string) => {
    const org = await makeOrganisation(t.database, { kind, country });
    const scopes = kind === 'employer' ? (['reference:read'] as const) : (['audit:read'] as const);
    return { org, headers: { authorization: `Bearer ${await makeToken(t.database, { organisation_id: org.id, scopes: [...scopes] })}` } };
  };

  before(async () => {
    t = await startTestApp();
    await recordEvent(t.database.db, CLI_ACTOR, { action: 'test.nepal', subjectType: 'probe', subjectId: 'npl', countries: ['NPL', 'ARE'] });
    await recordEvent(t.database.db, CLI_ACTOR, { action: 'test.bangladesh', subjectType: 'probe', subjectId: 'bgd', countries: ['BGD', 'SAU'] });
  });
  after(async () => t.close());

  const actions = async (headers: Record<string, string>) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit?subject_type=probe', headers });
    assert.equal(res.statusCode, 200);
    return (res.json().entries as { action: string }[]).map((e) => e.action).sort();
  };

  it('shows an authority only what concerns its country', async () => {
    assert.deepEqual(await actions((await bearer('origin_authority', 'NPL')).headers), ['test.nepal']);
    assert.deepEqual(await actions((await bearer('destination_authority', 'SAU')).headers), ['test.bangladesh']);
    assert.deepEqual(await actions((await bearer('origin_authority', 'PHL')).headers), []);
  });

  it('shows the platform everything', async () => {
    assert.deepEqual(await actions((await bearer('platform')).headers), ['test.bangladesh', 'test.nepal']);
  });

  it('refuses without credentials (401) and without the audit scope (403)', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/audit' })).statusCode, 401);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: (await bearer('employer')).headers })).statusCode, 403);
  });

  it('refuses a malformed query with a pointer', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit?limit=0', headers: (await bearer('platform')).headers });
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().errors[0].pointer, '/limit');
  });

  it('cannot be changed by the application', async () => {
    await assert.rejects(t.database.db.deleteFrom('audit_events').execute(), /permission denied|append-only/);
    await assert.rejects(t.database.db.updateTable('audit_events').set({ action: 'forged' }).execute(), /permission denied|append-only/);
  });
});
