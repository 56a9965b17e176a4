import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { loadConfig } from '../../../core/config.js';
import { TEST_MASTER_KEY } from '../../../../test/helpers/app.js';
import { type TestDatabase, testDatabase } from '../../../../test/helpers/database.js';
import { makeOrganisation } from '../../../../test/helpers/factories.js';
import { digestOf } from './canonical.js';
import { verifyTermsSignature } from './leaf.js';
import { keyIdOf } from './signing.js';
import { signTermsAs } from './sign-terms.js';

let database: TestDatabase;
const config = loadConfig({ masterKey: TEST_MASTER_KEY }, {});
const digest = digestOf({ contract_no: 'AE-NP-2025-000001', wage_minor: 150000 });

before(async () => {
  database = await testDatabase();
});
after(() => database.close());

test('each party signs the terms digest with its own key, made once and reused', async () => {
  const origin = await makeOrganisation(database, { kind: 'origin_authority' });
  const destination = await makeOrganisation(database, { kind: 'destination_authority' });
  const worker = await signTermsAs(database.db, config, 'worker', null, digest);
  const first = await signTermsAs(database.db, config, 'origin', origin.id, digest);
  const again = await signTermsAs(database.db, config, 'origin', origin.id, digest);
  const dest = await signTermsAs(database.db, config, 'destination', destination.id, digest);

  for (const signature of [worker, first, dest]) assert.ok(verifyTermsSignature(signature, digest));
  assert.equal(again.key, first.key);
  assert.equal(new Set([worker.key, first.key, dest.key]).size, 3);
  assert.equal(verifyTermsSignature(first, digestOf({ other: true })), false);

  const keys = await database.db.selectFrom('signing_keys').selectAll().orderBy('created_at').execute();
  assert.deepEqual(
    keys.map((k) => [k.purpose, k.organisation_id]).sort(),
    [['acceptance', null], ['authority', destination.id], ['authority', origin.id]].sort(),
  );
  const originKey = keys.find((k) => k.organisation_id === origin.id)!;
  assert.equal(originKey.key_id, keyIdOf(first.key));
  // At rest the private key is sealed: no PEM, no raw key material in the row.
  assert.doesNotMatch(originKey.private_key_encrypted, /PRIVATE KEY/);
  const events = await database.db.selectFrom('audit_events').select(['action', 'subject_id']).where('action', '=', 'registry.key.created').execute();
  assert.deepEqual(events.map((e) => e.subject_id).sort(), keys.map((k) => k.key_id).sort());
});

test('an organisation signs only in the role of its kind', async () => {
  const employer = await makeOrganisation(database, { kind: 'employer' });
  const destination = await makeOrganisation(database, { kind: 'destination_authority' });
  await assert.rejects(signTermsAs(database.db, config, 'origin', employer.id, digest), { code: 'forbidden' });
  await assert.rejects(signTermsAs(database.db, config, 'origin', destination.id, digest), { code: 'forbidden' });
  await assert.rejects(signTermsAs(database.db, config, 'worker', null, 'not-a-digest'), { code: 'validation_failed' });
});

test('a wrong master key cannot open a stored key', async () => {
  await signTermsAs(database.db, config, 'worker', null, digest);
  const other = loadConfig({ masterKey: Buffer.alloc(32, 7).toString('base64url') }, {});
  await assert.rejects(signTermsAs(database.db, other, 'worker', null, digest), /does not open with the master key/);
});

test('a server database without CORRIDOR_MASTER_KEY refuses to sign, naming the setting', async () => {
  const server = loadConfig({ databaseUrl: 'postgres://example.invalid/x' }, {});
  await assert.rejects(signTermsAs(database.db, server, 'worker', null, digest), { code: 'unavailable', message: /CORRIDOR_MASTER_KEY/ });
});

test('the application may retire a key but not rewrite or delete one', async () => {
  await signTermsAs(database.db, config, 'worker', null, digest);
  const key = await database.db.selectFrom('signing_keys').select('key_id').where('purpose', '=', 'acceptance').executeTakeFirstOrThrow();
  await assert.rejects(sql`UPDATE signing_keys SET public_key = 'x' WHERE key_id = ${key.key_id}`.execute(database.db));
  await assert.rejects(sql`DELETE FROM signing_keys WHERE key_id = ${key.key_id}`.execute(database.db));
  await sql`UPDATE signing_keys SET retired_at = now() WHERE key_id = ${key.key_id}`.execute(database.db);
  const next = await signTermsAs(database.db, config, 'worker', null, digest);
  assert.notEqual(keyIdOf(next.key), key.key_id);
});
