import type { Kysely } from 'kysely';
import type { Config } from '../../../core/config.js';
import { AppError } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import type { PartyRole, PartySignature } from '../verifier/payload-v1.js';
import { masterKeyOf } from '../../../core/crypto/master-key.js';
import type { SigningKeyRow } from '../contract-history.js';
import { activeKey, unsealed } from './key-store.js';
import { signTerms } from './leaf.js';

const AUTHORITY_KIND = { origin: 'origin_authority', destination: 'destination_authority' } as const;

/**
 * Signs a contract's terms digest for a party: 'worker' with the platform's acceptance key
 * (it attests that the worker accepted from their own account), 'origin' and 'destination'
 * with the key of the authority organisation that approved or registered. Keys are made on
 * first use and kept encrypted under the master key.
 */
export async function signTermsAs(
  db: Kysely<DB>,
  config: Config,
  role: PartyRole,
  organisationId: string | null,
  termsDigest: string,
  /** The active key's row if the caller read it already in this transaction (openContract's `key`); else it is read here. */
  known?: SigningKeyRow | null,
): Promise<PartySignature> {
  if (!/^[0-9a-f]{64}$/.test(termsDigest)) {
    throw new AppError('validation_failed', 'A terms digest is 64 lowercase hex digits', [
      { pointer: '/terms_digest', message: 'must be a hex SHA-256', expected: '64 lowercase hex digits' },
    ]);
  }
  if (role === 'worker' && organisationId !== null) throw new AppError('internal', 'The worker signs with the acceptance key; pass no organisation');
  if (role !== 'worker' && !organisationId) throw new AppError('internal', `Signing as ${role} needs the authority organisation`);
  if (known) {
    const key = unsealed(masterKeyOf(config), known);
    return signTerms(role, key.privateKey, key.publicKey, termsDigest);
  }
  if (role === 'worker') {
    const key = await activeKey(db, config, 'acceptance');
    return signTerms(role, key.privateKey, key.publicKey, termsDigest);
  }
  if (!organisationId) throw new AppError('internal', `Signing as ${role} needs the authority organisation`);
  const key = await activeKey(db, config, 'authority', organisationId, async () => {
    const organisation = await db.selectFrom('organisations').select('kind').where('id', '=', organisationId).executeTakeFirst();
    if (organisation?.kind !== AUTHORITY_KIND[role]) {
      throw new AppError('forbidden', `Only an ${AUTHORITY_KIND[role].replace('_', ' ')} signs as ${role}`);
    }
  });
  return signTerms(role, key.privateKey, key.publicKey, termsDigest);
}
