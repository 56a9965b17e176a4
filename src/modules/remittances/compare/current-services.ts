import { Decimal } from 'decimal.js';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../schema.js';
import { notFound } from '../../../core/errors.js';

/** An exact rate as a fraction of integers, so the hot path multiplies BigInts instead of parsing decimals. */
export interface Fraction {
  num: bigint;
  den: bigint;
}

export interface PricePoint {
  usd: 200 | 500;
  amount_minor: number;
  fee_minor: number;
  /** Offered rate as stored (exact decimal text) and as a fraction; null: not disclosed. */
  rate: string | null;
  rate_fraction: Fraction | null;
  fx_margin_pct: number | null;
  total_cost_pct: number | null;
  comparable: boolean;
}

export interface CurrentService {
  quote_id: number;
  service_key: string;
  source: string;
  provider_id: string | null;
  firm: string;
  firm_type: string | null;
  product: string | null;
  payment_instrument: string | null;
  access_point: string | null;
  pickup_method: string | null;
  speed: string | null;
  transparent: boolean | null;
  inaccessible: boolean;
  observed_at: string | null;
  reference_rate: string;
  reference_fraction: Fraction;
  points: [PricePoint, PricePoint];
}

export interface CorridorServices {
  source_country: string;
  destination_country: string;
  send_currency: string;
  receive_currency: string;
  send_digits: number;
  receive_digits: number;
  stale_after_days: number;
  /** Fresh services (the latest quote of each), and how many were left out as stale. */
  services: CurrentService[];
  stale: number;
  loaded_at: number;
}

export function fraction(text: string): Fraction {
  const [n, d] = new Decimal(text).toFraction() as [Decimal, Decimal];
  return { num: BigInt(n.toFixed(0)), den: BigInt(d.toFixed(0)) };
}

// A price list that is a second or two old is fine for a public comparison; every new quote
// or import made by this process clears it at once. An expired list is still served while the
// new one loads (no request waits on the reload), and a reload that finds the same list keeps
// the old object, so the answers cached against it (compare.ts) stay valid. Kept per database.
const TTL_MS = 2000;
interface Entry {
  at: number;
  list: Promise<CorridorServices>;
  value?: CorridorServices;
  refreshing?: boolean;
}
let caches = new WeakMap<Kysely<DB>, Map<string, Entry>>();

export function forgetCurrentServices(): void {
  caches = new WeakMap();
}

/** The corridor's current services: the latest quote of each service, fresh ones only. */
export function currentServices(db: Kysely<DB>, from: string, to: string): Promise<CorridorServices> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = `${from}>${to}`;
  const entry = cache.get(key);
  if (entry && Date.now() - entry.at < TTL_MS) return entry.list;
  if (entry?.value) {
    if (!entry.refreshing) {
      entry.refreshing = true;
      loadServices(db, from, to).then(
        (fresh) => {
          const value = fingerprint(fresh) === fingerprint(entry.value!) ? entry.value! : fresh;
          cache.set(key, { at: Date.now(), list: Promise.resolve(value), value });
        },
        () => cache.delete(key),
      );
    }
    return entry.list;
  }
  const list = loadServices(db, from, to);
  const created: Entry = { at: Date.now(), list };
  cache.set(key, created);
  list.then((value) => (created.value = value), () => cache.get(key) === created && cache.delete(key));
  return list;
}

/** Same quotes, same freshness, same day (ages are in days): the same list. */
function fingerprint(c: CorridorServices): string {
  return `${new Date().toISOString().slice(0, 10)}|${c.stale}|${c.stale_after_days}|${c.services.map((s) => s.quote_id).join(',')}`;
}

async function loadServices(db: Kysely<DB>, from: string, to: string): Promise<CorridorServices> {
  const corridor = await db
    .selectFrom('remittance_corridors as c')
    .innerJoin('currencies as s', 's.code', 'c.send_currency')
    .innerJoin('currencies as r', 'r.code', 'c.receive_currency')
    .select(['c.source_country', 'c.destination_country', 'c.send_currency', 'c.receive_currency', 'c.stale_after_days', 's.minor_digits as send_digits', 'r.minor_digits as receive_digits'])
    .where('c.source_country', '=', from)
    .where('c.destination_country', '=', to)
    .executeTakeFirst();
  if (!corridor) throw notFound(`Remittance corridor ${from} to ${to}`);
  const { rows } = await sql<Row>`
    SELECT DISTINCT ON (service_key) id, service_key, source, provider_id, firm, firm_type, product, payment_instrument, access_point,
      pickup_method, speed, transparent, inaccessible, send_currency,
      to_char(observed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS observed_at,
      (observed_at IS NULL OR observed_at < now() - make_interval(days => ${corridor.stale_after_days})) AS stale,
      amount_200_minor, fee_200_minor, rate_200::text, amount_500_minor, fee_500_minor, rate_500::text, reference_rate::text,
      fx_margin_pct_200::float8, fx_margin_pct_500::float8, total_cost_pct_200::float8, total_cost_pct_500::float8, comparable_200, comparable_500
    FROM remittance_quote_costs
    WHERE source_country = ${from} AND destination_country = ${to}
    ORDER BY service_key, observed_at DESC NULLS LAST, id DESC`.execute(db);
  // A quote priced in another currency than the corridor's cannot be compared for the worker's amount.
  const usable = rows.filter((r) => r.send_currency === corridor.send_currency);
  const fresh = usable.filter((r) => !r.stale);
  return { ...corridor, services: fresh.map(toService), stale: usable.length - fresh.length, loaded_at: Date.now() };
}

interface Row {
  id: number;
  service_key: string;
  source: string;
  provider_id: string | null;
  firm: string;
  firm_type: string | null;
  product: string | null;
  payment_instrument: string | null;
  access_point: string | null;
  pickup_method: string | null;
  speed: string | null;
  transparent: boolean | null;
  inaccessible: boolean;
  send_currency: string;
  observed_at: string | null;
  stale: boolean;
  amount_200_minor: number;
  fee_200_minor: number;
  rate_200: string | null;
  amount_500_minor: number;
  fee_500_minor: number;
  rate_500: string | null;
  reference_rate: string;
  fx_margin_pct_200: number | null;
  fx_margin_pct_500: number | null;
  total_cost_pct_200: number | null;
  total_cost_pct_500: number | null;
  comparable_200: boolean;
  comparable_500: boolean;
}

function toService(r: Row): CurrentService {
  const point = (usd: 200 | 500): PricePoint => {
    const rate = usd === 200 ? r.rate_200 : r.rate_500;
    return {
      usd,
      amount_minor: usd === 200 ? r.amount_200_minor : r.amount_500_minor,
      fee_minor: usd === 200 ? r.fee_200_minor : r.fee_500_minor,
      rate,
      rate_fraction: rate === null || Number(rate) === 0 ? null : fraction(rate),
      fx_margin_pct: usd === 200 ? r.fx_margin_pct_200 : r.fx_margin_pct_500,
      total_cost_pct: usd === 200 ? r.total_cost_pct_200 : r.total_cost_pct_500,
      comparable: usd === 200 ? r.comparable_200 : r.comparable_500,
    };
  };
  return {
    quote_id: r.id, service_key: r.service_key, source: r.source, provider_id: r.provider_id, firm: r.firm, firm_type: r.firm_type,
    product: r.product, payment_instrument: r.payment_instrument, access_point: r.access_point, pickup_method: r.pickup_method,
    speed: r.speed, transparent: r.transparent, inaccessible: r.inaccessible, observed_at: r.observed_at,
    reference_rate: r.reference_rate, reference_fraction: fraction(r.reference_rate), points: [point(200), point(500)],
  };
}
