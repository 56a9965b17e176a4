import { z } from 'zod';

export const JUSTIFICATION_CATEGORIES = [
  'paid_outside_wps', 'unpaid_leave', 'absence', 'contract_ended', 'dispute_pending', 'bank_error', 'other',
] as const;

export const Escalation = z.object({
  id: z.string(),
  employer_id: z.string(),
  employer_name: z.string(),
  contract_no: z.string(),
  worker_id: z.string(),
  period: z.string().describe('Salary month, YYYY-MM'),
  corridor: z.string(),
  wage_status: z.enum(['paid', 'late', 'pending', 'unpaid', 'underpaid']),
  deadline: z.string(),
  step: z.enum(['reminder', 'warning', 'inspection']).nullable().describe('Current ladder step'),
  steps: z.array(z.object({ step: z.string(), day: z.int(), on: z.string() })).describe('Steps reached: day after the deadline, and its date'),
  state: z.enum(['open', 'closed']),
  resolution: z.enum(['paid', 'paid_late', 'justified', 'cleared']).nullable(),
  closed_on: z.string().nullable(),
  justification: z
    .object({
      category: z.string(),
      text: z.string(),
      filed_at: z.string(),
      worker_response: z.enum(['accept', 'contest']).nullable(),
      worker_comment: z.string().nullable(),
      worker_language: z.string().nullable(),
      responded_at: z.string().nullable(),
    })
    .nullable(),
});
export type Escalation = z.infer<typeof Escalation>;

export const EscalationsQuery = z.object({
  state: z.enum(['open', 'closed']).optional(),
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional().describe('Salary month, YYYY-MM'),
  employer: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type EscalationsQuery = z.infer<typeof EscalationsQuery>;

export const JustificationRequest = z.strictObject({
  category: z.enum(JUSTIFICATION_CATEGORIES),
  text: z.string().trim().min(1).max(4000),
});
export type JustificationRequest = z.infer<typeof JustificationRequest>;

export const ResponseRequest = z.strictObject({
  response: z.enum(['accept', 'contest']).describe('accept closes the case; contest keeps it on the ladder'),
  comment: z.string().trim().max(4000).default(''),
});
export type ResponseRequest = z.infer<typeof ResponseRequest>;
