import { z } from 'zod';
import { IsoDate } from '../reconcile/period.js';

export const FollowUpRequest = z.strictObject({
  as_of: IsoDate.optional().describe('The day the ladder is run for (default today); steps due up to it are reached'),
});
export type FollowUpRequest = z.infer<typeof FollowUpRequest>;

export const FollowUpSummary = z.object({
  as_of: z.string(),
  opened: z.int().describe('New open cases'),
  advanced: z.int().describe('Open cases that reached a new step'),
  closed: z.int().describe('Cases closed: paid late, paid, or no longer owed'),
  reminders: z.int().describe('Cases changed in this run whose current step is a reminder'),
  warnings: z.int(),
  inspections: z.int().describe('Cases changed in this run now referred to inspection'),
  open_cases: z.int().describe('Open cases after the run (in view)'),
  suspensions_started: z.int(),
  suspensions_lifted: z.int(),
  change_of_employer_rights: z.int().describe('Workers newly given the right to change employer without consent'),
});
export type FollowUpSummary = z.infer<typeof FollowUpSummary>;
