import type { Kysely } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import type { Config } from '../../core/config.js';
import type { DB } from '../../schema.js';
import type { ContractView } from './contract-view.js';
import { registerTogether } from './registration-batches.js';

/**
 * The destination authority registers the approved terms: it signs their digest and the
 * registry appends the version to its log. A registered amendment replaces the version in
 * force, which is kept, superseded. Registering again changes nothing. Registrations are
 * decided and written in batches, with the contracts locked (registration-batches.ts).
 */
export function registerContract(db: Kysely<DB>, config: Config, actor: Actor, id: string): Promise<ContractView> {
  return registerTogether(db, config, { actor, id });
}
