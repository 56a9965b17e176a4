import { z } from 'zod';

export const VerifyParams = z.object({ contract_no: z.string().min(1).max(64).describe('The contract number printed on the contract and in its QR code') });

export const PublicKeyTerms = z
  .object({
    occupation: z.object({ code: z.string().describe('ISCO-08 unit group'), title: z.string().nullable() }),
    employer: z.string(),
    wage_minor: z.int().describe('Basic monthly wage, integer minor units'),
    currency: z.string().describe('ISO 4217'),
    start: z.string().describe('First day, YYYY-MM-DD'),
    end: z.string().describe('Last day, YYYY-MM-DD'),
    worker_initials: z.string().describe('The only personal data shown'),
  })
  .describe('The key terms as registered');

export const PublicVerification = z.object({
  contract_no: z.string(),
  status: z.enum(['registered', 'active', 'completed', 'terminated', 'not registered']),
  version: z.int().nullable().describe('The registered version of the terms'),
  registered_at: z.string().nullable().describe('ISO 8601 UTC'),
  terms_digest: z.string().nullable(),
  key_terms: PublicKeyTerms.nullable(),
  offline_payload: z.record(z.string(), z.unknown()).nullable().describe('The QR payload, version 1 (docs/registry.md): verifiable with no network'),
});
export type PublicVerification = z.infer<typeof PublicVerification>;
