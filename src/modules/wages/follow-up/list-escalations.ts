import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../../core/auth/actor.js';
import { notFound } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import { isUuid } from '../../identity/access.js';
import { resultsInView, wageView } from '../access.js';
import { findEscalations } from './escalation-queries.js';
import type { Escalation, EscalationsQuery } from './escalation.schema.js';

/** Follow-up cases in the actor's view: an employer its own, a worker theirs, a destination authority its employers', an origin authority its nationals'. */
export function listEscalations(db: Kysely<DB>, actor: Actor, query: EscalationsQuery): Promise<Escalation[]> {
  const where = sql<boolean>`${resultsInView(wageView(actor))}
    ${query.state ? sql`AND r.state = ${query.state}` : sql``}
    ${query.period ? sql`AND r.month = ${`${query.period}-01`}::date` : sql``}
    ${query.employer ? sql`AND r.employer_id = ${query.employer}` : sql``}`;
  return findEscalations(db, where, query.limit);
}

/** One case in view, or not found (another organisation's case included). */
export async function getEscalation(db: Kysely<DB>, actor: Actor, id: string): Promise<Escalation> {
  const [found] = isUuid(id) ? await findEscalations(db, sql<boolean>`r.id = ${id} AND ${resultsInView(wageView(actor))}`) : [];
  if (!found) throw notFound(`Escalation ${id}`);
  return found;
}
