import { z } from 'zod';
import { BreachView } from './contract-view.js';
import { CONTRACT_STATUSES } from './tables.js';
import { ContractTerms } from './terms.schema.js';

/** Request schemas shared by the contract routes; each use case's own schema sits beside it. */
export const ContractParams = z.object({ id: z.string().describe('Contract id (UUID)') });

export const TermsRequest = z.strictObject({ terms: ContractTerms });
export type TermsRequest = z.output<typeof TermsRequest>;

export const ReasonRequest = z.strictObject({
  reason: z.string().trim().min(1).max(2000).describe("Why, in the actor's words: kept in the contract's history"),
});
export type ReasonRequest = z.output<typeof ReasonRequest>;

/** For steps where a reason is welcome but not required. */
export const OptionalReasonRequest = z.strictObject({ reason: z.string().trim().min(1).max(2000).optional() }).nullish();
export type OptionalReasonRequest = z.output<typeof OptionalReasonRequest>;

export const CheckResponse = z.object({
  rules_version: z.number().int().describe('The corridor rules version in force today that the terms were checked against'),
  breaches: z.array(BreachView),
});

export const ListQuery = z.object({
  status: z.enum(CONTRACT_STATUSES).optional(),
  corridor: z.string().regex(/^[A-Z]{3}-[A-Z]{3}$/, 'must be ORIGIN-DESTINATION, e.g. NPL-ARE').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListQuery = z.output<typeof ListQuery>;
