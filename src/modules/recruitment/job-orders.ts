import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { type Actor, isPlatform, requireScope } from '../../core/auth/actor.js';
import { type FieldProblem, forbidden, invalid, notFound, conflict } from '../../core/errors.js';
import { parseOrThrow } from '../../core/validation.js';
import type { DB } from '../../schema.js';
import { recordEvent } from '../audit/record-event.js';
import { isKnownLanguage } from '../corridors/rules.schema.js';
import { today } from '../corridors/read-corridors.js';
import { refuseIfSuspended } from '../contracts/employer-standing.js';
import { checkAgainstRules, throwIfBreaches } from '../contracts/rules-check.js';
import { type ContractTerms, monthlyFixedMinor } from '../contracts/terms.schema.js';
import { isWhoSafeguardCountry } from '../reference/countries.js';
import { isHealthOccupation } from '../reference/occupations.js';
import { requireActiveLicence } from './licences.js';
import { type JobOrder, JobOrderRequest, type JobOrderTerms, RefuseRequest } from './recruitment.schema.js';
import type { JobOrdersTable } from './tables.js';

export type JobOrderRow = Selectable<JobOrdersTable> & { origin: string; destination: string };
/** Stands in for the worker when a job order's terms are checked: the rules never look at who the worker is. */
const NO_WORKER = '00000000-0000-4000-8000-000000000000';

/** The contract terms for one worker, made from a job order's terms. */
export const termsFor = (job: { terms: unknown; origin_agency_id: string }, workerId: string): ContractTerms =>
  ({ ...(job.terms as JobOrderTerms), worker_id: workerId, recruitment_agency_id: job.origin_agency_id }) as ContractTerms;

/** Who the actor is to a job order: record-level access decided here (list applies the same in SQL). */
export function partOf(actor: Actor, job: { employer_id: string; origin_agency_id: string; destination_liable_id: string; origin: string; destination: string }):
  'employer' | 'origin_agency' | 'destination_agency' | 'origin' | 'destination' | 'platform' | undefined {
  if (actor.organisationId === job.employer_id) return 'employer';
  if (actor.organisationId === job.origin_agency_id) return 'origin_agency';
  if (actor.organisationId === job.destination_liable_id) return 'destination_agency';
  if (actor.organisationKind === 'origin_authority' && actor.country === job.origin) return 'origin';
  if (actor.organisationKind === 'destination_authority' && actor.country === job.destination) return 'destination';
  if (isPlatform(actor)) return 'platform';
  return undefined;
}

const jobOrders = (db: Kysely<DB>) =>
  db.selectFrom('job_orders as j').innerJoin('corridors as c', 'c.code', 'j.corridor_code').selectAll('j').select(['c.origin', 'c.destination']);

export async function findJobOrder(db: Kysely<DB>, actor: Actor, id: string): Promise<JobOrderRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound(`Job order ${id}`);
  const job = await jobOrders(db).where('j.id', '=', id).executeTakeFirst();
  if (!job || !partOf(actor, job)) throw notFound(`Job order ${id}`);
  return job;
}

export async function jobOrderView(db: Kysely<DB>, job: JobOrderRow): Promise<JobOrder> {
  const filled = await db.selectFrom('job_order_selections').select((eb) => eb.fn.countAll<string>().as('n')).where('job_order_id', '=', job.id).executeTakeFirstOrThrow();
  return {
    id: job.id, reference: job.reference, employer_id: job.employer_id, corridor: job.corridor_code,
    origin_agency_id: job.origin_agency_id, destination_liable_id: job.destination_liable_id,
    occupation_isco: job.occupation_isco, positions: job.positions, filled: Number(filled.n),
    monthly_wage_minor: Number(job.monthly_wage_minor), currency: job.currency, terms: job.terms as Record<string, unknown>,
    required_skills: job.required_skills, required_languages: job.required_languages, required_certificates: job.required_certificates,
    status: job.status, breaches: job.breaches as Record<string, unknown>[], rules_version: job.rules_version,
    safeguard_exception: job.safeguard_exception, decision_reason: job.decision_reason,
    decided_at: job.decided_at ? job.decided_at.toISOString() : null, created_at: job.created_at.toISOString(),
  };
}

/** The organisations a job order names, checked together: every problem at once. */
async function partyProblems(db: Kysely<DB>, employerId: string, req: JobOrderRequest, corridor: { origin: string; destination: string } | undefined): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const ids = [req.origin_agency_id, ...(req.destination_liable_id ? [req.destination_liable_id] : [])];
  const orgs = await db.selectFrom('organisations').select(['id', 'kind', 'country']).where('id', 'in', ids).execute();
  const origin = orgs.find((o) => o.id === req.origin_agency_id);
  if (origin?.kind !== 'recruitment_agency') problems.push({ pointer: '/origin_agency_id', message: 'there is no recruitment agency with this id', code: 'organisation.not_recruitment_agency' });
  else if (corridor && origin.country !== corridor.origin) problems.push({ pointer: '/origin_agency_id', message: `the agency is not established in the corridor's origin`, expected: corridor.origin, code: 'recruitment.agency_not_in_origin', params: { country: corridor.origin } });
  if (req.destination_liable_id && req.destination_liable_id !== employerId) {
    const dest = orgs.find((o) => o.id === req.destination_liable_id);
    if (dest?.kind !== 'recruitment_agency') problems.push({ pointer: '/destination_liable_id', message: 'must be a destination recruitment agency or the employer itself', code: 'recruitment.destination_liable_invalid' });
    else if (corridor && dest.country !== corridor.destination) problems.push({ pointer: '/destination_liable_id', message: "the agency is not established in the corridor's destination", expected: corridor.destination, code: 'recruitment.agency_not_in_destination', params: { country: corridor.destination } });
  }
  return problems;
}

/**
 * An employer posts a job order. It names the origin agency (which must hold an active
 * licence) and the destination agency or the employer itself: jointly liable. The terms are
 * checked against the corridor's rules at once (every breach listed); the origin authority verifies.
 */
export async function createJobOrder(db: Kysely<DB>, actor: Actor, input: unknown): Promise<JobOrder> {
  requireScope(actor, 'recruitment:order');
  if (actor.organisationKind !== 'employer') throw forbidden('Only an employer posts job orders');
  const req = parseOrThrow(JobOrderRequest, input, 'job order');
  const employerId = actor.organisationId!;
  const corridor = await db.selectFrom('corridors').select(['origin', 'destination']).where('code', '=', req.terms.corridor).executeTakeFirst();
  const problems = await partyProblems(db, employerId, req, corridor);
  if (!corridor) problems.push({ pointer: '/terms/corridor', message: `there is no corridor ${req.terms.corridor}`, code: 'corridor.unknown', params: { corridor: req.terms.corridor } });
  if (req.terms.employer_id !== employerId) problems.push({ pointer: '/terms/employer_id', message: 'must be your own organisation', expected: employerId, code: 'organisation.not_own' });
  const currency = await db.selectFrom('currencies').select('code').where('code', '=', req.terms.wage.currency).executeTakeFirst();
  if (!currency) problems.push({ pointer: '/terms/wage/currency', message: 'not an ISO 4217 currency', code: 'reference.currency_unknown', params: { value: req.terms.wage.currency } });
  req.terms.languages.forEach((l, i) => { if (!isKnownLanguage(l)) problems.push({ pointer: `/terms/languages/${i}`, message: 'not a known language', code: 'reference.language_unknown', params: { value: l } }); });
  req.required_languages.forEach((l, i) => { if (!isKnownLanguage(l)) problems.push({ pointer: `/required_languages/${i}`, message: 'not a known language', code: 'reference.language_unknown', params: { value: l } }); });
  const occupation = await db.selectFrom('occupations').select('code').where('code', '=', req.terms.occupation_isco).where('level', '=', 4).executeTakeFirst();
  if (!occupation) problems.push({ pointer: '/terms/occupation_isco', message: 'not an ISCO-08 unit group', code: 'reference.occupation_unknown', params: { value: req.terms.occupation_isco } });
  if (problems.length) throw invalid('The job order is not valid', problems);
  const on = today();
  await refuseIfSuspended(db, employerId, on);
  await requireActiveLicence(db, req.origin_agency_id, on);
  const liable = req.destination_liable_id ?? employerId;
  if (liable !== employerId) await requireActiveLicence(db, liable, on, '/destination_liable_id');
  const terms = termsFor({ terms: req.terms, origin_agency_id: req.origin_agency_id }, NO_WORKER);
  const check = await checkAgainstRules(db, terms, on);
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('job_orders').values({
      reference: `JO-${req.terms.corridor}-${on.slice(0, 4)}-${randomBytes(4).toString('hex').toUpperCase()}`,
      employer_id: employerId, corridor_code: req.terms.corridor, origin_agency_id: req.origin_agency_id, destination_liable_id: liable,
      occupation_isco: req.terms.occupation_isco, positions: req.positions, terms: JSON.stringify(req.terms),
      monthly_wage_minor: monthlyFixedMinor(terms), currency: req.terms.wage.currency,
      required_skills: req.required_skills, required_languages: req.required_languages, required_certificates: req.required_certificates,
      status: 'submitted', breaches: JSON.stringify(check.breaches), rules_version: check.rulesVersion,
    }).returning('id').executeTakeFirstOrThrow();
    await recordEvent(trx, actor, {
      action: 'recruitment.job_order.created', subjectType: 'job_order', subjectId: row.id,
      organisationIds: [req.origin_agency_id, liable], countries: [corridor!.origin, corridor!.destination],
      details: { positions: req.positions, occupation_isco: req.terms.occupation_isco, breaches: check.breaches.length },
    });
    return row.id;
  });
  return jobOrderView(db, await findJobOrder(db, actor, id));
}

/**
 * The origin authority verifies a job order: the employer is not suspended by the wage
 * ladder, the agencies are licensed, the terms are within the rules in force (occupation
 * allowed, minimum wage, hours, ...) and a health occupation from a WHO safeguard-list country
 * is covered by a recorded government-to-government exception, whose reference is kept.
 */
export async function verifyJobOrder(db: Kysely<DB>, actor: Actor, id: string): Promise<JobOrder> {
  requireScope(actor, 'recruitment:verify');
  return db.transaction().execute(async (trx) => {
    const job = await findJobOrder(trx, actor, id);
    const part = partOf(actor, job);
    if (part !== 'origin' && part !== 'platform') throw forbidden("Only the corridor's origin authority verifies job orders");
    if (job.status === 'verified') return jobOrderView(trx, job);
    if (job.status !== 'submitted') throw conflict(`The job order is ${job.status}`, { reason: `job_order_${job.status}` });
    const on = today();
    await refuseIfSuspended(trx, job.employer_id, on);
    await requireActiveLicence(trx, job.origin_agency_id, on);
    if (job.destination_liable_id !== job.employer_id) await requireActiveLicence(trx, job.destination_liable_id, on, '/destination_liable_id');
    const check = await checkAgainstRules(trx, termsFor(job, NO_WORKER), on);
    throwIfBreaches(check.breaches);
    let exception: string | null = null;
    if (isHealthOccupation(job.occupation_isco) && (await isWhoSafeguardCountry(trx, job.origin))) {
      const row = await trx.selectFrom('health_safeguard_exceptions').select('reference').where('corridor_code', '=', job.corridor_code)
        .where((eb) => eb.or([eb('occupation_isco', '=', job.occupation_isco), eb('occupation_isco', 'is', null)]))
        .where('valid_from', '<=', on).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', on)])).executeTakeFirst();
      exception = row?.reference ?? null;
    }
    await trx.updateTable('job_orders').set({
      status: 'verified', breaches: '[]', rules_version: check.rulesVersion, safeguard_exception: exception,
      decided_by_organisation_id: actor.organisationId ?? null, decided_at: new Date(),
    }).where('id', '=', id).execute();
    await recordEvent(trx, actor, {
      action: 'recruitment.job_order.verified', subjectType: 'job_order', subjectId: id,
      organisationIds: [job.employer_id, job.origin_agency_id, job.destination_liable_id], countries: [job.origin, job.destination],
      details: { rules_version: check.rulesVersion, safeguard_exception: exception },
    });
    return jobOrderView(trx, await findJobOrder(trx, actor, id));
  });
}

export async function refuseJobOrder(db: Kysely<DB>, actor: Actor, id: string, input: unknown): Promise<JobOrder> {
  requireScope(actor, 'recruitment:verify');
  const { reason } = parseOrThrow(RefuseRequest, input, 'refusal');
  return db.transaction().execute(async (trx) => {
    const job = await findJobOrder(trx, actor, id);
    const part = partOf(actor, job);
    if (part !== 'origin' && part !== 'platform') throw forbidden("Only the corridor's origin authority refuses job orders");
    if (job.status !== 'submitted') throw conflict(`The job order is ${job.status}`, { reason: `job_order_${job.status}` });
    await trx.updateTable('job_orders').set({ status: 'refused', decision_reason: reason, decided_by_organisation_id: actor.organisationId ?? null, decided_at: new Date() })
      .where('id', '=', id).execute();
    await recordEvent(trx, actor, {
      action: 'recruitment.job_order.refused', subjectType: 'job_order', subjectId: id,
      organisationIds: [job.employer_id, job.origin_agency_id, job.destination_liable_id], countries: [job.origin, job.destination], details: { reason },
    });
    return jobOrderView(trx, await findJobOrder(trx, actor, id));
  });
}

export async function getJobOrder(db: Kysely<DB>, actor: Actor, id: string): Promise<JobOrder> {
  requireScope(actor, 'recruitment:read');
  return jobOrderView(db, await findJobOrder(db, actor, id));
}

/** The job orders you are party to or oversee, newest first. */
export async function listJobOrders(db: Kysely<DB>, actor: Actor): Promise<JobOrder[]> {
  requireScope(actor, 'recruitment:read');
  let q = jobOrders(db).orderBy('j.created_at', 'desc').limit(200);
  if (!isPlatform(actor)) {
    const org = actor.organisationId ?? NO_WORKER;
    if (actor.organisationKind === 'origin_authority') q = q.where('c.origin', '=', actor.country ?? '');
    else if (actor.organisationKind === 'destination_authority') q = q.where('c.destination', '=', actor.country ?? '');
    else q = q.where((eb) => eb.or([eb('j.employer_id', '=', org), eb('j.origin_agency_id', '=', org), eb('j.destination_liable_id', '=', org)]));
  }
  const rows = await q.execute();
  return Promise.all(rows.map((r) => jobOrderView(db, r)));
}

