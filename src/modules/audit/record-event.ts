import type { Insertable, Kysely } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import type { DB } from '../../schema.js';
import type { AuditEventsTable } from './tables.js';

export interface AuditEvent {
  /** e.g. corridor.rules.approved, user.created, worker.read */
  action: string;
  subjectType: string;
  subjectId?: string | null;
  /** Organisations that may read the entry (the actor's own is added). */
  organisationIds?: (string | null | undefined)[];
  /** Countries whose authorities may read the entry. */
  countries?: (string | null | undefined)[];
  /** What changed. Never passwords, tokens or passport numbers. */
  details?: Record<string, unknown>;
}

/** The audit row of an event: for a step that writes it inside a larger statement of its own (contracts/apply-step.ts). */
export function auditValues(actor: Actor, event: AuditEvent): Insertable<AuditEventsTable> {
  const orgs = new Set([actor.organisationId, ...(event.organisationIds ?? [])].filter((x): x is string => !!x));
  const countries = new Set((event.countries ?? []).filter((x): x is string => !!x));
  return {
    actor_type: actor.type,
    actor_user_id: actor.userId ?? null,
    actor_token_id: actor.tokenId ?? null,
    actor_organisation_id: actor.organisationId ?? null,
    ip: actor.ip ?? null,
    request_id: actor.requestId ?? null,
    action: event.action,
    subject_type: event.subjectType,
    subject_id: event.subjectId ?? null,
    scope_organisation_ids: [...orgs],
    scope_countries: [...countries],
    details: JSON.stringify(event.details ?? {}),
  };
}

/** Write an audit entry; call it with the transaction that makes the change, so both stand or neither. */
export async function recordEvent(db: Kysely<DB>, actor: Actor, event: AuditEvent): Promise<void> {
  await db.insertInto('audit_events').values(auditValues(actor, event)).execute();
}
