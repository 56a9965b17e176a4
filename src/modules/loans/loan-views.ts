/**
 * Who sees which loan, decided here: the worker their own; the lender its own applications while
 * the worker consents (withdrawn ones disappear); a wage agent the disbursed loans of the
 * employers that mandated it (to deduct them); the platform all. Authorities see totals only.
 * Anything outside the view is not found.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { type Actor, isPlatform, requireScope } from '../../core/auth/actor.js';
import { forbidden, notFound } from '../../core/errors.js';
import type { DB } from '../../schema.js';
import type { LoanDetail, LoanSummary, RefundPayment, Totals } from './loan.schema.js';

export function loansInView(actor: Actor): RawBuilder<boolean> {
  if (isPlatform(actor)) return sql<boolean>`TRUE`;
  if (actor.workerId) return sql<boolean>`l.worker_id = ${actor.workerId}`;
  const org = actor.organisationId;
  if (!org) return sql<boolean>`FALSE`;
  if (actor.organisationKind === 'lender') return sql<boolean>`(l.lender_id = ${org} AND l.status <> 'withdrawn')`;
  if (actor.organisationKind === 'wage_agent')
    return sql<boolean>`(l.status = 'disbursed' AND l.employer_id IN (SELECT m.employer_id FROM wage_mandates m WHERE m.agent_id = ${org}))`;
  return sql<boolean>`FALSE`;
}

const iso = (col: string) => sql.raw(`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);

const summaryQuery = (where: RawBuilder<boolean>) => sql<LoanSummary>`
  SELECT l.id, l.product_id, p.name AS product_name, l.lender_id, o.name AS lender_name, l.worker_id, l.contract_id, l.corridor_code, l.currency,
         l.amount_minor, l.fee_minor, l.principal_minor, l.term_months, l.annual_rate_bp, l.instalment_minor, l.first_month, l.status,
         l.decision_reason, l.disbursed_on, ${iso('l.created_at')} AS created_at,
         coalesce(s.scheduled, 0)::bigint AS scheduled_minor, coalesce(r.repaid, 0)::bigint AS repaid_minor,
         (coalesce(s.scheduled, 0) - coalesce(r.repaid, 0))::bigint AS balance_minor, coalesce(r.refunds, 0)::bigint AS refunds_owed_minor,
         coalesce(f.paid, 0)::bigint AS refunds_paid_minor
  FROM loans l
  JOIN loan_products p ON p.id = l.product_id
  JOIN organisations o ON o.id = l.lender_id
  LEFT JOIN LATERAL (SELECT sum(i.amount_minor) AS scheduled FROM loan_instalments i WHERE i.loan_id = l.id) s ON TRUE
  LEFT JOIN LATERAL (SELECT sum(x.applied_minor) AS repaid, sum(x.refund_minor) AS refunds FROM loan_repayments x WHERE x.loan_id = l.id) r ON TRUE
  LEFT JOIN LATERAL (SELECT sum(y.amount_minor) AS paid FROM loan_refund_payments y WHERE y.loan_id = l.id) f ON TRUE
  WHERE ${where}
  ORDER BY l.created_at DESC`;

export async function listLoans(db: Kysely<DB>, actor: Actor, filter: { status?: string } = {}): Promise<LoanSummary[]> {
  requireScope(actor, 'loans:read');
  const where = filter.status ? sql<boolean>`${loansInView(actor)} AND l.status = ${filter.status}` : loansInView(actor);
  return (await summaryQuery(where).execute(db)).rows;
}

export async function getLoan(db: Kysely<DB>, actor: Actor, loanId: string): Promise<LoanDetail> {
  requireScope(actor, 'loans:read');
  if (!/^[0-9a-f-]{36}$/i.test(loanId)) throw notFound(`Loan ${loanId}`);
  const [loan] = (await summaryQuery(sql<boolean>`l.id = ${loanId} AND ${loansInView(actor)}`).execute(db)).rows;
  if (!loan) throw notFound(`Loan ${loanId}`);
  // Key terms: the worker's own; the lender's only under the consent (the view already hides withdrawn applications).
  const showTerms = isPlatform(actor) || actor.workerId === loan.worker_id || actor.organisationKind === 'lender';
  const [terms, schedule, repayments, refundPayments] = await Promise.all([
    showTerms
      ? sql<LoanDetail['key_terms'] & object>`
          SELECT c.contract_no, e.name AS employer_name, v.terms->>'occupation_isco' AS occupation_isco, v.terms->>'job_title' AS job_title,
                 v.start_date, v.end_date, v.monthly_fixed_minor AS monthly_wage_minor, v.currency, c.status AS contract_status
          FROM contracts c JOIN contract_versions v ON v.employer_id = c.employer_id AND v.contract_id = c.id AND v.version = c.registered_version
          JOIN organisations e ON e.id = c.employer_id WHERE c.id = ${loan.contract_id}`.execute(db)
      : { rows: [] },
    sql<LoanDetail['schedule'][number]>`
      SELECT i.seq, i.due_month, i.principal_minor, i.interest_minor, i.amount_minor, coalesce(r.applied_minor, 0)::bigint AS paid_minor, i.deferrals,
             CASE r.outcome WHEN 'paid' THEN 'paid' WHEN 'short' THEN 'partial' WHEN 'missed' THEN 'missed' ELSE 'scheduled' END AS status
      FROM loan_instalments i LEFT JOIN loan_repayments r ON r.loan_id = i.loan_id AND r.seq = i.seq AND r.outcome <> 'deferred'
      WHERE i.loan_id = ${loanId} ORDER BY i.seq`.execute(db).then((r) => r.rows),
    db.selectFrom('loan_repayments').select(['month', 'seq', 'wage_status', 'due_minor', 'deducted_minor', 'cap_minor', 'applied_minor', 'refund_minor', 'outcome', 'flag']).where('loan_id', '=', loanId).orderBy('month').execute(),
    refundPaymentsOf(db, loanId),
  ]);
  return { ...loan, key_terms: terms.rows[0] ?? null, schedule, repayments, refund_payments: refundPayments };
}

/** The refunds the lender recorded as paid back to the worker, oldest first. */
export async function refundPaymentsOf(db: Kysely<DB>, loanId: string): Promise<RefundPayment[]> {
  const { rows } = await sql<RefundPayment>`
    SELECT id, loan_id, currency, amount_minor, paid_on, reference, ${iso('recorded_at')} AS recorded_at
    FROM loan_refund_payments WHERE loan_id = ${loanId} ORDER BY paid_on, recorded_at`.execute(db);
  return rows;
}

const totalsQuery = (where: RawBuilder<boolean>) => sql<Totals['rows'][number]>`
  WITH s AS (SELECT i.loan_id, sum(i.amount_minor) AS scheduled FROM loan_instalments i GROUP BY i.loan_id),
  r AS (SELECT x.loan_id, sum(x.applied_minor) AS repaid, sum(x.refund_minor) AS refunds, count(*) FILTER (WHERE x.outcome = 'deferred') AS deferred,
               count(*) FILTER (WHERE x.flag IS NOT NULL) AS flagged FROM loan_repayments x GROUP BY x.loan_id),
  f AS (SELECT y.loan_id, sum(y.amount_minor) AS paid FROM loan_refund_payments y GROUP BY y.loan_id)
  SELECT l.corridor_code, l.currency,
         count(*) FILTER (WHERE l.status <> 'withdrawn')::int AS applications,
         count(*) FILTER (WHERE l.status IN ('approved', 'disbursed'))::int AS approved,
         count(*) FILTER (WHERE l.status = 'declined')::int AS declined,
         count(*) FILTER (WHERE l.status = 'disbursed')::int AS disbursed,
         coalesce(sum(l.amount_minor) FILTER (WHERE l.status = 'disbursed'), 0)::bigint AS disbursed_minor,
         coalesce(sum(s.scheduled), 0)::bigint AS scheduled_minor,
         coalesce(sum(r.repaid), 0)::bigint AS repaid_minor,
         coalesce(sum(s.scheduled), 0)::bigint - coalesce(sum(r.repaid), 0)::bigint AS balance_minor,
         coalesce(sum(r.refunds), 0)::bigint AS refunds_owed_minor,
         coalesce(sum(f.paid), 0)::bigint AS refunds_paid_minor,
         coalesce(sum(r.deferred), 0)::int AS months_deferred,
         coalesce(sum(r.flagged), 0)::int AS months_flagged
  FROM loans l LEFT JOIN s ON s.loan_id = l.id LEFT JOIN r ON r.loan_id = l.id LEFT JOIN f ON f.loan_id = l.id
  WHERE ${where}
  GROUP BY l.corridor_code, l.currency
  ORDER BY l.corridor_code, l.currency`;

/** The authorities' totals: the corridors their country is party to (the platform: all). No single loan is shown. */
export async function loanTotals(db: Kysely<DB>, actor: Actor, filter: { corridor?: string } = {}): Promise<Totals> {
  requireScope(actor, 'loans:totals');
  let where: RawBuilder<boolean>;
  if (isPlatform(actor)) where = sql<boolean>`TRUE`;
  else if ((actor.organisationKind === 'origin_authority' || actor.organisationKind === 'destination_authority') && actor.country)
    where = sql<boolean>`l.corridor_code IN (SELECT c.code FROM corridors c WHERE c.origin = ${actor.country} OR c.destination = ${actor.country})`;
  else throw forbidden('Only the authorities read the loan totals');
  if (filter.corridor) where = sql<boolean>`${where} AND l.corridor_code = ${filter.corridor}`;
  return { rows: (await totalsQuery(where).execute(db)).rows };
}

/** A lender's portfolio: the same figures over its own loans. */
export async function lenderPortfolio(db: Kysely<DB>, actor: Actor): Promise<Totals> {
  requireScope(actor, 'loans:lend');
  if (!isPlatform(actor) && (actor.organisationKind !== 'lender' || !actor.organisationId)) throw forbidden('Only a lender has a portfolio');
  const where = isPlatform(actor) ? sql<boolean>`TRUE` : sql<boolean>`l.lender_id = ${actor.organisationId!} AND l.status <> 'withdrawn'`;
  return { rows: (await totalsQuery(where).execute(db)).rows };
}

/** What a wage agent is to deduct in a month: the instalments due of the loans in its view. */
export async function dueDeductions(db: Kysely<DB>, actor: Actor, month: string) {
  requireScope(actor, 'loans:deduct');
  const { rows } = await sql<{ loan_id: string; employer_id: string; worker_id: string; person_id: string | null; seq: number; due_minor: number; currency: string }>`
    SELECT l.id AS loan_id, l.employer_id, l.worker_id, w.person_id, i.seq, i.amount_minor AS due_minor, l.currency
    FROM loan_instalments i JOIN loans l ON l.id = i.loan_id JOIN workers w ON w.id = l.worker_id
    WHERE i.due_month = ${month}::date AND l.status = 'disbursed' AND ${loansInView(actor)}
    ORDER BY l.employer_id, w.person_id`.execute(db);
  return rows;
}
