/**
 * Refunds paid back to the worker (docs/loans.md "Refunds"). The month's match records what is
 * owed (deducted above the cap, or from a wage not paid in full); the lender records each payment
 * of it — amount, day, its reference — and the worker, the lender and the authorities see owed
 * against paid. Checked whole (422 with pointers, nothing stored); another lender's loan is 404.
 */
import { type Kysely, sql } from 'kysely';
import { type Actor, isPlatform, requireScope } from '../../core/auth/actor.js';
import { AppError, type FieldProblem, money, notFound } from '../../core/errors.js';
import { parseOrThrow } from '../../core/validation.js';
import type { DB } from '../../schema.js';
import { recordEvent } from '../audit/record-event.js';
import { today } from '../wages/reconcile/period.js';
import { type RefundPayment, RefundPaymentRequest } from './loan.schema.js';

export async function recordRefundPayment(db: Kysely<DB>, actor: Actor, loanId: string, input: unknown): Promise<RefundPayment> {
  requireScope(actor, 'loans:lend');
  if (!/^[0-9a-f-]{36}$/i.test(loanId)) throw notFound(`Loan ${loanId}`);
  const req = parseOrThrow(RefundPaymentRequest, input, 'refund payment');
  return db.transaction().execute(async (trx) => {
    // The loan row is locked, so two payments recorded at once cannot together pay more than is owed.
    const { rows } = await sql<{ id: string; lender_id: string; worker_id: string; currency: string; disbursed_on: string | null; owed: number; paid: number }>`
      SELECT l.id, l.lender_id, l.worker_id, l.currency, l.disbursed_on,
             coalesce((SELECT sum(x.refund_minor) FROM loan_repayments x WHERE x.loan_id = l.id), 0)::bigint AS owed,
             coalesce((SELECT sum(y.amount_minor) FROM loan_refund_payments y WHERE y.loan_id = l.id), 0)::bigint AS paid
      FROM loans l
      WHERE l.id = ${loanId} AND l.status <> 'withdrawn' ${isPlatform(actor) ? sql`` : sql`AND l.lender_id = ${actor.organisationId ?? '00000000-0000-0000-0000-000000000000'}`}
      FOR UPDATE OF l`.execute(trx);
    const loan = rows[0];
    if (!loan) throw notFound(`Loan ${loanId}`);
    const problems: FieldProblem[] = [];
    const outstanding = loan.owed - loan.paid;
    if (req.currency !== loan.currency) problems.push({ pointer: '/currency', message: `must be the loan's currency ${loan.currency}`, code: 'refund.currency_not_loan', params: { currency: loan.currency } });
    if (outstanding <= 0) problems.push({ pointer: '/amount_minor', message: loan.owed ? 'every refund owed on this loan is already paid' : 'no refund is owed on this loan', code: loan.owed ? 'refund.all_paid' : 'refund.none_owed' });
    else if (req.amount_minor > outstanding) problems.push({ pointer: '/amount_minor', message: `must be at most ${outstanding}, the refund still owed to the worker`, code: 'refund.above_owed', params: { owed: money(Number(outstanding), loan.currency) } });
    if (req.paid_on > today()) problems.push({ pointer: '/paid_on', message: 'must not be in the future: record a refund once paid', code: 'date.future_not_allowed' });
    else if (loan.disbursed_on && req.paid_on < loan.disbursed_on) problems.push({ pointer: '/paid_on', message: `must not be before the disbursement (${loan.disbursed_on})`, code: 'refund.paid_before_disbursement', params: { disbursed_on: String(loan.disbursed_on) } });
    if (problems.length) throw new AppError('validation_failed', 'The refund payment is not valid', problems);
    const payment = await trx
      .insertInto('loan_refund_payments')
      .values({ loan_id: loan.id, lender_id: loan.lender_id, currency: loan.currency, amount_minor: req.amount_minor, paid_on: req.paid_on, reference: req.reference, recorded_by_user_id: actor.userId ?? null })
      .returning(['id', 'loan_id', 'currency', 'amount_minor', 'paid_on', 'reference', sql<string>`to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`.as('recorded_at')])
      .executeTakeFirstOrThrow();
    await recordEvent(trx, actor, {
      action: 'loans.refund_paid', subjectType: 'loan', subjectId: loan.id, organisationIds: [loan.lender_id],
      details: { amount_minor: req.amount_minor, currency: loan.currency, paid_on: req.paid_on, reference: req.reference, still_owed_minor: outstanding - req.amount_minor },
    });
    return payment;
  });
}
