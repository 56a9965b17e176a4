import { z } from 'zod';
import { ORGANISATION_KINDS } from '../../../core/auth/scopes.js';

export const CountryCode = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code in capitals, e.g. NPL');

export const CreateOrganisationRequest = z.object({
  kind: z.enum(ORGANISATION_KINDS),
  name: z.string().trim().min(1).max(200),
  country: CountryCode.describe('ISO 3166-1 alpha-3 of the country it is established in'),
  external_id: z.string().trim().min(1).max(100).nullish().describe('Its id in the field: establishment id, routing code, licence number'),
});
export type CreateOrganisationRequest = z.infer<typeof CreateOrganisationRequest>;
