import { type Kysely, sql } from 'kysely';
import { type Actor, isPlatform, requireScope } from '../../core/auth/actor.js';
import { AppError, type FieldProblem, forbidden, money } from '../../core/errors.js';
import { parseOrThrow } from '../../core/validation.js';
import type { DB } from '../../schema.js';
import { recordEvent } from '../audit/record-event.js';
import { today } from '../wages/reconcile/period.js';
import { loanCapsInForce } from './caps.js';
import { PublishProductRequest, type Product } from './loan.schema.js';

const productColumns = sql<Product>`p.id, p.lender_id, o.name AS lender_name, p.corridor_code, p.name, p.currency, p.min_amount_minor, p.max_amount_minor,
  p.min_term_months, p.max_term_months, p.annual_rate_bp, p.fee_minor, p.status, to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at`;

/** A lender publishes a product in a corridor, within the corridor's loan caps in force today; refused whole with every problem named. */
export async function publishProduct(db: Kysely<DB>, actor: Actor, input: unknown): Promise<Product> {
  requireScope(actor, 'loans:lend');
  if (actor.organisationKind !== 'lender' || !actor.organisationId) throw forbidden('Only a lender publishes loan products');
  const req = parseOrThrow(PublishProductRequest, input, 'loan product');
  const problems: FieldProblem[] = [];
  if (req.max_amount_minor < req.min_amount_minor) problems.push({ pointer: '/max_amount_minor', message: `must not be below min_amount_minor (${req.min_amount_minor})`, code: 'loan_product.max_below_min_amount', params: { min: money(req.min_amount_minor, req.currency) } });
  if (req.max_term_months < req.min_term_months) problems.push({ pointer: '/max_term_months', message: `must not be below min_term_months (${req.min_term_months})`, code: 'loan_product.max_below_min_term', params: { min: req.min_term_months } });
  const caps = await loanCapsInForce(db, req.corridor, today());
  if (!caps) problems.push({ pointer: '/corridor', message: 'has no rules in force today', code: 'corridor.no_rules_in_force', params: { corridor: req.corridor } });
  else {
    if (req.currency !== caps.rules_currency) problems.push({ pointer: '/currency', message: `must be the corridor's wage currency ${caps.rules_currency}: instalments are deducted from wages`, code: 'loan_product.currency_not_wage', params: { currency: caps.rules_currency } });
    if (req.annual_rate_bp > caps.max_annual_rate_bp)
      problems.push({ pointer: '/annual_rate_bp', message: `exceeds the corridor cap of ${caps.max_annual_rate_bp} basis points a year${caps.stated ? '' : ' (the default cap: the rules state none)'}`, code: 'loan_product.rate_above_cap', params: { cap_percent: caps.max_annual_rate_bp / 100 } });
  }
  if (problems.length) throw new AppError('validation_failed', 'The loan product is not valid', problems);
  const lenderId = actor.organisationId;
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('loan_products')
      .values({
        lender_id: lenderId, corridor_code: req.corridor, name: req.name, currency: req.currency,
        min_amount_minor: req.min_amount_minor, max_amount_minor: req.max_amount_minor, min_term_months: req.min_term_months,
        max_term_months: req.max_term_months, annual_rate_bp: req.annual_rate_bp, fee_minor: req.fee_minor,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, actor, { action: 'loans.product.published', subjectType: 'loan_product', subjectId: id, details: { corridor: req.corridor, annual_rate_bp: req.annual_rate_bp } });
    return (await listProducts(trx, actor, { id }))[0]!;
  });
}

/** Active products (anyone who may read loans); a lender also sees its own withdrawn ones. */
export async function listProducts(db: Kysely<DB>, actor: Actor, filter: { corridor?: string; id?: string } = {}): Promise<Product[]> {
  requireScope(actor, 'loans:read');
  const own = actor.organisationKind === 'lender' && actor.organisationId ? actor.organisationId : null;
  const { rows } = await sql<Product>`
    SELECT ${productColumns} FROM loan_products p JOIN organisations o ON o.id = p.lender_id
    WHERE (p.status = 'active' ${own ? sql`OR p.lender_id = ${own}` : sql``} ${isPlatform(actor) ? sql`OR TRUE` : sql``})
      ${filter.corridor ? sql`AND p.corridor_code = ${filter.corridor}` : sql``}
      ${filter.id ? sql`AND p.id = ${filter.id}` : sql``}
    ORDER BY p.annual_rate_bp, p.created_at`.execute(db);
  return rows;
}
