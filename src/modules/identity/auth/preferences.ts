import type { Kysely } from 'kysely';
import type { Actor } from '../../../core/auth/actor.js';
import { AppError } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import { recordEvent } from '../../audit/record-event.js';
import { findUser, updateUser } from '../queries/users.js';
import { type SessionUser, toSessionUser } from '../users/user.js';
import type { PreferencesRequest } from './preferences.schema.js';

/**
 * A signed-in person keeps their own preferences (today: the language of the web application).
 * Only their own account: there is no id to name, so nobody changes another's this way.
 */
export async function setPreferences(db: Kysely<DB>, actor: Actor, input: PreferencesRequest): Promise<SessionUser> {
  if (!actor.userId) throw new AppError('forbidden', 'Only a signed-in person has preferences');
  const user = await findUser(db, actor.userId);
  if (!user) throw new AppError('unauthenticated', 'Sign in again');
  if (user.language === input.language) return toSessionUser(user);
  return db.transaction().execute(async (trx) => {
    const row = await updateUser(trx, user.id, { language: input.language });
    await recordEvent(trx, actor, {
      action: 'user.preferences_changed',
      subjectType: 'user',
      subjectId: user.id,
      organisationIds: [user.organisation_id],
      details: { language: input.language },
    });
    return toSessionUser(row);
  });
}
