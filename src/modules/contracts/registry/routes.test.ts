import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { type TestApp, startTestApp } from '../../../../test/helpers/app.js';
import { verifyPayload } from '../verifier/verify-payload.js';
import { offlinePayloadFor } from '../verification/offline-payload.js';
import { verifyConsistency, verifyInclusion } from './merkle.js';
import { type Authorities, makeAuthorities, makeLoggedContract } from './test-registry.js';
import { type TreeHead, verifyTreeHead } from './tree-head.js';

let t: TestApp;
let authorities: Authorities;
const get = (url: string) => t.app.inject({ method: 'GET', url });
const bytes = (hex: string) => new Uint8Array(Buffer.from(hex, 'hex'));

before(async () => {
  t = await startTestApp();
  authorities = await makeAuthorities(t.database);
});
after(() => t.close());

test('an empty registry publishes no head yet, and says so', async () => {
  const doc = await get('/.well-known/corridor-registry.json');
  assert.equal(doc.statusCode, 200);
  assert.equal(doc.json().tree_head, null);
  assert.equal((await get('/api/v1/registry/tree-heads/latest')).statusCode, 404);
});

test('anyone, signed out, gets the signed head, the keys, and proofs that check against them', async () => {
  const contracts = [];
  for (let i = 0; i < 6; i++) contracts.push(await makeLoggedContract(t.database, t.ctx.config, authorities));

  const doc = (await get('/.well-known/corridor-registry.json')).json();
  assert.equal(doc.tree_head.tree_size, 6);
  assert.ok(verifyTreeHead(doc.tree_head, doc.log_key.public_key));
  const origin = doc.keys.find((k: { organisation: { country: string } | null; purpose: string }) => k.purpose === 'authority' && k.organisation?.country === 'NPL');
  assert.match(origin.organisation.name, /origin authority/);
  assert.ok(doc.keys.some((k: { purpose: string }) => k.purpose === 'acceptance'));
  assert.doesNotMatch(JSON.stringify(doc), /PRIVATE|private_key|v1\./);

  const head3: TreeHead = (await get('/api/v1/registry/tree-heads/3')).json();
  assert.equal(head3.tree_size, 3);
  assert.ok(verifyTreeHead(head3, doc.log_key.public_key));
  assert.equal((await get('/api/v1/registry/tree-heads/60')).statusCode, 404);
  assert.deepEqual((await get('/api/v1/registry/tree-heads/latest')).json(), doc.tree_head);

  const inclusion = (await get(`/api/v1/registry/proofs/inclusion?contract_no=${contracts[1]!.contract_no}&tree_size=3`)).json();
  assert.equal(inclusion.leaf_index, contracts[1]!.leafIndex);
  assert.deepEqual(inclusion.tree_head, head3);
  assert.ok(verifyInclusion(bytes(inclusion.leaf_hash), inclusion.leaf_index, 3, inclusion.audit_path.map(bytes), bytes(head3.root_hash)));
  assert.equal((await get(`/api/v1/registry/proofs/inclusion?contract_no=${contracts[4]!.contract_no}&tree_size=3`)).statusCode, 422);
  assert.equal((await get('/api/v1/registry/proofs/inclusion?contract_no=NOPE-1')).statusCode, 404);

  const consistency = (await get('/api/v1/registry/proofs/consistency?first=3&second=6')).json();
  assert.ok(verifyConsistency(3, 6, bytes(head3.root_hash), bytes(doc.tree_head.root_hash), consistency.consistency_path.map(bytes)));
  assert.equal((await get('/api/v1/registry/proofs/consistency?first=3&second=99')).statusCode, 422);
});

test('public verification shows status and key terms with initials only, and a payload that verifies offline', async () => {
  const contract = await makeLoggedContract(t.database, t.ctx.config, authorities);
  const worker = await t.database.db.selectFrom('workers').selectAll().where('id', '=', contract.worker_id).executeTakeFirstOrThrow();
  const response = await get(`/api/v1/verify/${contract.contract_no}`);
  assert.equal(response.statusCode, 200);
  const body = response.json();
  assert.equal(body.status, 'registered');
  assert.equal(body.version, 1);
  assert.equal(body.key_terms.worker_initials, 'T.W.');
  assert.equal(body.key_terms.wage_minor, contract.terms.wage.basic_monthly_minor);
  assert.equal(body.key_terms.occupation.code, contract.terms.occupation_isco);
  assert.equal(typeof body.key_terms.occupation.title, 'string');
  for (const secret of [worker.full_name, worker.passport_no!, worker.birth_date, contract.worker_id]) assert.ok(!response.body.includes(secret), secret);

  const logKey = (await get('/.well-known/corridor-registry.json')).json().log_key.public_key;
  const offline = await verifyPayload(body.offline_payload, [logKey]);
  assert.equal(offline.ok, true, JSON.stringify(offline.checks));
  assert.deepEqual(body.offline_payload, await offlinePayloadFor(t.database.db, contract.contract_no));

  // Status follows the contract; the registration stays. The answer above was kept, and is forgotten when
  // the change commits (another process's change reaches this one as a notification: allow it its trip).
  await sql`UPDATE contracts SET status = 'active' WHERE id = ${contract.id}`.execute(t.database.db);
  assert.equal(await statusWithin(contract.contract_no, 'active', 2000), 'active');
});

/** The status shown, once it is `expected` or when `ms` have passed. */
async function statusWithin(contractNo: string, expected: string, ms: number): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    const status = (await get(`/api/v1/verify/${contractNo}`)).json().status as string;
    if (status === expected || Date.now() > until) return status;
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('verification answers are kept between requests and forgotten when a registered contract changes', async () => {
  const contract = await makeLoggedContract(t.database, t.ctx.config, authorities);
  const first = (await get(`/api/v1/verify/${contract.contract_no}`)).json();
  // Reference data is not announced: a changed occupation title shows only once the answer is read again.
  const code = first.key_terms.occupation.code as string;
  const title = first.key_terms.occupation.title as string;
  await sql`UPDATE occupations SET title = 'Renamed for the test' WHERE code = ${code}`.execute(t.database.db);
  try {
    assert.equal((await get(`/api/v1/verify/${contract.contract_no}`)).json().key_terms.occupation.title, title, 'the kept answer');
    await sql`UPDATE contracts SET status = 'terminated' WHERE id = ${contract.id}`.execute(t.database.db);
    assert.equal(await statusWithin(contract.contract_no, 'terminated', 2000), 'terminated');
    assert.equal((await get(`/api/v1/verify/${contract.contract_no}`)).json().key_terms.occupation.title, 'Renamed for the test', 'read again');
  } finally {
    await sql`UPDATE occupations SET title = ${title} WHERE code = ${code}`.execute(t.database.db);
  }
});

test('an unknown number is 404, an unregistered contract shows nothing but that', async () => {
  assert.equal((await get('/api/v1/verify/NPL-ARE-NO-SUCH')).statusCode, 404);
  const contract = await makeLoggedContract(t.database, t.ctx.config, authorities);
  await sql`UPDATE contracts SET registered_version = NULL, status = 'approved' WHERE id = ${contract.id}`.execute(t.database.db);
  const body = (await get(`/api/v1/verify/${contract.contract_no}`)).json();
  assert.deepEqual(body, {
    contract_no: contract.contract_no, status: 'not registered', version: null, registered_at: null, terms_digest: null, key_terms: null, offline_payload: null,
  });
  assert.equal(await offlinePayloadFor(t.database.db, contract.contract_no), undefined);
});
