import type { Kysely } from 'kysely';
import type { Actor } from '../../../core/auth/actor.js';
import { notFound } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import { canSeeOrganisation, isUuid } from '../access.js';
import { findOrganisation, type OrganisationRow } from '../queries/organisations.js';

/** An organisation the actor may see; any other answers not found. */
export async function getOrganisationRow(db: Kysely<DB>, actor: Actor, id: string): Promise<OrganisationRow> {
  const row = isUuid(id) ? await findOrganisation(db, id) : undefined;
  if (!row || !canSeeOrganisation(actor, row)) throw notFound(`Organisation ${id}`);
  return row;
}
