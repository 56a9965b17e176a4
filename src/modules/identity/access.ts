/**
 * Record-level access to identity records, decided here and nowhere else. A record outside
 * the actor's reach is reported as not found by the callers, never as forbidden.
 */
import { type Actor, isPlatform } from '../../core/auth/actor.js';
import type { OrganisationKind } from '../../core/auth/scopes.js';

export const isAuthority = (actor: Actor) =>
  actor.organisationKind === 'origin_authority' || actor.organisationKind === 'destination_authority';

/** Platform: all; others their own; an authority also the organisations established in its country. */
export function canSeeOrganisation(actor: Actor, org: { id: string; kind: OrganisationKind; country: string }): boolean {
  if (isPlatform(actor) || org.id === actor.organisationId) return true;
  return isAuthority(actor) && org.kind !== 'platform' && org.country === actor.country;
}

/** How the actor is related to a worker: decides whether they may read the record, and its passport number. */
export type WorkerRelation = 'self' | 'platform' | 'origin_authority' | 'registrant';

export function workerRelation(
  actor: Actor,
  worker: { id: string; nationality: string; registered_by: string | null },
): WorkerRelation | undefined {
  if (actor.workerId && actor.workerId === worker.id) return 'self';
  if (isPlatform(actor)) return 'platform';
  if (actor.organisationKind === 'origin_authority' && actor.country === worker.nationality) return 'origin_authority';
  if (actor.organisationId && actor.organisationId === worker.registered_by) return 'registrant';
  return undefined;
}

/** The passport number is shown to the worker, the origin authority of their nationality and the platform. */
export const seesPassport = (relation: WorkerRelation) => relation !== 'registrant';

/** Who may create or manage the user account of a worker: the platform, their origin authority, or who registered them. */
export const managesWorkerAccount = (relation: WorkerRelation | undefined) =>
  relation === 'platform' || relation === 'origin_authority' || relation === 'registrant';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An id from a URL: anything that is not a UUID cannot name a record (and must not reach PostgreSQL as one). */
export const isUuid = (id: string) => UUID.test(id);
