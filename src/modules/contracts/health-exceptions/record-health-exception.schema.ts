import { z } from 'zod';

export const HealthExceptionRequest = z
  .strictObject({
    occupation_isco: z
      .string()
      .regex(/^(22|32)[0-9]{2}$/, 'must be a health unit group of ISCO-08 (22xx or 32xx)')
      .nullable()
      .default(null)
      .describe('The health occupation covered; null for every health occupation'),
    reference: z.string().trim().min(1).max(200).describe('Reference of the government-to-government agreement'),
    valid_from: z.iso.date().describe('First day the exception applies'),
    valid_to: z.iso.date().nullable().default(null).describe('Last day it applies; null: open-ended'),
  })
  .superRefine((e, ctx) => {
    if (e.valid_to !== null && e.valid_to < e.valid_from)
      ctx.addIssue({ code: 'custom', path: ['valid_to'], message: 'must not be before valid_from' });
  });
export type HealthExceptionRequest = z.output<typeof HealthExceptionRequest>;

export const HealthException = z.object({
  id: z.string(),
  corridor: z.string(),
  occupation_isco: z.string().nullable(),
  reference: z.string(),
  valid_from: z.string(),
  valid_to: z.string().nullable(),
  recorded_by_organisation_id: z.string().nullable(),
  recorded_at: z.string(),
});
export type HealthException = z.infer<typeof HealthException>;
