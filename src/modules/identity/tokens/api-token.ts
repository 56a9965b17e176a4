import { z } from 'zod';
import { SCOPES } from '../../../core/auth/scopes.js';
import type { TokenRow } from '../queries/tokens.js';

/** An API token as listed: never its secret, which only the creation answer shows, once. */
export const ApiToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe('The public part of the token (cor_<prefix>_...), to recognise it'),
  organisation_id: z.string(),
  scopes: z.array(z.enum(SCOPES)),
  created_at: z.string(),
  expires_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
  last_used_at: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;

export const toApiToken = (row: TokenRow): ApiToken => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  organisation_id: row.organisation_id,
  scopes: row.scopes as ApiToken['scopes'],
  created_at: row.created_at.toISOString(),
  expires_at: row.expires_at?.toISOString() ?? null,
  revoked_at: row.revoked_at?.toISOString() ?? null,
  last_used_at: row.last_used_at?.toISOString() ?? null,
});
