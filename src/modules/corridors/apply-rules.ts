import type { Kysely } from 'kysely';
import { type Actor, isPlatform } from '../../core/auth/actor.js';
import { forbidden } from '../../core/errors.js';
import type { DB } from '../../schema.js';
import { addVersion } from './add-version.js';
import { checkRules } from './check-rules.js';

export interface AppliedRules {
  corridor: string;
  version: number;
  created: boolean;
}

/**
 * The operator's import (`corridor corridors apply`): a rules file both governments agreed
 * outside the platform becomes a version approved by both sides, recorded as such.
 */
export async function applyRules(db: Kysely<DB>, actor: Actor, input: unknown): Promise<AppliedRules> {
  if (!isPlatform(actor)) throw forbidden('Only the platform operator imports corridor rules');
  const rules = await checkRules(db, input);
  const { row, created } = await db.transaction().execute((trx) => addVersion(trx, actor, rules, { via: 'operator_import' }));
  return { corridor: row.corridor_code, version: row.version, created };
}
