import { Decimal } from 'decimal.js';
import { type Kysely, sql } from 'kysely';
import { type Actor, isPlatform, requireScope } from '../../core/auth/actor.js';
import { type FieldProblem, conflict, forbidden, invalid, notFound } from '../../core/errors.js';
import { parseOrThrow } from '../../core/validation.js';
import type { DB } from '../../schema.js';
import { recordEvent } from '../audit/record-event.js';
import { findRulesInForce, today } from '../corridors/read-corridors.js';
import type { ContractTerms } from '../contracts/terms.schema.js';
import { type Breach, BreachDecisionRequest, CostDeclarationRequest, type CostSummary } from './recruitment.schema.js';

const NONE = '00000000-0000-0000-0000-000000000000';
const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** A contract with what the costs need: its terms in force, its job order and the jointly liable parties. */
interface CostContract {
  id: string;
  contract_no: string;
  employer_id: string;
  worker_id: string;
  corridor_code: string;
  origin_country: string;
  job_order_id: string | null;
  currency: string;
  monthly_fixed_minor: number;
  origin_agency_id: string | null;
  destination_liable_id: string;
}

async function loadContract(db: Kysely<DB>, id: string): Promise<CostContract | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await db.selectFrom('contracts as c')
    .innerJoin('contract_versions as v', (j) => j.onRef('v.employer_id', '=', 'c.employer_id').onRef('v.contract_id', '=', 'c.id')
      .on((eb) => eb('v.version', '=', eb.fn.coalesce('c.registered_version', 'c.current_version'))))
    .leftJoin('job_orders as j', 'j.id', 'c.job_order_id')
    .select(['c.id', 'c.contract_no', 'c.employer_id', 'c.worker_id', 'c.corridor_code', 'c.origin_country', 'c.job_order_id', 'v.currency', 'v.monthly_fixed_minor', 'v.terms',
      'j.origin_agency_id', 'j.destination_liable_id'])
    .where('c.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const terms = row.terms as ContractTerms;
  return {
    id: row.id, contract_no: row.contract_no, employer_id: row.employer_id, worker_id: row.worker_id, corridor_code: row.corridor_code, origin_country: row.origin_country,
    job_order_id: row.job_order_id, currency: row.currency, monthly_fixed_minor: Number(row.monthly_fixed_minor),
    origin_agency_id: row.origin_agency_id ?? terms.recruitment_agency_id ?? null,
    destination_liable_id: row.destination_liable_id ?? row.employer_id,
  };
}

/**
 * Who sees a contract's recruitment costs: the worker, the origin agency, the jointly liable
 * destination party and the employer, the origin authority, the platform. Anyone else: 404.
 */
function seesCosts(actor: Actor, c: CostContract): boolean {
  if (isPlatform(actor)) return true;
  if (actor.workerId) return actor.workerId === c.worker_id;
  const org = actor.organisationId;
  if (org && (org === c.origin_agency_id || org === c.destination_liable_id || org === c.employer_id)) return true;
  return actor.organisationKind === 'origin_authority' && actor.country === c.origin_country;
}

/** An amount in another currency, converted with the stated rate (wage units per unit) to wage minor units, half-even. */
export function toWageMinor(amountMinor: number, fromDigits: number, rate: string, wageDigits: number): number {
  return new Decimal(amountMinor).div(new Decimal(10).pow(fromDigits)).mul(rate).mul(new Decimal(10).pow(wageDigits))
    .toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).toNumber();
}

/**
 * The worker-paid costs of a contract, by ILO category, declared by the origin agency or by
 * the worker from their own account (each side separately; the latest of each side counts).
 * Items may be in any ISO 4217 currency; one other than the wage currency needs the rate
 * (decision 0011). Validated whole: any problem is a 422 naming the item, and nothing is
 * stored. A total above the corridor cap is a breach raised against both jointly liable parties.
 */
export async function declareCosts(db: Kysely<DB>, actor: Actor, input: unknown): Promise<CostSummary> {
  requireScope(actor, 'recruitment:costs');
  const req = parseOrThrow(CostDeclarationRequest, input, 'cost declaration');
  const contract = await loadContract(db, req.contract_id);
  let side: 'agency' | 'worker';
  if (actor.role === 'worker') {
    if (!contract || contract.worker_id !== actor.workerId) throw notFound(`Contract ${req.contract_id}`);
    side = 'worker';
  } else if (actor.organisationKind === 'recruitment_agency') {
    if (!contract || contract.origin_agency_id !== actor.organisationId) throw notFound(`Contract ${req.contract_id}`);
    side = 'agency';
  } else throw forbidden('Costs are declared by the origin agency and by the worker');

  const codes = [...new Set([contract.currency, ...req.items.map((i) => i.currency)])];
  const currencies = new Map((await db.selectFrom('currencies').select(['code', 'minor_digits']).where('code', 'in', codes).execute()).map((c) => [c.code, c.minor_digits]));
  const problems: FieldProblem[] = [];
  req.items.forEach((item, i) => {
    if (!currencies.has(item.currency)) problems.push({ pointer: `/items/${i}/currency`, message: 'not an ISO 4217 currency', code: 'reference.currency_unknown', params: { value: item.currency } });
    else if (item.currency !== contract.currency) {
      if (!item.rate_to_wage_currency)
        problems.push({ pointer: `/items/${i}/rate_to_wage_currency`, message: `required: the amount is not in the wage currency ${contract.currency}`, expected: `${contract.currency} per ${item.currency}`, code: 'recruitment.rate_required', params: { wage_currency: contract.currency, currency: item.currency } });
      else if (new Decimal(item.rate_to_wage_currency).lte(0)) problems.push({ pointer: `/items/${i}/rate_to_wage_currency`, message: 'must be above 0', code: 'recruitment.rate_not_positive' });
    }
  });
  if (problems.length) throw invalid('The cost declaration is not valid', problems);
  const wageDigits = currencies.get(contract.currency)!;
  const items = req.items.map((item) => ({
    ...item,
    amount_wage_minor: item.currency === contract.currency ? item.amount_minor
      : toWageMinor(item.amount_minor, currencies.get(item.currency)!, item.rate_to_wage_currency!, wageDigits),
  }));
  const total = items.reduce((sum, i) => sum + i.amount_wage_minor, 0);
  const inForce = await findRulesInForce(db, contract.corridor_code, today());
  if (!inForce) throw conflict(`Corridor ${contract.corridor_code} has no rules in force`, { corridor: contract.corridor_code });
  const cap = inForce.rules.worker_fee_cap_minor;

  await db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('recruitment_cost_declarations').values({
      contract_id: contract.id, employer_id: contract.employer_id, worker_id: contract.worker_id, job_order_id: contract.job_order_id, side,
      declared_by_organisation_id: side === 'agency' ? actor.organisationId! : null, declared_by_user_id: actor.userId ?? null,
      wage_currency: contract.currency, total_wage_minor: total, items: JSON.stringify(items),
    }).returning('id').executeTakeFirstOrThrow();
    const parties = [contract.origin_agency_id, contract.destination_liable_id, contract.employer_id];
    await recordEvent(trx, actor, {
      action: 'recruitment.costs.declared', subjectType: 'contract', subjectId: contract.id,
      organisationIds: parties, countries: [contract.origin_country], details: { declaration_id: row.id, side, total_minor: total, currency: contract.currency },
    });
    if (total > cap) {
      await trx.insertInto('recruitment_breaches').values({
        code: 'worker_paid_above_cap', contract_id: contract.id, employer_id: contract.employer_id, worker_id: contract.worker_id,
        job_order_id: contract.job_order_id, origin_agency_id: contract.origin_agency_id, destination_liable_id: contract.destination_liable_id,
        origin_country: contract.origin_country, side, cap_minor: cap, paid_minor: total, currency: contract.currency,
      }).onConflict((oc) => oc.columns(['contract_id', 'code', 'side']).doUpdateSet({ paid_minor: total, cap_minor: cap })).execute();
      await recordEvent(trx, actor, {
        action: 'recruitment.breach.raised', subjectType: 'contract', subjectId: contract.id,
        organisationIds: parties, countries: [contract.origin_country], details: { code: 'worker_paid_above_cap', side, cap_minor: cap, paid_minor: total },
      });
    }
  });
  return costSummary(db, actor, contract.id);
}

const breachView = (b: { id: string; code: string; contract_id: string; worker_id: string; job_order_id: string | null; origin_agency_id: string | null; destination_liable_id: string; side: string; cap_minor: number; paid_minor: number; currency: string; status: 'open' | 'upheld' | 'dismissed'; decision_reason: string | null; raised_at: Date }): Breach => ({
  id: b.id, code: b.code, contract_id: b.contract_id, worker_id: b.worker_id, job_order_id: b.job_order_id, origin_agency_id: b.origin_agency_id,
  destination_liable_id: b.destination_liable_id, side: b.side, cap_minor: Number(b.cap_minor), paid_minor: Number(b.paid_minor), currency: b.currency,
  status: b.status, decision_reason: b.decision_reason, raised_at: b.raised_at.toISOString(),
});

/** The first month's earnings (SDG 10.7.1): paid in the first reconciled month with pay, else the contract's monthly wage. */
export async function firstMonthEarnings(db: Kysely<DB>, c: Pick<CostContract, 'id' | 'employer_id' | 'monthly_fixed_minor'>): Promise<{ minor: number; source: 'wages' | 'contract'; month: string | null }> {
  const paid = await db.selectFrom('wage_results').select(['month', 'paid_minor']).where('employer_id', '=', c.employer_id).where('contract_id', '=', c.id)
    .where('paid_minor', '>', 0).orderBy('month').limit(1).executeTakeFirst();
  return paid ? { minor: Number(paid.paid_minor), source: 'wages', month: (paid.month as unknown) instanceof Date ? (paid.month as unknown as Date).toISOString().slice(0, 7) : String(paid.month).slice(0, 7) } : { minor: c.monthly_fixed_minor, source: 'contract', month: null };
}

export async function costSummary(db: Kysely<DB>, actor: Actor, contractId: string): Promise<CostSummary> {
  requireScope(actor, 'recruitment:read');
  const contract = await loadContract(db, contractId);
  if (!contract || !seesCosts(actor, contract)) throw notFound(`Contract ${contractId}`);
  const latest = async (side: 'agency' | 'worker') => {
    const d = await db.selectFrom('recruitment_cost_declarations').selectAll().where('contract_id', '=', contract.id).where('side', '=', side)
      .orderBy('created_at', 'desc').limit(1).executeTakeFirst();
    return d ? { id: d.id, contract_id: d.contract_id, worker_id: d.worker_id, side: d.side, wage_currency: d.wage_currency, total_wage_minor: Number(d.total_wage_minor), items: d.items as Record<string, unknown>[], created_at: d.created_at.toISOString() } : null;
  };
  const [agency, worker] = [await latest('agency'), await latest('worker')];
  const inForce = await findRulesInForce(db, contract.corridor_code, today());
  const breaches = await db.selectFrom('recruitment_breaches').selectAll().where('contract_id', '=', contract.id).orderBy('raised_at').execute();
  const basis = worker ?? agency;
  let sdg: CostSummary['sdg_10_7_1'] = null;
  if (basis) {
    const earnings = await firstMonthEarnings(db, contract);
    if (earnings.minor > 0)
      sdg = {
        worker_paid_minor: basis.total_wage_minor, currency: contract.currency, source_side: basis.side,
        first_month_earnings_minor: earnings.minor, earnings_source: earnings.source, earnings_month: earnings.month,
        ratio: new Decimal(basis.total_wage_minor).div(earnings.minor).toFixed(2),
      };
  }
  return {
    contract_id: contract.id, contract_no: contract.contract_no, worker_id: contract.worker_id, origin_agency_id: contract.origin_agency_id, agency, worker,
    difference_minor: agency && worker ? worker.total_wage_minor - agency.total_wage_minor : null,
    cap_minor: inForce?.rules.worker_fee_cap_minor ?? 0, sdg_10_7_1: sdg, breaches: breaches.map(breachView),
  };
}

/** Contracts with declared costs that the actor may see (newest declarations first), each summarised. */
export async function listCosts(db: Kysely<DB>, actor: Actor): Promise<CostSummary[]> {
  requireScope(actor, 'recruitment:read');
  let q = db.selectFrom('recruitment_cost_declarations as d').innerJoin('contracts as c', 'c.id', 'd.contract_id').leftJoin('job_orders as j', 'j.id', 'c.job_order_id')
    .select('d.contract_id').select((eb) => eb.fn.max('d.created_at').as('last')).groupBy('d.contract_id').orderBy('last', 'desc').limit(100);
  if (!isPlatform(actor)) {
    if (actor.workerId) q = q.where('d.worker_id', '=', actor.workerId);
    else if (actor.organisationKind === 'origin_authority') q = q.where('c.origin_country', '=', actor.country ?? '');
    else {
      const org = actor.organisationId ?? NONE;
      q = q.where((eb) => eb.or([eb('c.employer_id', '=', org), eb('j.origin_agency_id', '=', org), eb('j.destination_liable_id', '=', org), eb('d.declared_by_organisation_id', '=', org)]));
    }
  }
  const ids = await q.execute();
  return Promise.all(ids.map((r) => costSummary(db, actor, r.contract_id)));
}

/** Where the worker's own declaration and the agency's differ: flagged to the origin authority. */
export async function costDifferences(db: Kysely<DB>, actor: Actor) {
  requireScope(actor, 'recruitment:verify');
  const { rows } = await sql<{ contract_id: string; worker_id: string; origin_agency_id: string | null; currency: string; agency_total_minor: string | null; worker_total_minor: string | null }>`
    WITH latest AS (
      SELECT DISTINCT ON (d.contract_id, d.side) d.contract_id, d.worker_id, d.side, d.total_wage_minor, d.wage_currency, d.declared_by_organisation_id
      FROM recruitment_cost_declarations d ORDER BY d.contract_id, d.side, d.created_at DESC
    )
    SELECT a.contract_id, a.worker_id, a.declared_by_organisation_id AS origin_agency_id, a.wage_currency AS currency,
      a.total_wage_minor AS agency_total_minor, w.total_wage_minor AS worker_total_minor
    FROM latest a JOIN latest w ON w.contract_id = a.contract_id AND w.side = 'worker'
    JOIN contracts c ON c.id = a.contract_id
    WHERE a.side = 'agency' AND a.total_wage_minor <> w.total_wage_minor
      ${isPlatform(actor) ? sql`` : sql`AND c.origin_country = ${actor.country ?? ''}`}
    ORDER BY a.contract_id`.execute(db);
  return rows.map((r) => ({
    ...r, agency_total_minor: Number(r.agency_total_minor), worker_total_minor: Number(r.worker_total_minor),
    difference_minor: Number(r.worker_total_minor) - Number(r.agency_total_minor),
  }));
}

/** Breaches raised against both jointly liable parties: visible to each of them, the employer, the origin authority. */
export async function listBreaches(db: Kysely<DB>, actor: Actor): Promise<Breach[]> {
  requireScope(actor, 'recruitment:read');
  let q = db.selectFrom('recruitment_breaches').selectAll().orderBy('raised_at', 'desc').limit(500);
  if (!isPlatform(actor)) {
    if (actor.workerId) q = q.where('worker_id', '=', actor.workerId);
    else if (actor.organisationKind === 'origin_authority') q = q.where('origin_country', '=', actor.country ?? '');
    else {
      const org = actor.organisationId ?? NONE;
      q = q.where((eb) => eb.or([eb('origin_agency_id', '=', org), eb('destination_liable_id', '=', org), eb('employer_id', '=', org)]));
    }
  }
  return (await q.execute()).map(breachView);
}

/** The origin authority upholds or dismisses a breach; upheld ones appear on the agency's public profile. */
export async function decideBreach(db: Kysely<DB>, actor: Actor, id: string, input: unknown): Promise<Breach> {
  requireScope(actor, 'recruitment:verify');
  const req = parseOrThrow(BreachDecisionRequest, input, 'decision');
  if (!isUuid(id)) throw notFound(`Breach ${id}`);
  return db.transaction().execute(async (trx) => {
    const b = await trx.selectFrom('recruitment_breaches').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!b || !(isPlatform(actor) || (actor.organisationKind === 'origin_authority' && actor.country === b.origin_country))) throw notFound(`Breach ${id}`);
    if (b.status !== 'open') throw conflict(`The breach was already ${b.status}`, { reason: `breach_${b.status}` });
    const row = await trx.updateTable('recruitment_breaches').set({ status: req.outcome, decision_reason: req.reason, decided_by_organisation_id: actor.organisationId ?? null, decided_at: new Date() })
      .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await recordEvent(trx, actor, {
      action: `recruitment.breach.${req.outcome}`, subjectType: 'recruitment_breach', subjectId: id,
      organisationIds: [b.origin_agency_id, b.destination_liable_id, b.employer_id], countries: [b.origin_country], details: { reason: req.reason },
    });
    return breachView(row);
  });
}
