import type { Kysely } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import { AppError, forbidden, notFound } from '../../core/errors.js';
import type { DB } from '../../schema.js';
import { recordEvent } from '../audit/record-event.js';
import { requireSide } from './authority.js';
import { lockCorridor } from './corridor-queries.js';
import { findVersion, updateVersion } from './version-queries.js';
import { isApprovedByBoth, toRuleVersion, type RuleVersion } from './version-view.js';

/**
 * The proposing side takes back a proposal the other side has not approved yet. The
 * proposing side is the one whose approval it carries (by country, docs/decisions/0007).
 */
export async function withdrawVersion(db: Kysely<DB>, actor: Actor, code: string, version: number): Promise<RuleVersion> {
  return db.transaction().execute(async (trx) => {
    const corridor = await lockCorridor(trx, code);
    if (!corridor) throw notFound(`Corridor ${code}`);
    const side = requireSide(actor, corridor);
    const row = await findVersion(trx, code, version, true);
    if (!row) throw notFound(`Version ${version} of corridor ${code}`);
    if (row.withdrawn_at) return toRuleVersion(row);
    if (isApprovedByBoth(row))
      throw new AppError('invalid_transition', `Version ${version} is approved by both sides; propose a new version instead`);
    if (!row[`${side}_approved_at`]) throw forbidden('Only the side that proposed a version may withdraw it; the other side simply does not approve it');

    const withdrawn = await updateVersion(trx, code, version, { withdrawn_at: new Date() });
    await recordEvent(trx, actor, {
      action: 'corridor.rules.withdrawn',
      subjectType: 'corridor_rule_version',
      subjectId: `${code}/${version}`,
      countries: [corridor.origin, corridor.destination],
      organisationIds: [row.proposed_by_organisation_id],
      details: { version, side },
    });
    return toRuleVersion(withdrawn);
  });
}
