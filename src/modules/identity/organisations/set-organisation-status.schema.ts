import { z } from 'zod';

export const SetOrganisationStatusRequest = z.object({
  status: z.enum(['active', 'suspended']),
  reason: z.string().trim().min(1).max(1000).describe('Why: kept in the audit trail'),
});
export type SetOrganisationStatusRequest = z.infer<typeof SetOrganisationStatusRequest>;
