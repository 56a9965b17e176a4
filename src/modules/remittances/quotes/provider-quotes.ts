import type { Kysely } from 'kysely';
import type { Actor } from '../../../core/auth/actor.js';
import { forbidden } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import { currentServices } from '../compare/current-services.js';
import { quoteView, QUOTE_VIEW_COLUMNS } from './quote-view.js';

/**
 * A provider's own view: each corridor it serves, its current services there and where each
 * ranks among the corridor's comparable services at USD 200 (cheapest total cost first),
 * and its latest quotes as history. Never another provider's quotes, beyond their count.
 */
export async function providerQuotes(db: Kysely<DB>, actor: Actor) {
  if (actor.organisationKind !== 'remittance_provider' || !actor.organisationId) throw forbidden('Only a remittance provider has quotes');
  const providerId = actor.organisationId;
  const served = await db.selectFrom('remittance_provider_corridors').selectAll().where('provider_id', '=', providerId).orderBy(['source_country', 'destination_country']).execute();
  const corridors = await Promise.all(
    served.map(async (c) => {
      const current = await currentServices(db, c.source_country, c.destination_country);
      const comparable = current.services.filter((s) => s.points[0].comparable).sort((a, b) => a.points[0].total_cost_pct! - b.points[0].total_cost_pct!);
      const own = current.services.filter((s) => s.provider_id === providerId);
      return {
        from: c.source_country,
        to: c.destination_country,
        services_compared: comparable.length,
        stale_after_days: current.stale_after_days,
        own: own.map((s) => {
          const i = comparable.indexOf(s);
          return {
            quote_id: s.quote_id, product: s.product, payment_instrument: s.payment_instrument, access_point: s.access_point, pickup_method: s.pickup_method,
            speed: s.speed, observed_at: s.observed_at, total_cost_pct_200: s.points[0].total_cost_pct, total_cost_pct_500: s.points[1].total_cost_pct,
            rank_200: i >= 0 ? i + 1 : null,
          };
        }),
      };
    }),
  );
  const history = await db.selectFrom('remittance_quote_costs').select(QUOTE_VIEW_COLUMNS).where('provider_id', '=', providerId).orderBy('id', 'desc').limit(200).execute();
  return { corridors, history: history.map(quoteView) };
}
