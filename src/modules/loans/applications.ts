import { type Kysely, sql } from 'kysely';
import { type Actor, isPlatform, requireScope } from '../../core/auth/actor.js';
import { AppError, conflict, type FieldProblem, forbidden, money, notFound } from '../../core/errors.js';
import { parseOrThrow } from '../../core/validation.js';
import type { DB } from '../../schema.js';
import { recordEvent } from '../audit/record-event.js';
import { today } from '../wages/reconcile/period.js';
import { instalmentCap, loanCapsInForce } from './caps.js';
import { ApplyRequest, DecisionRequest, DisburseRequest, type LoanQuote, QuoteRequest } from './loan.schema.js';
import { addMonths, largestInstalment, schedule } from './schedule.js';

export interface RegisteredContract {
  id: string;
  employer_id: string;
  worker_id: string;
  corridor_code: string;
  status: string;
  contract_no: string;
  employer_name: string;
  start_date: string;
  end_date: string;
  monthly_wage_minor: number;
  currency: string;
  occupation_isco: string | null;
  job_title: string | null;
}

/** The contract with its registered version's key terms. */
export async function findRegisteredContract(db: Kysely<DB>, contractId: string): Promise<RegisteredContract | undefined> {
  const { rows } = await sql<RegisteredContract>`
    SELECT c.id, c.employer_id, c.worker_id, c.corridor_code, c.status, c.contract_no, e.name AS employer_name, v.start_date, v.end_date,
           v.monthly_fixed_minor AS monthly_wage_minor, v.currency, v.terms->>'occupation_isco' AS occupation_isco, v.terms->>'job_title' AS job_title
    FROM contracts c
    JOIN contract_versions v ON v.employer_id = c.employer_id AND v.contract_id = c.id AND v.version = c.registered_version
    JOIN organisations e ON e.id = c.employer_id
    WHERE c.id = ${contractId}`.execute(db);
  return rows[0];
}

/** The first wage month an instalment is due in: the start month when the contract starts on its first day, else the next one. */
export const firstMonthOf = (startDate: string) => (startDate.endsWith('-01') ? startDate : addMonths(`${startDate.slice(0, 7)}-01`, 1));

/** What an application would be: checked against the product and the corridor caps (every problem named), with its schedule. */
async function checkApplication(db: Kysely<DB>, actor: Actor, req: QuoteRequest) {
  if (!actor.workerId) throw forbidden('Only a worker applies for a loan, for themselves');
  const contract = await findRegisteredContract(db, req.contract_id);
  if (!contract || contract.worker_id !== actor.workerId) throw notFound(`Contract ${req.contract_id}`);
  if (contract.status !== 'registered') throw conflict(`Contract ${contract.contract_no} is ${contract.status}: a pre-departure loan needs a registered contract before it starts`);
  const product = await db.selectFrom('loan_products').selectAll().where('id', '=', req.product_id).where('status', '=', 'active').executeTakeFirst();
  if (!product) throw new AppError('validation_failed', 'The loan application is not valid', [{ pointer: '/product_id', message: 'no active loan product with this id', code: 'loan.product_not_found' }]);
  const problems: FieldProblem[] = [];
  if (product.corridor_code !== contract.corridor_code) problems.push({ pointer: '/product_id', message: `the product is for corridor ${product.corridor_code}, the contract is in ${contract.corridor_code}`, code: 'loan.product_other_corridor', params: { product_corridor: product.corridor_code, contract_corridor: contract.corridor_code } });
  if (product.currency !== contract.currency) problems.push({ pointer: '/product_id', message: `the product lends in ${product.currency}, the wage is paid in ${contract.currency}`, code: 'loan.product_other_currency', params: { product_currency: product.currency, wage_currency: contract.currency } });
  if (req.amount_minor < product.min_amount_minor || req.amount_minor > product.max_amount_minor)
    problems.push({ pointer: '/amount_minor', message: `must be between ${product.min_amount_minor} and ${product.max_amount_minor} (the product's limits)`, code: 'loan.amount_outside_limits', params: { min: money(Number(product.min_amount_minor), product.currency), max: money(Number(product.max_amount_minor), product.currency) } });
  if (req.term_months < product.min_term_months || req.term_months > product.max_term_months)
    problems.push({ pointer: '/term_months', message: `must be between ${product.min_term_months} and ${product.max_term_months} months (the product's limits)`, code: 'loan.term_outside_limits', params: { min: product.min_term_months, max: product.max_term_months } });
  const caps = await loanCapsInForce(db, contract.corridor_code, today());
  if (!caps) throw conflict(`Corridor ${contract.corridor_code} has no rules in force`);
  if (product.annual_rate_bp > caps.max_annual_rate_bp)
    problems.push({ pointer: '/product_id', message: `the product's rate (${product.annual_rate_bp} bp) is above the corridor cap now in force (${caps.max_annual_rate_bp} bp)`, code: 'loan.rate_above_cap', params: { rate_percent: product.annual_rate_bp / 100, cap_percent: caps.max_annual_rate_bp / 100 } });
  const principal = req.amount_minor + product.fee_minor;
  const rows = schedule(principal, product.annual_rate_bp, req.term_months, firstMonthOf(contract.start_date));
  const instalment = largestInstalment(rows);
  const cap = instalmentCap(contract.monthly_wage_minor, caps.max_instalment_share_bp);
  // The cap holds for everything deducted from this wage: the instalments of the worker's other open loans on the contract count too.
  const other = await db
    .selectFrom('loans')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('instalment_minor'), eb.lit(0)).as('n'))
    .where('contract_id', '=', contract.id)
    .where('status', 'in', ['applied', 'approved', 'disbursed'])
    .executeTakeFirstOrThrow();
  const otherInstalments = Number(other.n);
  if (instalment + otherInstalments > cap)
    problems.push({
      pointer: '/amount_minor',
      message:
        `the monthly instalment would be ${instalment}${otherInstalments ? ` (plus ${otherInstalments} for your other loans on this contract)` : ''}, ` +
        `above ${caps.max_instalment_share_bp / 100}% of the wage (${cap}): borrow less or over more months`,
      code: 'loan.instalment_above_cap',
      params: { instalment: money(instalment + otherInstalments, product.currency), share_percent: caps.max_instalment_share_bp / 100, cap: money(cap, product.currency) },
    });
  return { contract, product, caps, principal, rows, instalment, cap, problems };
}

/**
 * What the worker would repay, before consenting: the same checks as the application (422 with
 * pointers), the schedule and its total cost. Nothing is stored and nothing is shown to the lender.
 */
export async function quoteLoan(db: Kysely<DB>, actor: Actor, input: unknown): Promise<LoanQuote> {
  requireScope(actor, 'loans:apply');
  if (!actor.workerId) throw forbidden('Only a worker applies for a loan, for themselves');
  const req = parseOrThrow(QuoteRequest, input, 'loan quote');
  const { contract, product, principal, rows, instalment, cap, problems } = await checkApplication(db, actor, req);
  if (problems.length) throw new AppError('validation_failed', 'The loan application is not valid', problems);
  const total = rows.reduce((a, r) => a + r.amount_minor, 0);
  return {
    product_id: product.id, contract_id: contract.id, currency: product.currency, amount_minor: req.amount_minor, fee_minor: product.fee_minor,
    principal_minor: principal, term_months: req.term_months, annual_rate_bp: product.annual_rate_bp, instalment_minor: instalment,
    max_instalment_minor: cap, total_minor: total, cost_minor: total - req.amount_minor, first_month: rows[0]?.due_month ?? firstMonthOf(contract.start_date),
    schedule: rows.map((r) => ({ seq: r.seq, due_month: r.due_month, principal_minor: r.principal_minor, interest_minor: r.interest_minor, amount_minor: r.amount_minor })),
  };
}

/**
 * A worker applies for a product against their own registered contract, consenting to the
 * lender seeing its key terms. Amount, term and the instalment's share of the wage are checked
 * against the product and the corridor caps; a refusal names every problem, nothing is stored.
 */
export async function applyForLoan(db: Kysely<DB>, actor: Actor, input: unknown): Promise<{ id: string }> {
  requireScope(actor, 'loans:apply');
  if (!actor.workerId) throw forbidden('Only a worker applies for a loan, for themselves');
  const req = parseOrThrow(ApplyRequest, input, 'loan application');
  const { contract, product, caps, principal, instalment, problems } = await checkApplication(db, actor, req);
  if (problems.length) throw new AppError('validation_failed', 'The loan application is not valid', problems);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('loans')
      .values({
        employer_id: contract.employer_id, product_id: product.id, lender_id: product.lender_id, worker_id: contract.worker_id, contract_id: contract.id,
        corridor_code: contract.corridor_code, currency: product.currency, amount_minor: req.amount_minor, fee_minor: product.fee_minor,
        principal_minor: principal, term_months: req.term_months, annual_rate_bp: product.annual_rate_bp, instalment_minor: instalment,
        monthly_wage_minor: contract.monthly_wage_minor, max_instalment_share_bp: caps.max_instalment_share_bp,
        first_month: firstMonthOf(contract.start_date), status: 'applied', consent_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, actor, {
      action: 'loans.applied', subjectType: 'loan', subjectId: id, organisationIds: [product.lender_id],
      details: { product_id: product.id, contract_id: contract.id, amount_minor: req.amount_minor, term_months: req.term_months, consent: 'key_terms' },
    });
    return { id };
  });
}

/** The worker withdraws the application (and the consent) before the lender decides; the lender no longer sees it. */
export async function withdrawApplication(db: Kysely<DB>, actor: Actor, loanId: string): Promise<void> {
  requireScope(actor, 'loans:apply');
  const loan = actor.workerId ? await db.selectFrom('loans').selectAll().where('id', '=', loanId).where('worker_id', '=', actor.workerId).executeTakeFirst() : undefined;
  if (!loan) throw notFound(`Loan ${loanId}`);
  if (loan.status !== 'applied') throw new AppError('invalid_transition', `The application is ${loan.status}: consent can be withdrawn only before the lender decides`);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('loans').set({ status: 'withdrawn', consent_withdrawn_at: new Date() }).where('id', '=', loanId).where('status', '=', 'applied').execute();
    await recordEvent(trx, actor, { action: 'loans.withdrawn', subjectType: 'loan', subjectId: loanId, organisationIds: [loan.lender_id] });
  });
}

/** The lender's own application, still consented to (else not found). */
async function lenderLoan(db: Kysely<DB>, actor: Actor, loanId: string) {
  requireScope(actor, 'loans:lend');
  let q = db.selectFrom('loans').selectAll().where('id', '=', loanId).where('status', '<>', 'withdrawn');
  if (!isPlatform(actor)) q = q.where('lender_id', '=', actor.organisationId ?? '00000000-0000-0000-0000-000000000000');
  const loan = await q.executeTakeFirst();
  if (!loan) throw notFound(`Loan ${loanId}`);
  return loan;
}

export async function decideLoan(db: Kysely<DB>, actor: Actor, loanId: string, input: unknown): Promise<void> {
  const req = parseOrThrow(DecisionRequest, input, 'decision');
  const loan = await lenderLoan(db, actor, loanId);
  if (loan.status !== 'applied') throw new AppError('invalid_transition', `The application is already ${loan.status}`);
  if (req.decision === 'decline' && !req.reason) throw new AppError('validation_failed', 'A decline needs a reason', [{ pointer: '/reason', message: 'required when declining: the worker is told why', code: 'loan.decline_reason_required' }]);
  await db.transaction().execute(async (trx) => {
    const status = req.decision === 'approve' ? 'approved' : 'declined';
    const done = await trx.updateTable('loans').set({ status, decided_at: new Date(), decision_reason: req.reason ?? null }).where('id', '=', loanId).where('status', '=', 'applied').executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('invalid_transition', 'The application changed meanwhile (withdrawn?)');
    await recordEvent(trx, actor, { action: `loans.${status}`, subjectType: 'loan', subjectId: loanId, details: { reason: req.reason ?? null } });
  });
}

/**
 * The lender records the disbursement: only while the contract is registered and before it
 * starts (pre-departure). The repayment schedule is written then.
 */
export async function disburseLoan(db: Kysely<DB>, actor: Actor, loanId: string, input: unknown): Promise<void> {
  const req = parseOrThrow(DisburseRequest, input ?? {}, 'disbursement');
  const loan = await lenderLoan(db, actor, loanId);
  if (loan.status !== 'approved') throw new AppError('invalid_transition', `The loan is ${loan.status}: only an approved loan is disbursed`);
  const on = req.disbursed_on ?? today();
  const contract = (await findRegisteredContract(db, loan.contract_id))!;
  if (contract.status !== 'registered') throw conflict(`Contract ${contract.contract_no} is ${contract.status}: disbursement needs it registered and not yet started`);
  if (on >= contract.start_date)
    throw new AppError('validation_failed', 'A pre-departure loan is disbursed before the contract starts', [{ pointer: '/disbursed_on', message: `must be before the contract start date ${contract.start_date}`, code: 'loan.disbursed_not_before_start', params: { start_date: contract.start_date } }]);
  if (on > today()) throw new AppError('validation_failed', 'A disbursement is recorded once made', [{ pointer: '/disbursed_on', message: 'must not be in the future', code: 'date.future_not_allowed' }]);
  const rows = schedule(loan.principal_minor, loan.annual_rate_bp, loan.term_months, loan.first_month);
  await db.transaction().execute(async (trx) => {
    const done = await trx.updateTable('loans').set({ status: 'disbursed', disbursed_on: on }).where('id', '=', loanId).where('status', '=', 'approved').executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('invalid_transition', 'The loan changed meanwhile');
    await trx
      .insertInto('loan_instalments')
      .values(rows.map((r) => ({ loan_id: loanId, seq: r.seq, due_month: r.due_month, principal_minor: r.principal_minor, interest_minor: r.interest_minor, amount_minor: r.amount_minor })))
      .execute();
    await recordEvent(trx, actor, {
      action: 'loans.disbursed', subjectType: 'loan', subjectId: loanId, organisationIds: [loan.employer_id],
      details: { disbursed_on: on, amount_minor: loan.amount_minor, instalments: rows.length },
    });
  });
}
