import type { Kysely } from 'kysely';
import { type Actor, isPlatform, requireScope } from '../../core/auth/actor.js';
import { type FieldProblem, conflict, forbidden, invalid, notFound } from '../../core/errors.js';
import { parseOrThrow } from '../../core/validation.js';
import type { DB } from '../../schema.js';
import { recordEvent } from '../audit/record-event.js';
import { isKnownLanguage } from '../corridors/rules.schema.js';
import { type Candidate, CandidateRequest } from './recruitment.schema.js';

const view = (r: { id: string; worker_id: string; registered_by_organisation_id: string | null; occupation_isco: string; skills: string[]; languages: string[]; certificates: string[]; available: boolean }): Candidate => ({
  id: r.id, worker_id: r.worker_id, registered_by_organisation_id: r.registered_by_organisation_id, occupation_isco: r.occupation_isco,
  skills: r.skills, languages: r.languages, certificates: r.certificates, available: r.available,
});

/**
 * A candidate profile: an origin agency registers it for a worker it registered, or a worker
 * for themselves. One profile per worker; only whoever registered it changes it.
 */
export async function saveCandidate(db: Kysely<DB>, actor: Actor, input: unknown): Promise<{ candidate: Candidate; created: boolean }> {
  requireScope(actor, 'recruitment:candidates');
  const req = parseOrThrow(CandidateRequest, input, 'candidate');
  let workerId: string;
  let owner: string | null;
  if (actor.role === 'worker') {
    if (req.worker_id && req.worker_id !== actor.workerId) throw notFound(`Worker ${req.worker_id}`);
    workerId = actor.workerId!;
    owner = null;
  } else if (actor.organisationKind === 'recruitment_agency') {
    if (!req.worker_id) throw invalid('Name the worker', [{ pointer: '/worker_id', message: 'required for an agency', code: 'recruitment.worker_required' }]);
    workerId = req.worker_id;
    owner = actor.organisationId!;
  } else throw forbidden('Only an origin agency or the worker registers a candidate');
  const worker = await db.selectFrom('workers').select(['id', 'nationality', 'registered_by']).where('id', '=', workerId).executeTakeFirst();
  // An agency may only put forward the workers it registered itself (identity/access.ts): any other is 404.
  if (!worker || (owner && worker.registered_by !== owner)) throw notFound(`Worker ${workerId}`);
  const problems: FieldProblem[] = [];
  const occupation = await db.selectFrom('occupations').select('code').where('code', '=', req.occupation_isco).where('level', '=', 4).executeTakeFirst();
  if (!occupation) problems.push({ pointer: '/occupation_isco', message: 'not an ISCO-08 unit group', code: 'reference.occupation_unknown', params: { value: req.occupation_isco } });
  req.languages.forEach((l, i) => { if (!isKnownLanguage(l)) problems.push({ pointer: `/languages/${i}`, message: 'not a known language', code: 'reference.language_unknown', params: { value: l } }); });
  if (problems.length) throw invalid('The candidate is not valid', problems);
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('recruitment_candidates').selectAll().where('worker_id', '=', workerId).forUpdate().executeTakeFirst();
    if (existing && existing.registered_by_organisation_id !== owner)
      throw conflict('This worker already has a candidate profile kept by someone else', { reason: 'candidate_profile_exists' });
    const values = {
      occupation_isco: req.occupation_isco, occupation_minor: req.occupation_isco.slice(0, 3),
      skills: [...new Set(req.skills)], languages: [...new Set(req.languages)], certificates: [...new Set(req.certificates)], available: req.available,
    };
    const row = existing
      ? await trx.updateTable('recruitment_candidates').set({ ...values, updated_at: new Date() }).where('id', '=', existing.id).returningAll().executeTakeFirstOrThrow()
      : await trx.insertInto('recruitment_candidates').values({ ...values, worker_id: workerId, registered_by_organisation_id: owner, nationality: worker.nationality })
        .returningAll().executeTakeFirstOrThrow();
    await recordEvent(trx, actor, {
      action: existing ? 'recruitment.candidate.updated' : 'recruitment.candidate.created', subjectType: 'recruitment_candidate', subjectId: row.id,
      organisationIds: [owner], details: { worker_id: workerId, occupation_isco: req.occupation_isco },
    });
    return { candidate: view(row), created: !existing };
  });
}

/** An agency sees the candidates it registered; a worker their own profile; the platform all. */
export async function listCandidates(db: Kysely<DB>, actor: Actor): Promise<Candidate[]> {
  requireScope(actor, 'recruitment:read');
  let q = db.selectFrom('recruitment_candidates').selectAll().orderBy('created_at', 'desc').limit(500);
  if (actor.role === 'worker') q = q.where('worker_id', '=', actor.workerId!);
  else if (actor.organisationKind === 'recruitment_agency') q = q.where('registered_by_organisation_id', '=', actor.organisationId!);
  else if (!isPlatform(actor)) return [];
  return (await q.execute()).map(view);
}
