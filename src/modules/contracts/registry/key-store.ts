import { type Kysely, sql } from 'kysely';
import { SYSTEM_ACTOR } from './system-actor.js';
import type { Config } from '../../../core/config.js';
import { masterKeyOf } from '../../../core/crypto/master-key.js';
import { open, seal } from '../../../core/crypto/sealed.js';
import { AppError } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import { recordEvent } from '../../audit/record-event.js';
import { generateSigningKey } from './signing.js';
import type { KeyPurpose } from './tables.js';

export interface ActiveKey {
  keyId: string;
  /** Raw public key, base64url. */
  publicKey: string;
  /** PKCS#8 PEM; held only as long as it takes to sign, never logged. */
  privateKey: string;
}

/**
 * The active key for a purpose (and authority organisation), made on first use. Two
 * first uses at once both insert; the unique index keeps one and the loser reads it.
 */
export async function activeKey(
  db: Kysely<DB>,
  config: Config,
  purpose: KeyPurpose,
  organisationId: string | null = null,
  /** Checked only before making a key: an existing key was checked when it was made. */
  mayCreate: () => Promise<void> = async () => undefined,
): Promise<ActiveKey> {
  const masterKey = masterKeyOf(config);
  const found = await findActive(db, purpose, organisationId);
  if (found) return unsealed(masterKey, found);
  await mayCreate();

  // The key and its audit event together, whether or not the caller is in a transaction.
  if (!db.isTransaction) return db.transaction().execute((trx) => activeKey(trx, config, purpose, organisationId, async () => undefined));
  const made = generateSigningKey();
  const inserted = await db
    .insertInto('signing_keys')
    .values({
      key_id: made.keyId,
      purpose,
      organisation_id: organisationId,
      public_key: made.publicKey,
      private_key_encrypted: seal(masterKey, made.privateKey, made.keyId),
      retired_at: null,
    })
    .onConflict((oc) => oc.columns(['purpose', 'organisation_id']).where('retired_at', 'is', null).doNothing())
    .returning('key_id')
    .executeTakeFirst();
  if (inserted) {
    await recordEvent(db, SYSTEM_ACTOR, {
      action: 'registry.key.created',
      subjectType: 'signing_key',
      subjectId: made.keyId,
      organisationIds: [organisationId],
      details: { purpose, organisation_id: organisationId, public_key: made.publicKey },
    });
    return { keyId: made.keyId, publicKey: made.publicKey, privateKey: made.privateKey };
  }
  const winner = await findActive(db, purpose, organisationId);
  if (!winner) throw new AppError('internal', `No active ${purpose} key after creating one`);
  return unsealed(masterKey, winner);
}

function findActive(db: Kysely<DB>, purpose: KeyPurpose, organisationId: string | null) {
  return db
    .selectFrom('signing_keys')
    .select(['key_id', 'public_key', 'private_key_encrypted'])
    .where('purpose', '=', purpose)
    .where(sql<boolean>`organisation_id IS NOT DISTINCT FROM ${organisationId}::uuid`)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
}

// Opened keys by (master key, key id, sealed text): a key never changes once made, and opening
// it (AES-GCM) on every signature is wasted work. The whole triple is the cache key, so a wrong
// master key or an altered row still fails as it would uncached. Bounded: keys are few.
const opened = new Map<string, string>();
const OPENED_MAX = 1000;

export function unsealed(masterKey: Buffer, row: { key_id: string; public_key: string; private_key_encrypted: string }): ActiveKey {
  const cacheKey = `${masterKey.toString('base64url')}|${row.key_id}|${row.private_key_encrypted}`;
  let privateKey = opened.get(cacheKey);
  if (privateKey === undefined) {
    privateKey = open(masterKey, row.private_key_encrypted, row.key_id);
    if (opened.size >= OPENED_MAX) opened.clear();
    opened.set(cacheKey, privateKey);
  }
  return { keyId: row.key_id, publicKey: row.public_key, privateKey };
}
