import { z } from 'zod';
import { CountryCode } from '../organisations/create-organisation.schema.js';
import { SEXES } from './worker.js';

export const RegisterWorkerRequest = z.object({
  full_name: z.string().trim().min(1).max(200),
  sex: z.enum(SEXES),
  birth_date: z.iso.date(),
  nationality: CountryCode,
  passport_no: z.string().trim().regex(/^[A-Za-z0-9]{5,20}$/, 'must be 5 to 20 letters and digits').optional(),
  person_id: z.string().trim().min(1).max(50).optional().describe('Destination person / labour-card id, as in salary files'),
});
export type RegisterWorkerRequest = z.infer<typeof RegisterWorkerRequest>;
