import type { Kysely, Updateable } from 'kysely';
import { type Actor, isPlatform } from '../../../core/auth/actor.js';
import { AppError, forbidden, invalid, notFound } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import { recordEvent } from '../../audit/record-event.js';
import { isUuid, managesWorkerAccount, workerRelation } from '../access.js';
import { findOrganisation } from '../queries/organisations.js';
import { revokeUserSessions } from '../queries/sessions.js';
import { findUser, updateUser as updateUserRow, type UserRow } from '../queries/users.js';
import { findWorker } from '../queries/workers.js';
import type { UsersTable } from '../tables.js';
import type { UpdateUserRequest } from './update-user.schema.js';
import { toUser, type User } from './user.js';

/** An account the actor manages: of its organisation, or a worker's it may manage; the platform all. */
async function managedUser(db: Kysely<DB>, actor: Actor, id: string): Promise<UserRow> {
  const user = isUuid(id) ? await findUser(db, id) : undefined;
  if (user && (isPlatform(actor) || (user.organisation_id && user.organisation_id === actor.organisationId))) return user;
  const worker = user?.worker_id ? await findWorker(db, user.worker_id) : undefined;
  if (user && worker && managesWorkerAccount(workerRelation(actor, worker))) return user;
  throw notFound(`User ${id}`);
}

async function checkRole(db: Kysely<DB>, actor: Actor, user: UserRow, role: UserRow['role']): Promise<void> {
  if (role === user.role) return;
  if (role === 'worker' || user.role === 'worker')
    throw invalid('A worker account stays a worker account', [{ pointer: '/role', message: 'cannot change to or from worker', code: 'user.worker_role_fixed' }]);
  if (!isPlatform(actor) && (role === 'platform_admin' || user.role === 'platform_admin'))
    throw forbidden('Only the platform administrator grants or withdraws the platform administrator role');
  if (role === 'platform_admin') {
    const org = user.organisation_id ? await findOrganisation(db, user.organisation_id) : undefined;
    if (org && org.kind !== 'platform')
      throw invalid('Only users of the platform organisation can be platform administrators', [{ pointer: '/role', message: 'not for this organisation', code: 'user.platform_admin_only_platform' }]);
  }
}

/** Disable or enable an account, change its role (within the actor's limits), its name or language. */
export async function updateUser(db: Kysely<DB>, actor: Actor, id: string, input: UpdateUserRequest, now = new Date()): Promise<User> {
  const user = await managedUser(db, actor, id);
  if (user.id === actor.userId && (input.disabled || (input.role && input.role !== user.role)))
    throw new AppError('invalid_transition', 'You cannot disable your own account or change your own role');
  if (input.role) await checkRole(db, actor, user, input.role);
  const patch: Updateable<UsersTable> = {};
  if (input.role) patch.role = input.role;
  if (input.display_name) patch.display_name = input.display_name;
  if (input.language) patch.language = input.language;
  if (input.disabled === true && !user.disabled_at) patch.disabled_at = now;
  if (input.disabled === false && user.disabled_at) Object.assign(patch, { disabled_at: null, failed_logins: 0, locked_until: null });
  if (!Object.keys(patch).length) return toUser(user, now);
  return db.transaction().execute(async (trx) => {
    const row = await updateUserRow(trx, user.id, patch);
    if (patch.disabled_at || (patch.role && patch.role !== user.role)) await revokeUserSessions(trx, user.id, now);
    await recordEvent(trx, actor, {
      action: 'user.updated',
      subjectType: 'user',
      subjectId: user.id,
      organisationIds: [user.organisation_id],
      details: { ...input },
    });
    return toUser(row, now);
  });
}
