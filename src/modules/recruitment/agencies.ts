import type { Kysely } from 'kysely';
import { type Actor, requireScope } from '../../core/auth/actor.js';
import { AppError, notFound } from '../../core/errors.js';
import { parseOrThrow } from '../../core/validation.js';
import type { DB } from '../../schema.js';
import { recordEvent } from '../audit/record-event.js';
import { today } from '../corridors/read-corridors.js';
import { effectiveStatus } from './licences.js';
import { RatingRequest } from './recruitment.schema.js';

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
/** Contracts in which the worker took the job: accepted and everything after it. */
const RECRUITED = ['accepted', 'approved', 'registered', 'active', 'completed', 'terminated'] as const;

/**
 * A worker rates an agency that actually recruited them: a contract they accepted, offered
 * against a job order that names the agency (origin or destination). One rating per worker
 * and agency; a new one replaces it. Anyone else is refused.
 */
export async function rateAgency(db: Kysely<DB>, actor: Actor, agencyId: string, input: unknown): Promise<{ stars: number; replaced: boolean }> {
  requireScope(actor, 'recruitment:rate');
  const req = parseOrThrow(RatingRequest, input, 'rating');
  if (!isUuid(agencyId)) throw notFound(`Agency ${agencyId}`);
  const agency = await db.selectFrom('organisations').select(['id', 'country']).where('id', '=', agencyId).where('kind', '=', 'recruitment_agency').executeTakeFirst();
  if (!agency) throw notFound(`Agency ${agencyId}`);
  const recruited = actor.workerId && await db.selectFrom('contracts as c').innerJoin('job_orders as j', 'j.id', 'c.job_order_id').select('c.id')
    .where('c.worker_id', '=', actor.workerId).where('c.status', 'in', RECRUITED)
    .where((eb) => eb.or([eb('j.origin_agency_id', '=', agencyId), eb('j.destination_liable_id', '=', agencyId)])).limit(1).executeTakeFirst();
  if (!recruited) throw new AppError('forbidden', 'Only workers this agency recruited may rate it', [], { reason: 'not_recruited_by_agency' });
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('agency_ratings').select('stars').where('agency_id', '=', agencyId).where('worker_id', '=', actor.workerId!).executeTakeFirst();
    await trx.insertInto('agency_ratings').values({ agency_id: agencyId, worker_id: actor.workerId!, stars: req.stars, comment: req.comment ?? null })
      .onConflict((oc) => oc.columns(['agency_id', 'worker_id']).doUpdateSet({ stars: req.stars, comment: req.comment ?? null, updated_at: new Date() })).execute();
    await recordEvent(trx, actor, { action: 'recruitment.agency.rated', subjectType: 'organisation', subjectId: agencyId, organisationIds: [agencyId], details: { stars: req.stars } });
    return { stars: req.stars, replaced: before !== undefined };
  });
}

/** The public profile of an agency: licences and their status today, breaches upheld, workers' ratings. */
export async function agencyProfile(db: Kysely<DB>, agencyId: string) {
  if (!isUuid(agencyId)) throw notFound(`Agency ${agencyId}`);
  const agency = await db.selectFrom('organisations').select(['id', 'name', 'country']).where('id', '=', agencyId).where('kind', '=', 'recruitment_agency').executeTakeFirst();
  if (!agency) throw notFound(`Agency ${agencyId}`);
  const [licences, breaches, rating] = await Promise.all([
    db.selectFrom('agency_licences as l').select(['l.number', 'l.valid_from', 'l.valid_to', 'l.status_reason']).select(effectiveStatus(today()).as('status'))
      .where('l.agency_id', '=', agencyId).orderBy('l.valid_to', 'desc').execute(),
    db.selectFrom('recruitment_breaches').select(['code', 'decided_at', 'decision_reason']).where('status', '=', 'upheld')
      .where((eb) => eb.or([eb('origin_agency_id', '=', agencyId), eb('destination_liable_id', '=', agencyId)])).orderBy('decided_at', 'desc').execute(),
    db.selectFrom('agency_ratings').select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.avg<string>('stars').as('avg')]).where('agency_id', '=', agencyId).executeTakeFirstOrThrow(),
  ]);
  return {
    ...agency,
    licences: licences.map((l) => ({ ...l, status: l.status as 'active' })),
    licensed: licences.some((l) => l.status === 'active'),
    breaches_upheld: breaches.map((b) => ({ code: b.code, decided_at: b.decided_at ? b.decided_at.toISOString() : null, reason: b.decision_reason })),
    rating: { average: rating.avg === null ? null : Number(rating.avg).toFixed(1), count: Number(rating.n) },
  };
}
