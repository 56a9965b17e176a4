import type { Kysely } from 'kysely';
import type { Actor } from '../../../core/auth/actor.js';
import { sha256Hex } from '../../../core/crypto/secrets.js';
import { AppError, invalid } from '../../../core/errors.js';
import { recordEvent } from '../../audit/record-event.js';
import type { DB } from '../../../schema.js';
import { hashPassword, passwordProblems, verifyPassword } from '../passwords.js';
import { revokeUserSessions } from '../queries/sessions.js';
import { findUser, updateUser } from '../queries/users.js';
import type { ChangePasswordRequest } from './change-password.schema.js';

/**
 * A user changes their own password (also the way out of a one-time password). Every other
 * session of theirs ends; the one in `keepCookie` (the caller's) goes on.
 */
export async function changePassword(
  db: Kysely<DB>,
  actor: Actor,
  input: ChangePasswordRequest,
  keepCookie: string | undefined,
  now = new Date(),
): Promise<void> {
  if (!actor.userId) throw new AppError('forbidden', 'Only a signed-in user has a password to change');
  const user = await findUser(db, actor.userId);
  if (!user) throw new AppError('unauthenticated', 'Sign in again');
  if (!(await verifyPassword(user.password_hash, input.current_password)))
    throw invalid('The current password is wrong', [{ pointer: '/current_password', message: 'is wrong', code: 'password.current_wrong' }]);
  const problems = passwordProblems(input.new_password, { email: user.email, pointer: '/new_password' });
  if (!problems.length && input.new_password === input.current_password)
    problems.push({ pointer: '/new_password', message: 'must differ from the current password', code: 'password.same_as_current' });
  if (problems.length) throw invalid('The new password is not acceptable', problems);
  const passwordHash = await hashPassword(input.new_password);
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { password_hash: passwordHash, must_change_password: false });
    await revokeUserSessions(trx, user.id, now, keepCookie ? sha256Hex(keepCookie) : undefined);
    await recordEvent(trx, actor, { action: 'user.password_changed', subjectType: 'user', subjectId: user.id });
  });
}
