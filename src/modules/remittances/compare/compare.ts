import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { invalid } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import { minorUnits } from '../money-text.js';
import type { CompareQuery } from '../remittance.schema.js';
import { type CorridorServices, currentServices } from './current-services.js';
import { rankServices } from './rank-services.js';

type Query = z.infer<typeof CompareQuery>;

// The same question about the same price list gets the same answer: kept as JSON text, so a
// popular amount costs neither the ranking nor the serialisation again until the list changes.
const answers = new WeakMap<CorridorServices, Map<string, string>>();
const MAX_ANSWERS = 1000;

/** The comparison as the JSON the API sends. */
export async function compareJson(db: Kysely<DB>, query: Query): Promise<string> {
  const corridor = await currentServices(db, query.from, query.to);
  let byQuery = answers.get(corridor);
  if (!byQuery) answers.set(corridor, (byQuery = new Map()));
  const key = `${query.amount}|${query.currency}|${query.speed ?? ''}|${query.pickup ?? ''}`;
  let json = byQuery.get(key);
  if (json === undefined) {
    json = JSON.stringify(rankFor(corridor, query));
    if (byQuery.size < MAX_ANSWERS) byQuery.set(key, json);
  }
  return json;
}

/** The worker's comparison: an amount in either currency of the corridor, services ranked by what the family receives. */
function rankFor(corridor: CorridorServices, query: Query) {
  const digits = query.currency === corridor.send_currency ? corridor.send_digits : query.currency === corridor.receive_currency ? corridor.receive_digits : undefined;
  if (digits === undefined)
    throw invalid('The amount is not valid', [{ pointer: '/currency', message: `${query.currency} is neither currency of this corridor`, expected: `${corridor.send_currency} or ${corridor.receive_currency}`, code: 'remittance.currency_not_corridor', params: { currency: query.currency, send: corridor.send_currency, receive: corridor.receive_currency } }]);
  const minor = minorUnits(query.amount, digits);
  if (minor === undefined || minor === 0)
    throw invalid('The amount is not valid', [{ pointer: '/amount', message: `${query.amount} is not an amount of ${query.currency}`, expected: `an amount above zero with at most ${digits} decimals`, code: 'remittance.amount_not_valid', params: { currency: query.currency, digits } }]);
  const result = rankServices(corridor, { amount_minor: minor, currency: query.currency, speed: query.speed, pickup: query.pickup });
  return {
    from: corridor.source_country,
    to: corridor.destination_country,
    send_currency: corridor.send_currency,
    receive_currency: corridor.receive_currency,
    amount: { minor, currency: query.currency },
    mode: result.mode,
    stale_after_days: corridor.stale_after_days,
    stale_services: corridor.stale,
    pickup_methods: [...new Set(corridor.services.map((s) => s.pickup_method).filter((p): p is string => !!p))].sort(),
    services: result.services,
    left_out: result.left_out,
    prices_as_of: new Date(corridor.loaded_at).toISOString(),
  };
}
