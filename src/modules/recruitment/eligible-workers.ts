import { type Kysely, sql } from 'kysely';
import { type Actor, requireScope } from '../../core/auth/actor.js';
import { forbidden } from '../../core/errors.js';
import type { DB } from '../../schema.js';
import { recordEvent } from '../audit/record-event.js';
import type { EligibleWorkers, EligibleWorkersQuery } from './eligible-workers.schema.js';

/** `q` as a literal part of an ILIKE pattern (its % and _ are not wildcards). */
const likePart = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The workers an employer may draft a contract for, found by name: those selected for one of its
 * own job orders (by it or by the origin agency), and those who accepted a contract with it at some
 * point. Only their id, name, nationality and the last 4 characters of the passport number leave
 * the database. An employer only (scope contracts:draft, and the organisation an employer): a
 * worker, an agency, an authority and the platform are refused, as they are when drafting.
 * The read is audited (personal data read by someone other than the worker).
 */
export async function eligibleWorkers(db: Kysely<DB>, actor: Actor, query: EligibleWorkersQuery): Promise<EligibleWorkers> {
  requireScope(actor, 'contracts:draft');
  if (actor.organisationKind !== 'employer' || !actor.organisationId) throw forbidden('Only an employer drafts contracts, for the workers it selected or has under contract');
  const employerId = actor.organisationId;
  const selected = db
    .selectFrom('job_order_selections as s')
    .innerJoin('job_orders as j', 'j.id', 's.job_order_id')
    .select('s.worker_id')
    .where('j.employer_id', '=', employerId);
  const contracted = db
    .selectFrom('contract_versions as v')
    .innerJoin('contracts as c', (j) => j.onRef('c.employer_id', '=', 'v.employer_id').onRef('c.id', '=', 'v.contract_id'))
    .select('c.worker_id')
    .where('v.employer_id', '=', employerId)
    .where('v.accepted_at', 'is not', null);
  let found = db
    .selectFrom(selected.union(contracted).as('e'))
    .innerJoin('workers as w', 'w.id', 'e.worker_id')
    .select(['w.id', 'w.full_name', 'w.nationality', sql<string | null>`right(w.passport_no, 4)`.as('passport_last4')])
    .orderBy('w.full_name')
    .orderBy('w.id')
    .limit(query.limit);
  if (query.q) found = found.where(sql<boolean>`w.full_name ILIKE ${likePart(query.q)} ESCAPE '\\'`);
  if (query.worker_id) found = found.where('w.id', '=', query.worker_id);
  const workers = await found.execute();
  if (workers.length > 0)
    await recordEvent(db, actor, {
      action: 'workers.eligible.listed',
      subjectType: 'worker',
      subjectId: workers.length === 1 ? workers[0]!.id : null,
      countries: [...new Set(workers.map((w) => w.nationality))],
      details: { workers: workers.length, searched: Boolean(query.q) },
    });
  return { workers };
}
