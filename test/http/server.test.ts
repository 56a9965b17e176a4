import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../helpers/app.js';

describe('HTTP foundation', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => t.close());

  it('answers /healthz with the engine in use', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().status, 'ok');
    assert.equal(res.json().engine, t.database.engine);
  });

  it('serves an OpenAPI 3.1 document and browsable docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().openapi, '3.1.0');
    const docs = await t.app.inject({ method: 'GET', url: '/docs/' });
    assert.equal(docs.statusCode, 200);
    assert.match(docs.body, /swagger/i);
  });

  it('answers an unknown route with problem+json and a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    assert.equal(res.statusCode, 404);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    const body = res.json();
    assert.equal(body.status, 404);
    assert.equal(body.code, 'not_found');
    assert.equal(body.request_id, res.headers['x-request-id']);
  });

  it('names each invalid field with a pointer and a translatable code with its parameters', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'someone@example.org', password: 7 } });
    assert.equal(res.statusCode, 422);
    const body = res.json();
    assert.equal(body.code, 'validation_failed');
    assert.deepEqual(body.errors, [{ pointer: '/password', message: body.errors[0].message, code: 'invalid_type', params: { expected: 'string' } }]);
    assert.match(body.errors[0].message, /string/);
  });

  it('exposes Prometheus metrics', async () => {
    await t.app.inject({ method: 'GET', url: '/healthz' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /corridor_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\}/);
  });
});
