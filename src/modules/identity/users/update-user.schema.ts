import { z } from 'zod';
import { ROLES } from '../../../core/auth/scopes.js';
import { Language } from './create-user.schema.js';

export const UpdateUserRequest = z
  .object({
    disabled: z.boolean().optional().describe('true withdraws access (and ends the sessions); false restores it'),
    role: z.enum(ROLES).optional(),
    display_name: z.string().trim().min(1).max(200).optional(),
    language: Language.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'name at least one field to change' });
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;
