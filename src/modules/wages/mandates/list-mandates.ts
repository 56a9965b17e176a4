import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../../core/auth/actor.js';
import type { DB } from '../../../schema.js';
import { wageView } from '../access.js';
import type { Mandate } from './mandate.schema.js';

/** The mandates the actor is party to (employer, agent), or oversees (destination authority, platform). */
export async function listMandates(db: Kysely<DB>, actor: Actor): Promise<Mandate[]> {
  const view = wageView(actor);
  let q = db.selectFrom('wage_mandates').selectAll();
  if (view.kind === 'employer') q = q.where('employer_id', '=', view.organisationId);
  else if (view.kind === 'agent') q = q.where('agent_id', '=', view.organisationId);
  else if (view.kind === 'destination')
    q = q.where(sql<boolean>`wage_mandates.employer_id IN (SELECT o.id FROM organisations o WHERE o.country = ${view.country})`);
  else if (view.kind !== 'all') return [];
  const rows = await q.orderBy('created_at').execute();
  return rows.map((r) => ({ ...r, created_at: r.created_at.toISOString() }));
}
