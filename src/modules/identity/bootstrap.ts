import type { Kysely } from 'kysely';
import { CLI_ACTOR } from '../../core/auth/actor.js';
import type { Config } from '../../core/config.js';
import { invalid } from '../../core/errors.js';
import type { DB } from '../../schema.js';
import { recordEvent } from '../audit/record-event.js';
import { generatePassword, hashPassword, passwordProblems } from './passwords.js';
import { countryExists, findPlatformOrganisation, insertOrganisation } from './queries/organisations.js';
import { findUserByEmail, insertUser, platformAdminExists } from './queries/users.js';

export const ADMIN_EMAIL = 'admin@corridor.local';
/** Where the platform operator is established; it grants nothing (see docs/decisions/0008-identity-accounts.md). */
export const DEFAULT_PLATFORM_COUNTRY = 'NPL';

/**
 * On a database without a platform administrator, creates the platform organisation (if need be)
 * and admin@corridor.local, with CORRIDOR_ADMIN_PASSWORD or else a one-time password, which is
 * returned so `corridor start` can print it once. Does nothing (undefined) once an administrator exists.
 */
export async function ensureAdministrator(
  db: Kysely<DB>,
  config: Pick<Config, 'adminPassword'>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ email: string; password?: string } | undefined> {
  if (await platformAdminExists(db)) return undefined;
  const country = (env.CORRIDOR_PLATFORM_COUNTRY || DEFAULT_PLATFORM_COUNTRY).toUpperCase();
  if (!(await countryExists(db, country)))
    throw invalid('CORRIDOR_PLATFORM_COUNTRY is not a known country', [{ field: 'CORRIDOR_PLATFORM_COUNTRY', message: `${country} is not an ISO 3166-1 alpha-3 code` }]);
  const given = config.adminPassword;
  const problems = given ? passwordProblems(given, { email: ADMIN_EMAIL }).map((p) => ({ ...p, pointer: undefined, field: 'CORRIDOR_ADMIN_PASSWORD' })) : [];
  if (problems.length) throw invalid('CORRIDOR_ADMIN_PASSWORD is not acceptable', problems);
  if (await findUserByEmail(db, ADMIN_EMAIL))
    throw invalid(`${ADMIN_EMAIL} exists but is not a platform administrator`, [{ message: 'make a platform administrator with `corridor users create --role platform_admin`' }]);

  const password = given ?? generatePassword();
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const org = (await findPlatformOrganisation(trx)) ?? (await insertOrganisation(trx, { kind: 'platform', name: 'Corridor platform', country }));
    const user = await insertUser(trx, {
      email: ADMIN_EMAIL,
      display_name: 'Platform administrator',
      role: 'platform_admin',
      organisation_id: org.id,
      worker_id: null,
      password_hash: passwordHash,
      must_change_password: !given,
    });
    await recordEvent(trx, { ...CLI_ACTOR, type: 'system' }, {
      action: 'user.created',
      subjectType: 'user',
      subjectId: user.id,
      organisationIds: [org.id],
      details: { email: ADMIN_EMAIL, role: 'platform_admin', bootstrap: true },
    });
  });
  return given ? { email: ADMIN_EMAIL } : { email: ADMIN_EMAIL, password };
}
