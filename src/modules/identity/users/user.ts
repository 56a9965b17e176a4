import { z } from 'zod';
import { ROLES } from '../../../core/auth/scopes.js';
import type { UserRow } from '../queries/users.js';

/** What a user may see of their own account (the sign-in answer, /auth/me). */
export const SessionUser = z.object({
  id: z.string(),
  email: z.string(),
  display_name: z.string(),
  role: z.enum(ROLES),
  organisation_id: z.string().nullable(),
  worker_id: z.string().nullable(),
  language: z.string(),
  must_change_password: z.boolean(),
});
export type SessionUser = z.infer<typeof SessionUser>;

/** A user as an administrator sees it. */
export const User = SessionUser.extend({
  disabled_at: z.string().nullable(),
  locked_until: z.string().nullable(),
  created_at: z.string(),
});
export type User = z.infer<typeof User>;

export const toSessionUser = (row: UserRow): SessionUser => ({
  id: row.id,
  email: row.email,
  display_name: row.display_name,
  role: row.role,
  organisation_id: row.organisation_id,
  worker_id: row.worker_id,
  language: row.language,
  must_change_password: row.must_change_password,
});

export const toUser = (row: UserRow, now = new Date()): User => ({
  ...toSessionUser(row),
  disabled_at: row.disabled_at?.toISOString() ?? null,
  locked_until: row.locked_until && row.locked_until > now ? row.locked_until.toISOString() : null,
  created_at: row.created_at.toISOString(),
});
