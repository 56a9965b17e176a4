import { z } from 'zod';
import { ROLES } from '../../../core/auth/scopes.js';
import { User } from './user.js';

export const Language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag, e.g. ne or en-GB');

export const CreateUserRequest = z.object({
  email: z.email().max(320),
  display_name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  organisation_id: z.string().optional().describe('For org_admin and org_staff; default: your own organisation'),
  worker_id: z.string().optional().describe('For a worker account: the worker record it belongs to'),
  password: z.string().max(1024).optional().describe('Omit to have a one-time password issued (returned once)'),
  language: Language.optional(),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const CreateUserResponse = z.object({
  user: User,
  one_time_password: z.string().optional().describe('Shown once: the user must change it at first sign-in'),
});
export type CreateUserResponse = z.infer<typeof CreateUserResponse>;
