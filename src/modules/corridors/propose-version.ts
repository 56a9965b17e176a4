import type { Kysely } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import type { DB } from '../../schema.js';
import { addVersion } from './add-version.js';
import { requireSide } from './authority.js';
import { checkRules } from './check-rules.js';
import { findCorridor } from './corridor-queries.js';
import { toRuleVersion, type RuleVersion } from './version-view.js';

/**
 * An authority proposes rules for a corridor of its own country (creating the corridor if
 * it is new); its own side's approval is recorded at once, the other side's is awaited.
 */
export async function proposeVersion(
  db: Kysely<DB>,
  actor: Actor,
  code: string,
  input: unknown,
): Promise<{ version: RuleVersion; created: boolean }> {
  const [origin = '', destination = ''] = code.split('-');
  // Who may act is settled before the rules are read, so another country learns nothing from them.
  const side = requireSide(actor, (await findCorridor(db, code)) ?? { code, origin, destination });
  const rules = await checkRules(db, input, { corridor: code });
  const { row, created } = await db.transaction().execute((trx) => addVersion(trx, actor, rules, { via: 'proposal', side }));
  return { version: toRuleVersion(row), created };
}
