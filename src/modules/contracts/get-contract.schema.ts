import { z } from 'zod';

export const GetContractQuery = z.object({
  lang: z
    .string()
    .min(2)
    .max(20)
    .optional()
    .describe("The language the worker reads the offered terms in (one of the terms' languages): recorded, and needed to accept"),
});
export type GetContractQuery = z.output<typeof GetContractQuery>;
