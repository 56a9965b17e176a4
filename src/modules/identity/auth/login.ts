import type { Kysely } from 'kysely';
import { AppError } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import { decoyHash, verifyPassword } from '../passwords.js';
import { findOrganisation } from '../queries/organisations.js';
import { findUserByEmail, recordFailedLogin, updateUser } from '../queries/users.js';
import { toSessionUser } from '../users/user.js';
import type { LoginRequest, LoginResponse } from './login.schema.js';
import { type ClientInfo, createSession, type NewSession } from './session.js';

/** One answer for an unknown email and a wrong password, so neither tells which accounts exist. */
const refused = () => new AppError('unauthenticated', 'The email or the password is wrong');
const locked = (until: Date) =>
  new AppError('locked', `Too many failed sign-ins: the account is locked until ${until.toISOString()}`, [], {
    locked_until: until.toISOString(),
  });

/**
 * Sign-in: 5 failures in a row lock the account for 15 minutes; a success resets the count.
 * Disabled users and the users of an organisation that is not active cannot sign in.
 */
export async function login(
  db: Kysely<DB>,
  input: LoginRequest,
  client: ClientInfo,
  now = new Date(),
): Promise<{ session: NewSession; response: LoginResponse }> {
  const user = await findUserByEmail(db, input.email);
  if (!user) {
    await verifyPassword(await decoyHash(), input.password);
    throw refused();
  }
  if (user.locked_until && user.locked_until > now) throw locked(user.locked_until);
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const lockedUntil = await recordFailedLogin(db, user.id, now);
    throw lockedUntil ? locked(lockedUntil) : refused();
  }
  if (user.disabled_at) throw new AppError('forbidden', 'This account is disabled: ask your administrator');
  if (user.organisation_id) {
    const org = await findOrganisation(db, user.organisation_id);
    if (org?.status !== 'active') throw new AppError('forbidden', `Your organisation is ${org?.status ?? 'unknown'}: sign-in is closed`);
  }
  const fresh = await updateUser(db, user.id, { failed_logins: 0, locked_until: null });
  const session = await createSession(db, user.id, client, now);
  return { session, response: { user: toSessionUser(fresh), csrf_token: session.csrfToken } };
}
