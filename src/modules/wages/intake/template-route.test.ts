import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { SALARY_TEMPLATE } from './template-route.js';

describe('GET /api/v1/wages/template.csv', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => {
    await t?.close();
  });

  it('serves the CSV template to anyone, as a download, byte for byte', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/wages/template.csv' });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^text\/csv; charset=utf-8/);
    assert.match(res.headers['content-disposition'] as string, /attachment; filename="salary-template.csv"/);
    assert.deepEqual(res.rawPayload, await readFile(SALARY_TEMPLATE));
  });
});
