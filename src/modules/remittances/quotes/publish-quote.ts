import { Decimal } from 'decimal.js';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../core/auth/actor.js';
import { forbidden, invalid, money, notFound, type FieldProblem, type ProblemParam } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import { recordEvent } from '../../audit/record-event.js';
import { forgetCurrentServices } from '../compare/current-services.js';
import { periodOf } from '../period.js';
import { rateOn } from '../rates.js';
import type { QuoteInput } from '../remittance.schema.js';
import { quoteView, QUOTE_VIEW_COLUMNS } from './quote-view.js';

/** How far a quoted amount may be from the corridor's price point: the local equivalent of USD 200 or 500 at the day's rate. */
export const PRICE_POINT_TOLERANCE = new Decimal('0.01');

/**
 * A provider publishes a quote for a service of its own, in a corridor it serves. Every
 * problem is named by its pointer before anything is stored; the costs are computed by the
 * database from fee, amount, offered and reference rate. A newer quote of the same service
 * supersedes the older, which stays as history.
 */
export async function publishQuote(db: Kysely<DB>, actor: Actor, input: QuoteInput) {
  if (actor.organisationKind !== 'remittance_provider' || !actor.organisationId) throw forbidden('Only a remittance provider publishes quotes');
  const providerId = actor.organisationId;
  const from = input.source_country;
  const to = input.destination_country;
  const observed = input.observed_at ? new Date(input.observed_at) : new Date();
  const day = observed.toISOString().slice(0, 10);
  const problems: FieldProblem[] = [];
  const problem = (pointer: string, message: string, expected: string, code: string, params?: Record<string, ProblemParam>) =>
    problems.push({ pointer, message, expected, code, ...(params ? { params } : {}) });

  const [corridor, serves, provider] = await Promise.all([
    db.selectFrom('remittance_corridors').selectAll().where('source_country', '=', from).where('destination_country', '=', to).executeTakeFirst(),
    db.selectFrom('remittance_provider_corridors').select('provider_id').where('provider_id', '=', providerId).where('source_country', '=', from).where('destination_country', '=', to).executeTakeFirst(),
    db.selectFrom('organisations').select('name').where('id', '=', providerId).executeTakeFirstOrThrow(),
  ]);
  if (!corridor) problem('/destination_country', `${from} to ${to} is not a corridor Corridor compares`, 'a corridor the operator opened', 'remittance.corridor_not_compared', { from, to });
  else if (!serves) problem('/destination_country', `your organisation does not serve ${from} to ${to}`, 'a corridor the operator recorded you as serving', 'remittance.corridor_not_served', { from, to });
  if (observed.getTime() > Date.now() + 5 * 60_000) problem('/observed_at', 'is in the future', 'the time the price was observed or published', 'date.future_not_allowed');

  const usds = input.price_points.map((p) => p.usd);
  if (!(usds.includes(200) && usds.includes(500))) problem('/price_points', `has ${usds.join(' and ')}`, 'one price point for USD 200 and one for USD 500', 'remittance.price_points_missing');
  if (input.transparent && input.price_points.some((p) => p.offered_rate === null))
    problem('/transparent', 'is true but an offered rate is missing', 'the offered rate of each price point, or transparent false', 'remittance.offered_rate_missing');

  let reference: string | undefined;
  if (corridor) {
    const send = corridor.send_currency;
    const usdRate = send === 'USD' ? '1' : await rateOn(db, 'USD', send, day);
    reference = await rateOn(db, send, corridor.receive_currency, day);
    if (!reference) problem('/observed_at', `no reference rate ${send} to ${corridor.receive_currency} is loaded for ${day}`, 'a day for which the operator loaded the interbank rate', 'remittance.reference_rate_missing', { from: send, to: corridor.receive_currency, date: day });
    const digits = (await db.selectFrom('currencies').select('minor_digits').where('code', '=', send).executeTakeFirstOrThrow()).minor_digits;
    input.price_points.forEach((p, i) => {
      for (const part of ['amount', 'fee'] as const)
        if (p[part].currency !== send) problem(`/price_points/${i}/${part}/currency`, `is ${p[part].currency}`, `${send}, the corridor's sending currency`, 'remittance.currency_not_sending', { currency: p[part].currency, expected: send });
      if (p.amount.minor === 0) problem(`/price_points/${i}/amount/minor`, 'is zero', 'the amount sent', 'remittance.amount_zero');
      if (!usdRate) {
        problem(`/price_points/${i}/amount`, `no USD to ${send} rate is loaded for ${day}`, 'a day for which the operator loaded the rate', 'remittance.usd_rate_missing', { currency: send, date: day });
        return;
      }
      const expected = pricePointMinor(p.usd, usdRate, digits);
      const off = new Decimal(p.amount.minor).minus(expected).abs();
      if (off.gt(expected.mul(PRICE_POINT_TOLERANCE)))
        problem(`/price_points/${i}/amount/minor`, `${p.amount.minor} is not the USD ${p.usd} price point`, `${expected.toFixed(0)} minor units of ${send} (USD ${p.usd} at ${usdRate}), within 1%`, 'remittance.price_point_off', { usd: p.usd, expected: money(Number(expected.toFixed(0)), send) });
    });
  }
  if (problems.length) throw invalid('The quote is not valid', problems);

  const p200 = input.price_points.find((p) => p.usd === 200)!;
  const p500 = input.price_points.find((p) => p.usd === 500)!;
  const serviceKey = ['provider', providerId, input.product ?? '', input.payment_instrument, input.access_point, input.pickup_method]
    .map((s) => s.toLowerCase()).join('|');
  const stored = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('remittance_quotes')
      .values({
        service_key: serviceKey, source: input.source, provider_id: providerId, period: periodOf(observed), source_country: from, destination_country: to,
        firm: provider.name, firm_type: input.firm_type ?? null, product: input.product ?? null, payment_instrument: input.payment_instrument,
        access_point: input.access_point, pickup_method: input.pickup_method, speed: input.speed, transparent: input.transparent,
        inaccessible: input.inaccessible, send_currency: corridor!.send_currency, receive_currency: corridor!.receive_currency,
        amount_200_minor: p200.amount.minor, fee_200_minor: p200.fee.minor, rate_200: p200.offered_rate,
        amount_500_minor: p500.amount.minor, fee_500_minor: p500.fee.minor, rate_500: p500.offered_rate,
        reference_rate: reference!, observed_at: observed,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, actor, { action: 'remittances.quote.published', subjectType: 'remittance_quote', subjectId: String(row.id), details: { from, to, service_key: serviceKey } });
    return trx.selectFrom('remittance_quote_costs').select(QUOTE_VIEW_COLUMNS).where('id', '=', row.id).executeTakeFirstOrThrow();
  });
  forgetCurrentServices();
  return quoteView(stored);
}

/** The local equivalent of a USD price point, in minor units, rounded half up. */
function pricePointMinor(usd: number, usdRate: string, digits: number): Decimal {
  return new Decimal(usd).mul(usdRate).mul(new Decimal(10).pow(digits)).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
}

/** Today's price points of a corridor, for a provider's form. */
export async function pricePoints(db: Kysely<DB>, from: string, to: string) {
  const corridor = await db
    .selectFrom('remittance_corridors as c')
    .innerJoin('currencies as s', 's.code', 'c.send_currency')
    .select(['c.send_currency', 's.minor_digits'])
    .where('c.source_country', '=', from)
    .where('c.destination_country', '=', to)
    .executeTakeFirst();
  if (!corridor) throw notFound(`Remittance corridor ${from} to ${to}`);
  const day = new Date().toISOString().slice(0, 10);
  const rate = corridor.send_currency === 'USD' ? '1' : await rateOn(db, 'USD', corridor.send_currency, day);
  const at = (usd: number) => (rate ? pricePointMinor(usd, rate, corridor.minor_digits).toNumber() : null);
  return { currency: corridor.send_currency, usd_rate: rate ?? null, usd_200_minor: at(200), usd_500_minor: at(500) };
}
