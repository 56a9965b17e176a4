import { z } from 'zod';
import { IsoDate, Period } from './period.js';

export const ReconcileRequest = z.strictObject({
  period: Period,
  as_of: IsoDate.optional().describe('Count only payments paid on or before this date (default today)'),
  corridor: z.string().regex(/^[A-Z]{3}-[A-Z]{3}$/).optional().describe('Only this corridor'),
});
export type ReconcileRequest = z.infer<typeof ReconcileRequest>;

/** CLI.md `wps reconcile` output, plus as_of. */
export const ReconcileSummary = z.object({
  period: z.string(),
  as_of: z.string(),
  contracts: z.int(),
  paid: z.int(),
  late: z.int(),
  underpaid: z.int(),
  unpaid: z.int(),
  pending: z.int(),
  unregistered_payments: z.int(),
});
export type ReconcileSummary = z.infer<typeof ReconcileSummary>;
