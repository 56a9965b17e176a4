import { z } from 'zod';
import type { WorkerRow } from '../queries/workers.js';

export const SEXES = ['F', 'M', 'X'] as const;

export const Worker = z.object({
  id: z.string(),
  full_name: z.string(),
  sex: z.enum(SEXES),
  birth_date: z.string(),
  nationality: z.string(),
  passport_no: z.string().nullable().optional().describe('Only for the worker, their origin authority and the platform'),
  person_id: z.string().nullable(),
  registered_by: z.string().nullable(),
  created_at: z.string(),
});
export type Worker = z.infer<typeof Worker>;

export function toWorker(row: WorkerRow, withPassport: boolean): Worker {
  return {
    id: row.id,
    full_name: row.full_name,
    sex: row.sex,
    birth_date: row.birth_date,
    nationality: row.nationality,
    ...(withPassport ? { passport_no: row.passport_no } : {}),
    person_id: row.person_id,
    registered_by: row.registered_by,
    created_at: row.created_at.toISOString(),
  };
}
