/**
 * The month's repayment match (docs/loans.md "Matching"): every disbursed loan with an instalment
 * due in the month or a deduction reported for it, against the reconciled wage month, in ONE
 * statement — the match rows inserted and the schedule shifted for deferrals by
 * data-modifying CTEs. What an instalment was repaid is its match row (never copied into the schedule), so only a
 * deferral changes the schedule. A loan's month is matched once: running the month again adds only loans
 * that were not matched yet (e.g. whose wage month was still pending). Pending wage months wait.
 *
 *   wage paid or late   cap = least(instalment due, floor(wage paid x share / 10000));
 *                       applied = least(deducted, cap); refund = deducted - applied (flag over_cap)
 *   underpaid / unpaid  the employer did not pay in full: nothing is applied, any deduction is
 *                       refunded (flag not_paid_in_full), and the instalment and every later one
 *                       move a month later, with no interest added
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { type Actor, isPlatform, requireScope } from '../../core/auth/actor.js';
import { forbidden } from '../../core/errors.js';
import { parseOrThrow } from '../../core/validation.js';
import type { DB } from '../../schema.js';
import { recordEvent } from '../audit/record-event.js';
import { monthStart } from '../wages/reconcile/period.js';
import { MatchRequest, type MatchSummary } from './loan.schema.js';

/** The statement itself, for the service and the benchmark. `scope` narrows the loans (alias l). */
export function matchMonthSql(month: string, scope: RawBuilder<boolean> = sql<boolean>`TRUE`) {
  return sql<{ outcome: string; flag: string | null; n: number; applied: number; refund: number }>`
    WITH due AS (
      SELECT i.loan_id, i.seq, i.amount_minor AS due_minor FROM loan_instalments i WHERE i.due_month = ${month}::date
    ),
    reported AS (SELECT d.loan_id, d.amount_minor FROM loan_deductions d WHERE d.month = ${month}::date),
    -- Read once, before anything is inserted: a re-run adds only loans not matched yet.
    done AS MATERIALIZED (SELECT x.loan_id FROM loan_repayments x WHERE x.month = ${month}::date),
    candidates AS (
      SELECT coalesce(due.loan_id, reported.loan_id) AS loan_id, due.seq, coalesce(due.due_minor, 0) AS due_minor, coalesce(reported.amount_minor, 0) AS deducted_minor
      FROM due FULL JOIN reported ON reported.loan_id = due.loan_id
    ),
    matched AS (
      SELECT l.id AS loan_id, c.seq, l.employer_id, l.worker_id, l.lender_id, l.corridor_code, l.currency, w.status AS wage_status,
             c.due_minor, c.deducted_minor,
             CASE WHEN w.status IN ('paid', 'late') THEN least(c.due_minor, (w.paid_minor * l.max_instalment_share_bp) / 10000) ELSE 0 END AS cap_minor
      FROM candidates c
      JOIN loans l ON l.id = c.loan_id AND l.status = 'disbursed'
      JOIN wage_results w ON w.employer_id = l.employer_id AND w.contract_id = l.contract_id AND w.month = ${month}::date AND w.status <> 'pending'
      WHERE ${scope} AND c.loan_id NOT IN (SELECT loan_id FROM done)
    ),
    outcomes AS (
      SELECT m.*, least(m.deducted_minor, m.cap_minor) AS applied_minor, m.deducted_minor - least(m.deducted_minor, m.cap_minor) AS refund_minor,
             CASE WHEN m.seq IS NULL THEN 'not_due'
                  WHEN m.wage_status IN ('underpaid', 'unpaid') THEN 'deferred'
                  WHEN least(m.deducted_minor, m.cap_minor) >= m.due_minor THEN 'paid'
                  WHEN m.deducted_minor > 0 THEN 'short'
                  ELSE 'missed' END AS outcome,
             CASE WHEN m.deducted_minor > 0 AND m.wage_status IN ('underpaid', 'unpaid') THEN 'not_paid_in_full'
                  WHEN m.deducted_minor > m.cap_minor THEN 'over_cap' END AS flag
      FROM matched m
    ),
    inserted AS (
      INSERT INTO loan_repayments (loan_id, month, seq, employer_id, worker_id, lender_id, corridor_code, currency, wage_status,
                                   due_minor, deducted_minor, cap_minor, applied_minor, refund_minor, outcome, flag)
      SELECT loan_id, ${month}::date, seq, employer_id, worker_id, lender_id, corridor_code, currency, wage_status,
             due_minor, deducted_minor, cap_minor, applied_minor, refund_minor, outcome, flag
      FROM outcomes
      RETURNING loan_id, seq, outcome, flag, applied_minor, refund_minor
    ),
    -- Only deferrals change the schedule: the instalment and every later one move a month, nothing else changes.
    shifted AS (
      UPDATE loan_instalments i SET
        due_month = (i.due_month + interval '1 month')::date,
        deferrals = i.deferrals + CASE WHEN i.seq = o.seq THEN 1 ELSE 0 END
      FROM inserted o
      WHERE o.outcome = 'deferred' AND i.loan_id = o.loan_id AND i.seq >= o.seq
      RETURNING 1
    )
    SELECT outcome, flag, count(*)::int AS n, coalesce(sum(applied_minor), 0)::bigint AS applied, coalesce(sum(refund_minor), 0)::bigint AS refund
    FROM inserted GROUP BY outcome, flag`;
}

/** The work_mem of the month's hashes, as the reconciliation sets it (SET LOCAL: this transaction only). */
const WORK_MEM = '128MB';

export async function matchRepayments(db: Kysely<DB>, actor: Actor, input: unknown): Promise<MatchSummary> {
  requireScope(actor, 'loans:match');
  const req = parseOrThrow(MatchRequest, input, 'match request');
  let scope = sql<boolean>`TRUE`;
  if (!isPlatform(actor)) {
    if (actor.organisationKind !== 'destination_authority' || !actor.country) throw forbidden('Only the destination authority matches loan repayments');
    scope = sql<boolean>`l.employer_id IN (SELECT o.id FROM organisations o WHERE o.country = ${actor.country})`;
  }
  const month = monthStart(req.period);
  return db.transaction().execute(async (trx) => {
    await sql.raw(`SET LOCAL work_mem = '${WORK_MEM}'`).execute(trx);
    const { rows } = await matchMonthSql(month, scope).execute(trx);
    const sum = (pred: (r: (typeof rows)[number]) => boolean, f: (r: (typeof rows)[number]) => number) => rows.filter(pred).reduce((a, r) => a + f(r), 0);
    const summary: MatchSummary = {
      period: req.period,
      loans: sum(() => true, (r) => r.n),
      paid: sum((r) => r.outcome === 'paid', (r) => r.n),
      short: sum((r) => r.outcome === 'short', (r) => r.n),
      missed: sum((r) => r.outcome === 'missed', (r) => r.n),
      deferred: sum((r) => r.outcome === 'deferred', (r) => r.n),
      not_due: sum((r) => r.outcome === 'not_due', (r) => r.n),
      flagged_over_cap: sum((r) => r.flag === 'over_cap', (r) => r.n),
      flagged_not_paid_in_full: sum((r) => r.flag === 'not_paid_in_full', (r) => r.n),
      applied_minor: sum(() => true, (r) => Number(r.applied)),
      refund_minor: sum(() => true, (r) => Number(r.refund)),
    };
    await recordEvent(trx, actor, { action: 'loans.repayments.matched', subjectType: 'loan_month', subjectId: req.period, countries: actor.country ? [actor.country] : [], details: summary });
    return summary;
  });
}
