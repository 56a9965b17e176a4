import { z } from 'zod';

export const SubstitutionCheckRequest = z.object({
  contract_no: z.string().min(1).max(64).describe('Number of the registered contract'),
  terms: z.unknown().describe('The terms presented now (ContractTerms), e.g. the contract filed at destination'),
});
export type SubstitutionCheckRequest = z.infer<typeof SubstitutionCheckRequest>;

export const FindingSchema = z.object({
  term: z.string().describe('JSON pointer into the terms'),
  kind: z.enum(['less_favourable', 'changed']),
  registered: z.unknown(),
  presented: z.unknown(),
  message: z.string(),
});

export const SubstitutionReport = z.object({
  report_id: z.string(),
  contract_no: z.string(),
  registered_version: z.number().int(),
  identical: z.boolean().describe('The presented terms are exactly the registered ones'),
  substitution: z.boolean().describe('Some term is less favourable to the worker, or the job itself changed'),
  findings: z.array(FindingSchema),
  reported_at: z.string(),
});
export type SubstitutionReport = z.infer<typeof SubstitutionReport>;
