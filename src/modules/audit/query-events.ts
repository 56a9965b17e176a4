import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { type Actor, isPlatform } from '../../core/auth/actor.js';
import type { DB } from '../../schema.js';

export const AuditQuery = z.object({
  action: z.string().max(100).optional().describe('Exact action, e.g. worker.read'),
  subject_type: z.string().max(100).optional(),
  subject_id: z.string().max(200).optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('Only entries at or after this instant'),
  to: z.iso.datetime({ offset: true }).optional().describe('Only entries before this instant'),
  before_id: z.coerce.number().int().positive().optional().describe('Page backwards: entries older than this id'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.object({
  id: z.number().int(),
  occurred_at: z.string(),
  actor_type: z.string(),
  actor_user_id: z.string().nullable(),
  actor_token_id: z.string().nullable(),
  actor_organisation_id: z.string().nullable(),
  ip: z.string().nullable(),
  request_id: z.string().nullable(),
  action: z.string(),
  subject_type: z.string(),
  subject_id: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/**
 * The audit trail as the actor may see it: the platform all of it; an authority what
 * concerns its country or its organisation; any other organisation what concerns itself.
 */
export async function queryEvents(db: Kysely<DB>, actor: Actor, q: AuditQuery): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(q.limit);
  if (!isPlatform(actor)) {
    const org = actor.organisationId ?? '00000000-0000-0000-0000-000000000000';
    const isAuthority = actor.organisationKind === 'origin_authority' || actor.organisationKind === 'destination_authority';
    query = query.where((eb) =>
      eb.or([
        eb(sql`scope_organisation_ids`, '@>', sql`ARRAY[${org}]::uuid[]`),
        ...(isAuthority && actor.country ? [eb(sql`scope_countries`, '@>', sql`ARRAY[${actor.country}]::text[]`)] : []),
      ]),
    );
  }
  if (q.action) query = query.where('action', '=', q.action);
  if (q.subject_type) query = query.where('subject_type', '=', q.subject_type);
  if (q.subject_id) query = query.where('subject_id', '=', q.subject_id);
  if (q.from) query = query.where('occurred_at', '>=', new Date(q.from));
  if (q.to) query = query.where('occurred_at', '<', new Date(q.to));
  if (q.before_id) query = query.where('id', '<', q.before_id);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    occurred_at: r.occurred_at.toISOString(),
    actor_type: r.actor_type,
    actor_user_id: r.actor_user_id,
    actor_token_id: r.actor_token_id,
    actor_organisation_id: r.actor_organisation_id,
    ip: r.ip,
    request_id: r.request_id,
    action: r.action,
    subject_type: r.subject_type,
    subject_id: r.subject_id,
    details: r.details as Record<string, unknown>,
  }));
}
