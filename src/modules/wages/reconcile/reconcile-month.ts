import { type Kysely, sql } from 'kysely';
import { type Actor, isPlatform, requireScope } from '../../../core/auth/actor.js';
import { forbidden, notFound } from '../../../core/errors.js';
import { parseOrThrow } from '../../../core/validation.js';
import type { DB } from '../../../schema.js';
import { recordEvent } from '../../audit/record-event.js';
import { type ReconcileFilter, reconciliationCtes, unregisteredAfterFullRunSql, unregisteredPaymentsSql } from './reconciliation-sql.js';
import { ReconcileRequest, type ReconcileSummary } from './reconcile.schema.js';
import { monthStart, today } from './period.js';

const RESULT_COLUMNS = sql.raw(`employer_id, contract_id, month, corridor_code, worker_id, person_id, rules_version, currency,
  monthly_minor, days_in_month, active_days, leave_days, expected_minor, paid_minor, payments, status, full_on, due_on, deadline, as_of`);
/**
 * Memory for each sort and hash of the statement, for its transaction (SET LOCAL). Above the
 * default 4MB, which spilled every step of a month to disk. 32MB, not 128MB: at a million
 * contracts both ran alike (PostgreSQL 11.6–12.1 s against 11.9–12.6 s, PGlite 26.7 against
 * 26.0 s), but PGlite runs inside this process and its memory never shrinks: 402 MB against
 * 879 MB, a peak of 615 MB against 1,020 (docs/performance.md, session 8).
 */
const WORK_MEM = '32MB';

/** Which contracts a run covers: the platform all of them, a destination authority its employers'. */
async function runFilter(db: Kysely<DB>, actor: Actor, req: ReconcileRequest): Promise<ReconcileFilter> {
  requireScope(actor, 'wages:reconcile');
  const filter: ReconcileFilter = { month: monthStart(req.period), asOf: req.as_of ?? today(), corridor: req.corridor };
  if (!isPlatform(actor)) {
    if (actor.organisationKind !== 'destination_authority' || !actor.country) throw forbidden('Only the destination authority runs the reconciliation');
    filter.destinationCountry = actor.country;
  }
  if (req.corridor) {
    const corridor = await db.selectFrom('corridors').select('destination').where('code', '=', req.corridor).executeTakeFirst();
    if (!corridor || (filter.destinationCountry && corridor.destination !== filter.destinationCountry)) throw notFound(`Corridor ${req.corridor}`);
  }
  return filter;
}

/**
 * Reconciles every registered contract active in the month (PRODUCT.md 5.3) in one
 * statement, storing one result per contract and month: a re-run replaces them, and a
 * contract no longer in the set loses its stale result.
 */
export async function reconcileMonth(db: Kysely<DB>, actor: Actor, input: unknown): Promise<ReconcileSummary> {
  const req = parseOrThrow(ReconcileRequest, input, 'reconciliation request');
  const f = await runFilter(db, actor, req);
  return db.transaction().execute(async (trx) => {
    await sql.raw(`SET LOCAL work_mem = '${WORK_MEM}'`).execute(trx);
    // The planner's cost of a million-contract month turns on JIT compilation, which took a
    // second of a 20 s statement and gained nothing measurable (docs/performance.md).
    await sql`SET LOCAL jit = off`.execute(trx);
    // The month's results in scope are replaced as a whole: deleting them and inserting the new
    // ones costs one pass each, where ON CONFLICT DO UPDATE probed and rewrote row by row. A
    // contract no longer in the set keeps no stale result. The same transaction, so readers see
    // the old results or the new ones, never none.
    await sql`
      DELETE FROM wage_results r
      WHERE r.month = ${f.month}::date
        ${f.corridor ? sql`AND r.corridor_code = ${f.corridor}` : sql``}
        ${f.destinationCountry ? sql`AND r.employer_id IN (SELECT o.id FROM organisations o WHERE o.country = ${f.destinationCountry})` : sql``}`.execute(trx);
    const { rows } = await sql<{ status: string; n: number }>`
      WITH ${reconciliationCtes(f)},
      inserted AS (
        INSERT INTO wage_results (${RESULT_COLUMNS})
        SELECT ${RESULT_COLUMNS} FROM computed
        -- In primary-key order, the index is extended page by page instead of at random.
        ORDER BY employer_id, contract_id
        RETURNING status
      )
      SELECT status, count(*)::int AS n FROM inserted GROUP BY status`.execute(trx);
    const counted = f.corridor === undefined ? unregisteredAfterFullRunSql(f) : unregisteredPaymentsSql(f);
    const unregistered = (await counted.execute(trx)).rows[0]!.unregistered;
    const count = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
    const summary: ReconcileSummary = {
      period: req.period,
      as_of: f.asOf,
      contracts: rows.reduce((a, r) => a + r.n, 0),
      paid: count('paid'),
      late: count('late'),
      underpaid: count('underpaid'),
      unpaid: count('unpaid'),
      pending: count('pending'),
      unregistered_payments: unregistered,
    };
    await recordEvent(trx, actor, {
      action: 'wages.reconciled', subjectType: 'wage_month', subjectId: req.period,
      countries: f.destinationCountry ? [f.destinationCountry] : [], details: { ...summary, corridor: f.corridor ?? null },
    });
    return summary;
  });
}
