import { z } from 'zod';

export const ContractPdfQuery = z.object({
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag, e.g. ne, ar')
    .max(20)
    .describe("The document's language: one of the contract's languages (those the corridor requires among them) or the platform's (en ar hi ne bn tl ur id)"),
});
export type ContractPdfQuery = z.output<typeof ContractPdfQuery>;
