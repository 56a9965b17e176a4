import { z } from 'zod';
import type { App, AppContext } from '../../http/types.js';
import { compareJson } from './compare/compare.js';
import { corridorAverages } from './figures/averages.js';
import { corridorHistory } from './figures/corridor-history.js';
import { periodFigures } from './figures/sdg.js';
import { Period } from './period.js';
import { providerQuotes } from './quotes/provider-quotes.js';
import { pricePoints, publishQuote } from './quotes/publish-quote.js';
import { QuoteView } from './quotes/quote-view.js';
import { loadRates } from './rates.js';
import { CompareQuery, CorridorPair, CorridorSettingsInput, CountryCode, PeriodQuery, QuoteInput, RateInput } from './remittance.schema.js';
import { addProviderCorridor, listCorridors, putCorridor } from './settings.js';

const tags = ['remittances'];
const Pct = z.number().nullable();
const CorridorView = z.object({ from: z.string(), to: z.string(), send_currency: z.string(), receive_currency: z.string(), stale_after_days: z.number() });
const CorridorAverage = z.object({
  period: z.string(), source_code: z.string(), destination_code: z.string(), avg_total_cost_pct_200: Pct, avg_total_cost_pct_500: Pct,
  services: z.number().int(), smart_pct: Pct, gap_to_3_pct: Pct, smart_gap_to_5_pct: Pct,
});
const Ranked = z.object({
  rank: z.number().int(), quote_id: z.number().int(), firm: z.string(), firm_type: z.string().nullable(), product: z.string().nullable(),
  payment_instrument: z.string().nullable(), access_point: z.string().nullable(), pickup_method: z.string().nullable(), speed: z.string().nullable(),
  price_point_usd: z.number().int(), you_pay_minor: z.number().int(), fee_minor: z.number().int(), family_receives_minor: z.number().int(),
  offered_rate: z.string(), fx_margin_pct: z.number(), total_cost_pct: z.number(), observed_at: z.string().nullable(), age_days: z.number().int().nullable(), source: z.string(),
});
const Comparison = z.object({
  from: z.string(), to: z.string(), send_currency: z.string(), receive_currency: z.string(),
  amount: z.object({ minor: z.number().int(), currency: z.string() }), mode: z.enum(['send', 'receive']),
  stale_after_days: z.number().int(), stale_services: z.number().int(), pickup_methods: z.array(z.string()),
  services: z.array(Ranked),
  left_out: z.array(z.object({ firm: z.string(), product: z.string().nullable(), pickup_method: z.string().nullable(), reason: z.enum(['not_comparable', 'amount_below_fee', 'filtered']) })),
  prices_as_of: z.string(),
});

export async function remittanceRoutes(app: App, ctx: AppContext): Promise<void> {
  const db = () => ctx.database.db;

  app.get(
    '/api/v1/remittances/compare',
    {
      config: { public: true },
      schema: {
        tags,
        summary: "Compare services for the worker's amount (in either currency): ranked by what the family receives, never by fee alone",
        querystring: CompareQuery,
        response: { 200: Comparison },
      },
    },
    // Sent as prepared JSON (the schema above documents it; compare.test and routes.test check it).
    async (request, reply) => reply.type('application/json; charset=utf-8').send((await compareJson(db(), request.query)) as never),
  );

  app.get(
    '/api/v1/remittances/corridors',
    {
      config: { public: true },
      schema: { tags, summary: 'Corridors whose prices are compared', response: { 200: z.object({ corridors: z.array(CorridorView.extend({ from_alpha2: z.string(), to_alpha2: z.string() })) }) } },
    },
    async () => ({ corridors: await listCorridors(db()) }),
  );

  app.put(
    '/api/v1/remittances/corridors/:from/:to',
    {
      config: { scope: 'remittances:manage' },
      schema: { tags, summary: 'Open a corridor for comparison or change its settings (operator)', params: CorridorPair, body: CorridorSettingsInput, response: { 200: CorridorView } },
    },
    async (request) => putCorridor(db(), request.actor, request.params.from, request.params.to, request.body),
  );

  app.post(
    '/api/v1/remittances/corridors/:from/:to/providers',
    {
      config: { scope: 'remittances:manage' },
      schema: {
        tags,
        summary: 'Record that a remittance provider serves the corridor (operator)',
        params: CorridorPair,
        body: z.object({ provider_id: z.uuid() }).strict(),
        response: { 201: z.object({ provider_id: z.string(), from: z.string(), to: z.string() }) },
      },
    },
    async (request, reply) => reply.code(201).send(await addProviderCorridor(db(), request.actor, request.body.provider_id, request.params.from, request.params.to)),
  );

  app.get(
    '/api/v1/remittances/corridors/:from/:to/history',
    {
      config: { public: true },
      schema: {
        tags,
        summary: "The corridor's average and SmaRT by period, beside the World Bank's published averages, with the 3% and 5% lines",
        params: CorridorPair,
        response: {
          200: z.object({
            source_country: z.string(), destination_country: z.string(), sdg_target_pct: z.number(), corridor_ceiling_pct: z.number(),
            points: z.array(z.object({ period: z.string(), avg_total_cost_pct_200: Pct, smart_pct: Pct, services: z.number().nullable(), world_bank_pct: Pct, derived_mean_pct: Pct })),
          }),
        },
      },
    },
    async (request) => corridorHistory(db(), request.params.from, request.params.to),
  );

  app.get(
    '/api/v1/remittances/corridors/:from/:to/price-points',
    {
      config: { public: true },
      schema: {
        tags,
        summary: "The corridor's two price points today: the local equivalents of USD 200 and USD 500 at the loaded rate",
        params: CorridorPair,
        response: { 200: z.object({ currency: z.string(), usd_rate: z.string().nullable(), usd_200_minor: z.number().int().nullable(), usd_500_minor: z.number().int().nullable() }) },
      },
    },
    async (request) => pricePoints(db(), request.params.from, request.params.to),
  );

  app.post(
    '/api/v1/remittances/reference-rates',
    {
      config: { scope: 'remittances:manage' },
      schema: {
        tags,
        summary: 'Load interbank reference rates (operator): all or none',
        body: z.object({ rates: z.array(RateInput).min(1).max(10_000) }).strict(),
        response: { 201: z.object({ loaded: z.number().int() }) },
      },
    },
    async (request, reply) => reply.code(201).send(await loadRates(db(), request.actor, request.body.rates)),
  );

  app.post(
    '/api/v1/remittances/quotes',
    {
      config: { scope: 'remittances:quote' },
      schema: { tags, summary: 'Publish a quote for one of your services (remittance providers)', body: QuoteInput, response: { 201: QuoteView } },
    },
    async (request, reply) => reply.code(201).send(await publishQuote(db(), request.actor, request.body)),
  );

  app.get(
    '/api/v1/remittances/my-quotes',
    {
      config: { scope: 'remittances:quote' },
      schema: {
        tags,
        summary: 'Your services, how they rank in each corridor you serve, and your quotes as history',
        response: {
          200: z.object({
            corridors: z.array(z.object({
              from: z.string(), to: z.string(), services_compared: z.number().int(), stale_after_days: z.number().int(),
              own: z.array(z.object({
                quote_id: z.number().int(), product: z.string().nullable(), payment_instrument: z.string().nullable(), access_point: z.string().nullable(),
                pickup_method: z.string().nullable(), speed: z.string().nullable(), observed_at: z.string().nullable(),
                total_cost_pct_200: Pct, total_cost_pct_500: Pct, rank_200: z.number().int().nullable(),
              })),
            })),
            history: z.array(QuoteView),
          }),
        },
      },
    },
    async (request) => providerQuotes(db(), request.actor),
  );

  app.get(
    '/api/v1/remittances/averages',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Per corridor and period: average total cost at USD 200 and 500, SmaRT, services, gaps to 3% and 5% (PRODUCT.md 5.5)',
        querystring: PeriodQuery.extend({ from: CountryCode.optional(), to: CountryCode.optional() }),
        response: { 200: z.object({ averages: z.array(CorridorAverage) }) },
      },
    },
    async (request) => {
      const rows = await corridorAverages(db(), { period: request.query.period, source: request.query.from, destination: request.query.to });
      return {
        averages: rows.map((r) => ({
          ...r,
          gap_to_3_pct: r.avg_total_cost_pct_200 === null ? null : r.avg_total_cost_pct_200 - 3,
          smart_gap_to_5_pct: r.smart_pct === null ? null : r.smart_pct - 5,
        })),
      };
    },
  );

  app.get(
    '/api/v1/remittances/sdg',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'SDG 10.c.1: the global average total cost of sending USD 200, and the regional averages, per period',
        querystring: z.object({ period: Period.optional() }),
        response: {
          200: z.object({
            periods: z.array(z.object({
              period: z.string(), global_avg_total_cost_pct_200: Pct, services: z.number().int(), corridors: z.number().int(), gap_to_3_pct: Pct,
              regions: z.array(z.object({ region: z.string(), avg_total_cost_pct_200: Pct, services: z.number().int() })),
            })),
          }),
        },
      },
    },
    async (request) => ({ periods: await periodFigures(db(), request.query.period) }),
  );
}
