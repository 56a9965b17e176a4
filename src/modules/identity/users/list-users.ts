import type { Kysely } from 'kysely';
import { z } from 'zod';
import { type Actor, isPlatform } from '../../../core/auth/actor.js';
import type { DB } from '../../../schema.js';
import { isUuid } from '../access.js';
import { listUsers } from '../queries/users.js';
import { toUser, type User } from './user.js';

export const ListUsersQuery = z.object({
  organisation_id: z.string().optional().describe('Platform administrator only: one organisation'),
});
export type ListUsersQuery = z.infer<typeof ListUsersQuery>;

/** The accounts of the actor's organisation; the platform sees every account (or one organisation's). */
export async function listVisibleUsers(db: Kysely<DB>, actor: Actor, query: ListUsersQuery): Promise<User[]> {
  const organisationId = isPlatform(actor) ? query.organisation_id : actor.organisationId;
  if (!isPlatform(actor) && !organisationId) return [];
  if (organisationId !== undefined && !isUuid(organisationId)) return [];
  if (!isPlatform(actor) && query.organisation_id && query.organisation_id !== organisationId) return [];
  const now = new Date();
  return (await listUsers(db, organisationId)).map((row) => toUser(row, now));
}
