import { z } from 'zod';
import { SPEEDS } from './speeds.js';
import { Period } from './period.js';

export const CountryCode = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code, e.g. NPL');
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code, e.g. AED');
/** A rate as exact decimal text: receiving currency per unit sent. Zero or below is refused. */
export const PositiveRate = z
  .string()
  .regex(/^[0-9]+(\.[0-9]+)?$/, 'expected a decimal rate as text, e.g. "35.8676"')
  .refine((v) => /[1-9]/.test(v), 'a rate must be above zero');
const Money = z.object({
  minor: z.number().int('expected integer minor units').nonnegative('expected zero or more'),
  currency: CurrencyCode,
});

export const CorridorPair = z.object({ from: CountryCode, to: CountryCode });

export const PricePointInput = z.object({
  usd: z.union([z.literal(200), z.literal(500)]),
  amount: Money,
  fee: Money,
  /** Omit (null) when the provider does not disclose it: the quote is then kept without a comparable price. */
  offered_rate: PositiveRate.nullable(),
});

export const QuoteInput = z
  .object({
    source_country: CountryCode,
    destination_country: CountryCode,
    product: z.string().trim().min(1).max(100).optional(),
    firm_type: z.string().trim().min(1).max(60).optional(),
    payment_instrument: z.string().trim().min(1).max(60),
    access_point: z.string().trim().min(1).max(60),
    pickup_method: z.string().trim().min(1).max(60),
    speed: z.enum(SPEEDS),
    transparent: z.boolean().default(true),
    inaccessible: z.boolean().default(false),
    source: z.enum(['provider', 'published_tariff']).default('provider'),
    observed_at: z.iso.datetime({ offset: true }).optional(),
    price_points: z.array(PricePointInput).length(2, 'expected the two price points, USD 200 and USD 500'),
  })
  .strict();
export type QuoteInput = z.infer<typeof QuoteInput>;

export const RateInput = z
  .object({
    base_currency: CurrencyCode,
    quote_currency: CurrencyCode,
    rate: PositiveRate,
    effective_on: z.iso.date(),
    source: z.string().trim().min(1).max(200),
  })
  .strict();
export type RateInput = z.infer<typeof RateInput>;

export const CorridorSettingsInput = z
  .object({
    send_currency: CurrencyCode,
    receive_currency: CurrencyCode,
    stale_after_days: z.number().int().min(1).max(3650).default(90),
  })
  .strict();

export const CompareQuery = z.object({
  from: CountryCode,
  to: CountryCode,
  amount: z.string().regex(/^[0-9]+(\.[0-9]+)?$/, 'expected an amount, e.g. 500 or 500.25'),
  currency: CurrencyCode,
  speed: z.enum(SPEEDS).optional(),
  pickup: z.string().max(60).optional(),
});

export const PeriodQuery = z.object({ period: Period.optional() });
