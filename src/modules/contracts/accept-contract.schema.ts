import { z } from 'zod';

export const AcceptRequest = z.strictObject({
  terms_digest: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be the hex SHA-256 terms_digest of the offered version')
    .describe('The digest of the terms the worker was shown: acceptance is of exactly these'),
  language: z.string().min(2).max(20).describe('The language the worker read the terms in (opened with ?lang= first)'),
});
export type AcceptRequest = z.output<typeof AcceptRequest>;
