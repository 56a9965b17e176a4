import { z } from 'zod';

export const CreateMandateRequest = z.strictObject({
  employer_id: z.uuid().describe('The employer organisation'),
  agent_id: z.uuid().describe('The wage agent (bank, exchange house) that will submit its salary files'),
});
export type CreateMandateRequest = z.infer<typeof CreateMandateRequest>;

export const Mandate = z.object({
  employer_id: z.string(),
  agent_id: z.string(),
  created_by_organisation_id: z.string().nullable(),
  created_at: z.string(),
});
export type Mandate = z.infer<typeof Mandate>;
