import type { Kysely } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import type { DB } from '../../schema.js';
import { recordEvent } from '../audit/record-event.js';
import type { Side } from './authority.js';
import { insertCorridorIfMissing, lockCorridor } from './corridor-queries.js';
import { rulesHash } from './rules-hash.js';
import type { CorridorRules } from './rules.schema.js';
import { findLatestActiveVersion, insertVersion, nextVersionNumber, updateVersion, type VersionRow } from './version-queries.js';
import { isApprovedByBoth } from './version-view.js';

/** An operator import counts as approved by both governments; a proposal carries its own side's approval. */
export type Approval = { via: 'operator_import' } | { via: 'proposal'; side: Side };

export interface AddedVersion {
  row: VersionRow;
  created: boolean;
}

/**
 * Adds a rules version (creating the corridor if new), inside the caller's transaction.
 * Rules identical to the newest live version add nothing: that version is returned.
 */
export async function addVersion(trx: Kysely<DB>, actor: Actor, rules: CorridorRules, approval: Approval): Promise<AddedVersion> {
  const countries = [rules.origin, rules.destination];
  if (await insertCorridorIfMissing(trx, rules.origin, rules.destination))
    await recordEvent(trx, actor, {
      action: 'corridor.created',
      subjectType: 'corridor',
      subjectId: rules.code,
      countries,
      details: { origin: rules.origin, destination: rules.destination },
    });
  await lockCorridor(trx, rules.code);

  const hash = rulesHash(rules);
  const subjectId = (version: number) => `${rules.code}/${version}`;
  const latest = await findLatestActiveVersion(trx, rules.code);
  if (latest?.rules_hash === hash) {
    if (approval.via === 'proposal' || isApprovedByBoth(latest)) return { row: latest, created: false };
    // The operator asserts both governments agreed these very rules: the pending version is that agreement.
    const now = new Date();
    const row = await updateVersion(trx, rules.code, latest.version, {
      origin_approved_at: latest.origin_approved_at ?? now,
      destination_approved_at: latest.destination_approved_at ?? now,
      approved_via: 'operator_import',
    });
    await recordEvent(trx, actor, {
      action: 'corridor.rules.imported',
      subjectType: 'corridor_rule_version',
      subjectId: subjectId(row.version),
      countries,
      details: { version: row.version, valid_from: row.valid_from, rules_hash: hash, approved_via: 'operator_import', existing_version: true },
    });
    return { row, created: false };
  }

  const version = await nextVersionNumber(trx, rules.code);
  const now = new Date();
  const byOperator = approval.via === 'operator_import';
  const approves = (side: Side) => byOperator || approval.side === side;
  const row = await insertVersion(trx, {
    corridor_code: rules.code,
    version,
    valid_from: rules.valid_from,
    rules: JSON.stringify(rules),
    rules_hash: hash,
    proposed_by_organisation_id: byOperator ? null : (actor.organisationId ?? null),
    origin_approved_at: approves('origin') ? now : null,
    origin_approved_by: approves('origin') && !byOperator ? (actor.userId ?? null) : null,
    destination_approved_at: approves('destination') ? now : null,
    destination_approved_by: approves('destination') && !byOperator ? (actor.userId ?? null) : null,
    approved_via: byOperator ? 'operator_import' : null,
  });
  await recordEvent(trx, actor, {
    action: byOperator ? 'corridor.rules.imported' : 'corridor.rules.proposed',
    subjectType: 'corridor_rule_version',
    subjectId: subjectId(version),
    countries,
    details: byOperator
      ? { version, valid_from: rules.valid_from, rules_hash: hash, approved_via: 'operator_import', approved_by: ['origin', 'destination'] }
      : { version, valid_from: rules.valid_from, rules_hash: hash, proposed_by_side: approval.side, approved_by: [approval.side] },
  });
  return { row, created: true };
}
