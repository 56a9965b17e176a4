import { z } from 'zod';

/** GET /api/v1/recruitment/eligible-workers: the employer finds a worker it may contract by name. */
export const EligibleWorkersQuery = z.strictObject({
  q: z.string().trim().max(100).optional().describe('Part of the worker\'s name, any case'),
  worker_id: z.uuid().optional().describe('One worker (e.g. the worker of a saved draft), if the employer may contract them'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type EligibleWorkersQuery = z.output<typeof EligibleWorkersQuery>;

/** What the employer sees of a worker it may contract: enough to tell two people apart, nothing more. */
export const EligibleWorker = z.object({
  id: z.uuid(),
  full_name: z.string(),
  nationality: z.string().describe('ISO 3166-1 alpha-3'),
  passport_last4: z.string().nullable().describe('The last 4 characters of the passport number (never the whole number)'),
});
export type EligibleWorker = z.infer<typeof EligibleWorker>;

export const EligibleWorkers = z.object({ workers: z.array(EligibleWorker) });
export type EligibleWorkers = z.infer<typeof EligibleWorkers>;
