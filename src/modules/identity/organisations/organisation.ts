import { z } from 'zod';
import { ORGANISATION_KINDS } from '../../../core/auth/scopes.js';
import type { OrganisationRow } from '../queries/organisations.js';

export const ORGANISATION_STATUSES = ['active', 'suspended', 'closed'] as const;

export const Organisation = z.object({
  id: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  name: z.string(),
  country: z.string().describe('ISO 3166-1 alpha-3 of the country it is established in'),
  external_id: z.string().nullable(),
  status: z.enum(ORGANISATION_STATUSES),
  created_at: z.string(),
});
export type Organisation = z.infer<typeof Organisation>;

export const toOrganisation = (row: OrganisationRow): Organisation => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  country: row.country,
  external_id: row.external_id,
  status: row.status,
  created_at: row.created_at.toISOString(),
});
