import type { Kysely } from 'kysely';
import { z } from 'zod';
import { type Actor, isPlatform } from '../../../core/auth/actor.js';
import type { DB } from '../../../schema.js';
import { isUuid } from '../access.js';
import { listTokens } from '../queries/tokens.js';
import { type ApiToken, toApiToken } from './api-token.js';

export const ListTokensQuery = z.object({
  organisation_id: z.string().optional().describe('Platform administrator only: one organisation'),
});
export type ListTokensQuery = z.infer<typeof ListTokensQuery>;

/** Tokens of the actor's organisation (the platform: all), never their secrets. */
export async function listVisibleTokens(db: Kysely<DB>, actor: Actor, query: ListTokensQuery): Promise<ApiToken[]> {
  const organisationId = isPlatform(actor) ? query.organisation_id : actor.organisationId;
  if (!isPlatform(actor) && (!organisationId || (query.organisation_id && query.organisation_id !== organisationId))) return [];
  if (organisationId !== undefined && !isUuid(organisationId)) return [];
  return (await listTokens(db, organisationId)).map(toApiToken);
}
