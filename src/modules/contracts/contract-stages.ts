import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { type Actor, isPlatform } from '../../core/auth/actor.js';
import type { DB } from '../../schema.js';
import { CONTRACT_STATUSES } from './tables.js';

export const StagesQuery = z.object({
  corridor: z.string().regex(/^[A-Z]{3}-[A-Z]{3}$/, 'must be ORIGIN-DESTINATION, e.g. NPL-ARE').optional(),
});
export type StagesQuery = z.infer<typeof StagesQuery>;

export const ContractStages = z.object({
  stages: z.array(z.object({ status: z.enum(CONTRACT_STATUSES), contracts: z.int() })).describe('Every status, in lifecycle order, with its count (0 included)'),
  total: z.int(),
});
export type ContractStages = z.infer<typeof ContractStages>;

/**
 * How many contracts are at each stage, on the actor's side, counted in one statement: the
 * origin authority its nationals' from the offer on, the destination authority those in its
 * country from the worker's acceptance on (the rules of contract-access.ts), the platform all.
 */
export async function contractStages(db: Kysely<DB>, actor: Actor, query: StagesQuery): Promise<ContractStages> {
  const since = (column: 'offered_at' | 'accepted_at') =>
    sql`EXISTS (SELECT 1 FROM contract_versions v WHERE v.employer_id = c.employer_id AND v.contract_id = c.id AND v.${sql.ref(column)} IS NOT NULL)`;
  const side = isPlatform(actor)
    ? sql`TRUE`
    : actor.organisationKind === 'origin_authority' && actor.country
      ? sql`c.origin_country = ${actor.country} AND ${since('offered_at')}`
      : actor.organisationKind === 'destination_authority' && actor.country
        ? sql`c.destination_country = ${actor.country} AND ${since('accepted_at')}`
        : sql`FALSE`;
  const { rows } = await sql<{ status: string; contracts: number }>`
    SELECT c.status, count(*)::int AS contracts FROM contracts c
    WHERE ${side} ${query.corridor ? sql`AND c.corridor_code = ${query.corridor}` : sql``}
    GROUP BY c.status`.execute(db);
  const counts = new Map(rows.map((r) => [r.status, r.contracts]));
  const stages = CONTRACT_STATUSES.map((status) => ({ status, contracts: counts.get(status) ?? 0 }));
  return { stages, total: stages.reduce((sum, s) => sum + s.contracts, 0) };
}
