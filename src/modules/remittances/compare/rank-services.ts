import { SPEEDS } from '../speeds.js';
import type { CorridorServices, CurrentService, Fraction, PricePoint } from './current-services.js';

export interface CompareInput {
  /** The worker's amount in minor units of `currency`. */
  amount_minor: number;
  /** The corridor's sending currency (the amount is what the worker pays, fee included) or its receiving currency (what the family should get). */
  currency: string;
  /** Only services at least this fast (an RPW speed label). */
  speed?: string;
  /** Only services paying out this way. */
  pickup?: string;
}

export interface RankedService {
  rank: number;
  quote_id: number;
  firm: string;
  firm_type: string | null;
  product: string | null;
  payment_instrument: string | null;
  access_point: string | null;
  pickup_method: string | null;
  speed: string | null;
  /** The observed price point the figures use: the one nearer the amount. */
  price_point_usd: 200 | 500;
  you_pay_minor: number;
  fee_minor: number;
  family_receives_minor: number;
  offered_rate: string;
  fx_margin_pct: number;
  /** What is lost to fee and margin, as a share of the amount's value at the interbank rate. */
  total_cost_pct: number;
  observed_at: string | null;
  age_days: number | null;
  source: string;
}

export interface LeftOut {
  firm: string;
  product: string | null;
  pickup_method: string | null;
  reason: 'not_comparable' | 'amount_below_fee' | 'filtered';
}

export interface Comparison {
  mode: 'send' | 'receive';
  services: RankedService[];
  left_out: LeftOut[];
}

const pow10 = (n: number) => 10n ** BigInt(n);
const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;

/**
 * Ranks the services by what the family receives for the worker's money (or, given what the
 * family should receive, by what the worker pays): fee and rate together, never the fee alone.
 * Exact integer arithmetic on the rates' fractions; the family's amount is rounded down and the
 * worker's up, so no figure promises more than the service gives.
 */
export function rankServices(corridor: CorridorServices, input: CompareInput, now = Date.now()): Comparison {
  const mode = input.currency === corridor.receive_currency ? 'receive' : 'send';
  const sendScale = pow10(corridor.send_digits);
  const receiveScale = pow10(corridor.receive_digits);
  const fastest = input.speed ? SPEEDS.indexOf(input.speed as (typeof SPEEDS)[number]) : -1;
  const ranked: Omit<RankedService, 'rank'>[] = [];
  const left_out: LeftOut[] = [];
  const leave = (s: CurrentService, reason: LeftOut['reason']) => left_out.push({ firm: s.firm, product: s.product, pickup_method: s.pickup_method, reason });

  for (const s of corridor.services) {
    if ((fastest >= 0 && (s.speed === null || SPEEDS.indexOf(s.speed as (typeof SPEEDS)[number]) > fastest)) || (input.pickup && s.pickup_method !== input.pickup)) {
      leave(s, 'filtered');
      continue;
    }
    const point = nearerPoint(s, input, mode, corridor);
    if (!point.comparable || !point.rate_fraction) {
      leave(s, 'not_comparable');
      continue;
    }
    const rate = point.rate_fraction;
    const fee = BigInt(point.fee_minor);
    let pay: bigint;
    let receives: bigint;
    if (mode === 'send') {
      pay = BigInt(input.amount_minor);
      if (pay <= fee) {
        leave(s, 'amount_below_fee');
        continue;
      }
      receives = ((pay - fee) * rate.num * receiveScale) / (rate.den * sendScale);
    } else {
      receives = BigInt(input.amount_minor);
      pay = ceilDiv(receives * rate.den * sendScale, rate.num * receiveScale) + fee;
    }
    const atReference = mul(pay, s.reference_fraction, receiveScale, sendScale);
    const observed = s.observed_at ? Date.parse(s.observed_at) : null;
    ranked.push({
      quote_id: s.quote_id, firm: s.firm, firm_type: s.firm_type, product: s.product, payment_instrument: s.payment_instrument,
      access_point: s.access_point, pickup_method: s.pickup_method, speed: s.speed, price_point_usd: point.usd,
      you_pay_minor: Number(pay), fee_minor: point.fee_minor, family_receives_minor: Number(receives), offered_rate: point.rate!,
      fx_margin_pct: point.fx_margin_pct!, total_cost_pct: (1 - Number(receives) / atReference) * 100,
      observed_at: s.observed_at, age_days: observed === null ? null : Math.floor((now - observed) / 86_400_000), source: s.source,
    });
  }
  ranked.sort((a, b) =>
    mode === 'send'
      ? b.family_receives_minor - a.family_receives_minor || a.quote_id - b.quote_id
      : a.you_pay_minor - b.you_pay_minor || a.quote_id - b.quote_id,
  );
  return { mode, services: ranked.map((r, i) => ({ rank: i + 1, ...r })), left_out };
}

/** The amount's value at the interbank rate, in receiving minor units (a ratio's denominator, so a float is fine). */
function mul(pay: bigint, rate: Fraction, receiveScale: bigint, sendScale: bigint): number {
  return Number(pay * rate.num * receiveScale) / Number(rate.den * sendScale);
}

/**
 * A service is observed at two amounts only; the worker's amount takes the fee and rate of the
 * nearer one (by the amount sent), which the page says.
 */
function nearerPoint(s: CurrentService, input: CompareInput, mode: 'send' | 'receive', corridor: CorridorServices): PricePoint {
  const [p200, p500] = s.points;
  let sendAmount = input.amount_minor;
  if (mode === 'receive') {
    // Approximate what it takes to send, at the reference rate: only to pick the nearer price point.
    const ref = s.reference_fraction;
    sendAmount = Number((BigInt(input.amount_minor) * ref.den * pow10(corridor.send_digits)) / (ref.num * pow10(corridor.receive_digits)));
  }
  return Math.abs(sendAmount - p200.amount_minor) <= Math.abs(sendAmount - p500.amount_minor) ? p200 : p500;
}
