import type { Kysely } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import { AppError, notFound } from '../../core/errors.js';
import type { DB } from '../../schema.js';
import { recordEvent } from '../audit/record-event.js';
import { requireSide } from './authority.js';
import { lockCorridor } from './corridor-queries.js';
import { findVersion, updateVersion } from './version-queries.js';
import { isApprovedByBoth, toRuleVersion, type RuleVersion } from './version-view.js';

/** The other side's approval; with both, the version is in force from its valid_from. Approving twice changes nothing. */
export async function approveVersion(db: Kysely<DB>, actor: Actor, code: string, version: number): Promise<RuleVersion> {
  return db.transaction().execute(async (trx) => {
    const corridor = await lockCorridor(trx, code);
    if (!corridor) throw notFound(`Corridor ${code}`);
    const side = requireSide(actor, corridor);
    const row = await findVersion(trx, code, version, true);
    if (!row) throw notFound(`Version ${version} of corridor ${code}`);
    if (row.withdrawn_at) throw new AppError('invalid_transition', `Version ${version} was withdrawn; it can no longer be approved`);
    if (row[`${side}_approved_at`]) return toRuleVersion(row);

    const now = new Date();
    const approved = await updateVersion(
      trx,
      code,
      version,
      side === 'origin'
        ? { origin_approved_at: now, origin_approved_by: actor.userId ?? null }
        : { destination_approved_at: now, destination_approved_by: actor.userId ?? null },
    );
    const both = isApprovedByBoth(approved);
    const result = both ? await updateVersion(trx, code, version, { approved_via: 'authorities' }) : approved;
    await recordEvent(trx, actor, {
      action: 'corridor.rules.approved',
      subjectType: 'corridor_rule_version',
      subjectId: `${code}/${version}`,
      countries: [corridor.origin, corridor.destination],
      organisationIds: [row.proposed_by_organisation_id],
      details: { version, side, approved_by_both: both, ...(both ? { in_force_from: row.valid_from } : {}) },
    });
    return toRuleVersion(result);
  });
}
