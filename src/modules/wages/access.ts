/**
 * Who sees which wage records, decided here and nowhere else (PRODUCT.md 3): an employer its
 * own, a wage agent the files it sent, a destination authority the employers established in
 * its country, an origin authority its nationals, a worker their own pay. Outside the view
 * is reported as not found by the callers.
 */
import { type RawBuilder, sql } from 'kysely';
import { type Actor, isPlatform } from '../../core/auth/actor.js';

export type WageView =
  | { kind: 'all' }
  | { kind: 'employer'; organisationId: string }
  | { kind: 'agent'; organisationId: string }
  | { kind: 'destination'; country: string }
  | { kind: 'origin'; country: string }
  | { kind: 'worker'; workerId: string }
  | { kind: 'none' };

export function wageView(actor: Actor): WageView {
  if (isPlatform(actor)) return { kind: 'all' };
  if (actor.workerId) return { kind: 'worker', workerId: actor.workerId };
  const org = actor.organisationId;
  if (!org) return { kind: 'none' };
  switch (actor.organisationKind) {
    case 'employer':
      return { kind: 'employer', organisationId: org };
    case 'wage_agent':
      return { kind: 'agent', organisationId: org };
    case 'destination_authority':
      return actor.country ? { kind: 'destination', country: actor.country } : { kind: 'none' };
    case 'origin_authority':
      return actor.country ? { kind: 'origin', country: actor.country } : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}

/** Salary files (acknowledgements) in view; `alias` names salary_files in the query. Origin authorities and workers see pay, not files. */
export function filesInView(view: WageView, alias = 'f'): RawBuilder<boolean> {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  switch (view.kind) {
    case 'all':
      return sql<boolean>`TRUE`;
    case 'employer':
      return sql<boolean>`${col('employer_id')} = ${view.organisationId}`;
    case 'agent':
      return sql<boolean>`${col('submitted_by_organisation_id')} = ${view.organisationId}`;
    case 'destination':
      return sql<boolean>`${col('employer_id')} IN (SELECT o.id FROM organisations o WHERE o.country = ${view.country})`;
    default:
      return sql<boolean>`FALSE`;
  }
}

/**
 * One worker's reconciliation results (`r` is the wage_results alias), found through their
 * contracts: wage_results keeps no index on worker_id (migration 0026, decision 0021).
 */
export const resultsOfWorker = (workerId: string) =>
  sql<boolean>`(r.employer_id, r.contract_id) IN (SELECT c.employer_id, c.id FROM contracts c WHERE c.worker_id = ${workerId})`;

/** Reconciliation results in view; `r` is the wage_results alias. */
export function resultsInView(view: WageView): RawBuilder<boolean> {
  switch (view.kind) {
    case 'all':
      return sql<boolean>`TRUE`;
    case 'employer':
      return sql<boolean>`r.employer_id = ${view.organisationId}`;
    case 'destination':
      return sql<boolean>`r.employer_id IN (SELECT o.id FROM organisations o WHERE o.country = ${view.country})`;
    case 'origin':
      return sql<boolean>`r.worker_id IN (SELECT w.id FROM workers w WHERE w.nationality = ${view.country})`;
    case 'worker':
      return resultsOfWorker(view.workerId);
    default:
      return sql<boolean>`FALSE`;
  }
}
