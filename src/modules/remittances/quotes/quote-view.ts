import { z } from 'zod';

export const QUOTE_VIEW_COLUMNS = [
  'id', 'source', 'period', 'source_country', 'destination_country', 'firm', 'firm_type', 'product', 'payment_instrument', 'access_point',
  'pickup_method', 'speed', 'transparent', 'inaccessible', 'send_currency', 'receive_currency', 'amount_200_minor', 'fee_200_minor', 'rate_200',
  'amount_500_minor', 'fee_500_minor', 'rate_500', 'reference_rate', 'observed_at', 'received_at', 'fx_margin_pct_200', 'fx_margin_pct_500',
  'total_cost_pct_200', 'total_cost_pct_500', 'comparable_200', 'comparable_500',
] as const;

const Pct = z.number().nullable();
const Point = z.object({
  usd: z.number(),
  amount_minor: z.number().int(),
  fee_minor: z.number().int(),
  offered_rate: z.string().nullable(),
  fx_margin_pct: Pct,
  total_cost_pct: Pct,
  comparable: z.boolean(),
});

export const QuoteView = z.object({
  id: z.number().int(),
  source: z.string(),
  period: z.string(),
  from: z.string(),
  to: z.string(),
  firm: z.string(),
  firm_type: z.string().nullable(),
  product: z.string().nullable(),
  payment_instrument: z.string().nullable(),
  access_point: z.string().nullable(),
  pickup_method: z.string().nullable(),
  speed: z.string().nullable(),
  transparent: z.boolean().nullable(),
  inaccessible: z.boolean(),
  send_currency: z.string(),
  receive_currency: z.string().nullable(),
  reference_rate: z.string(),
  observed_at: z.string().nullable(),
  received_at: z.string(),
  price_points: z.array(Point),
});
export type QuoteView = z.infer<typeof QuoteView>;

type Stored = Record<(typeof QUOTE_VIEW_COLUMNS)[number], unknown>;
const pct = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null ? null : String(v));

export function quoteView(r: Stored): QuoteView {
  const point = (usd: 200 | 500) => ({
    usd,
    amount_minor: r[`amount_${usd}_minor`] as number,
    fee_minor: r[`fee_${usd}_minor`] as number,
    offered_rate: (r[`rate_${usd}`] as string | null) ?? null,
    fx_margin_pct: pct(r[`fx_margin_pct_${usd}`]),
    total_cost_pct: pct(r[`total_cost_pct_${usd}`]),
    comparable: r[`comparable_${usd}`] as boolean,
  });
  return {
    id: r.id as number, source: r.source as string, period: r.period as string, from: r.source_country as string, to: r.destination_country as string,
    firm: r.firm as string, firm_type: r.firm_type as string | null, product: r.product as string | null,
    payment_instrument: r.payment_instrument as string | null, access_point: r.access_point as string | null,
    pickup_method: r.pickup_method as string | null, speed: r.speed as string | null, transparent: r.transparent as boolean | null,
    inaccessible: r.inaccessible as boolean, send_currency: r.send_currency as string, receive_currency: r.receive_currency as string | null,
    reference_rate: r.reference_rate as string, observed_at: iso(r.observed_at), received_at: iso(r.received_at)!,
    price_points: [point(200), point(500)],
  };
}
