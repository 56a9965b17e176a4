import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyPayload } from '../verifier/verify-payload.js';
import { contractWorld, type ContractWorld, registeredContract } from '../test-contracts.js';

describe('the QR code of a registered contract', () => {
  let w: ContractWorld;
  let contractNo: string;
  before(async () => {
    w = await contractWorld();
    const id = await registeredContract(w);
    contractNo = (await w.call('GET', `/api/v1/contracts/${id}`, w.employer)).json().contract_no;
  });
  after(async () => w.t.close());

  it('links to the verification page with an offline payload that verifies against the log key', async () => {
    const res = await w.t.app.inject({ method: 'GET', url: `/api/v1/verify/${contractNo}/link`, headers: { host: 'corridor.example' } });
    assert.equal(res.statusCode, 200);
    const url = new URL(res.json().url);
    assert.equal(url.pathname, `/verify/${contractNo}`);
    const payload = JSON.parse(Buffer.from(url.hash.slice(1), 'base64url').toString('utf8'));
    const logKey = (await w.t.app.inject({ method: 'GET', url: '/.well-known/corridor-registry.json' })).json().log_key.public_key;
    assert.equal((await verifyPayload(payload, [logKey])).ok, true);
    assert.equal(payload.no, contractNo);
  });

  it('is served as SVG to anyone, and 404 for an unknown number', async () => {
    const svg = await w.t.app.inject({ method: 'GET', url: `/api/v1/verify/${contractNo}/qr.svg` });
    assert.equal(svg.statusCode, 200);
    assert.match(String(svg.headers['content-type']), /^image\/svg\+xml/);
    assert.match(svg.body, /^<svg[\s\S]*<\/svg>\s*$/);
    assert.equal((await w.t.app.inject({ method: 'GET', url: '/api/v1/verify/NPL-ARE-0000-0000000/qr.svg' })).statusCode, 404);
  });
});
