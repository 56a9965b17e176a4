import type { Kysely } from 'kysely';
import { z } from 'zod';
import { type Actor, isPlatform } from '../../../core/auth/actor.js';
import { ORGANISATION_KINDS } from '../../../core/auth/scopes.js';
import type { DB } from '../../../schema.js';
import { isAuthority } from '../access.js';
import { listOrganisations } from '../queries/organisations.js';
import { CountryCode } from './create-organisation.schema.js';
import { type Organisation, ORGANISATION_STATUSES, toOrganisation } from './organisation.js';

export const ListOrganisationsQuery = z.object({
  kind: z.enum(ORGANISATION_KINDS).optional(),
  country: CountryCode.optional(),
  status: z.enum(ORGANISATION_STATUSES).optional(),
});
export type ListOrganisationsQuery = z.infer<typeof ListOrganisationsQuery>;

/** The organisations the actor may see (the same rule as access.canSeeOrganisation, as SQL). */
export async function listVisibleOrganisations(db: Kysely<DB>, actor: Actor, query: ListOrganisationsQuery): Promise<Organisation[]> {
  const scope = isPlatform(actor)
    ? {}
    : { ids: actor.organisationId ? [actor.organisationId] : [], countryOf: isAuthority(actor) ? actor.country : undefined };
  return (await listOrganisations(db, { ...scope, ...query })).map(toOrganisation);
}
