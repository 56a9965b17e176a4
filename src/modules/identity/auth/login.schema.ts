import { z } from 'zod';
import { SessionUser } from '../users/user.js';

export const LoginRequest = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginResponse = z.object({
  user: SessionUser,
  csrf_token: z.string().describe('Echo it in the X-CSRF-Token header on every change made with this session'),
});
export type LoginResponse = z.infer<typeof LoginResponse>;
