import type { Kysely } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import { conflict } from '../../core/errors.js';
import type { DB } from '../../schema.js';
import type { KeyWanted } from './contract-history.js';
import { type OpenContract, openContract, readContract } from './open-contract.js';

const ATTEMPTS = 8;

/** SQLSTATE of a guarded step whose contract changed after it was read (migration 0018). */
const isStaleStep = (e: unknown) => (e as { code?: unknown } | null)?.code === 'CR409';

/**
 * Takes a step on a contract read without a lock, reading it again each time another step
 * wrote first: a step costs the read and one guarded write instead of a transaction (BEGIN,
 * lock, read, write, COMMIT). Inside a caller's transaction the contract is locked instead,
 * as a failed statement there could not be retried.
 */
export async function withFreshContract<T>(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  key: KeyWanted | undefined,
  step: (open: OpenContract) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return step(await openContract(db, actor, id, true, key));
  for (let attempt = 1; ; attempt++) {
    try {
      return await step(await readContract(db, actor, id, key));
    } catch (e) {
      if (!isStaleStep(e)) throw e;
      if (attempt === ATTEMPTS) throw conflict(`Contract ${id} kept changing while this step was taken: try again`);
    }
  }
}
