import type { Kysely } from 'kysely';
import { type Actor, isPlatform } from '../../../core/auth/actor.js';
import { conflict, forbidden, invalid } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import { recordEvent } from '../../audit/record-event.js';
import { generatePassword, hashPassword, passwordProblems } from '../passwords.js';
import { findUserByEmail, insertUser } from '../queries/users.js';
import { uniqueViolation } from '../queries/unique-violation.js';
import type { CreateUserRequest, CreateUserResponse } from './create-user.schema.js';
import { resolveUserHome } from './user-home.js';
import { toUser } from './user.js';

/**
 * Creates an account. The platform may create any; an org_admin only org_admin and org_staff
 * of its own organisation; a worker's account is created by the platform, the worker's origin
 * authority or the organisation that registered the worker.
 */
export async function createUser(db: Kysely<DB>, actor: Actor, input: CreateUserRequest): Promise<CreateUserResponse> {
  if (input.role === 'platform_admin' && !isPlatform(actor)) throw forbidden('Only the platform administrator creates platform administrators');
  const home = await resolveUserHome(db, actor, input);
  const problems = input.password !== undefined ? passwordProblems(input.password, { email: input.email }) : [];
  if (problems.length) throw invalid('The password is not acceptable', problems);
  if (await findUserByEmail(db, input.email)) throw conflict(`An account with the email ${input.email} already exists`);

  const oneTime = input.password === undefined ? generatePassword() : undefined;
  const passwordHash = await hashPassword(input.password ?? oneTime!);
  try {
    const row = await db.transaction().execute(async (trx) => {
      const row = await insertUser(trx, {
        email: input.email,
        display_name: input.display_name,
        role: input.role,
        organisation_id: home.organisationId,
        worker_id: home.workerId,
        password_hash: passwordHash,
        must_change_password: oneTime !== undefined,
        ...(input.language ? { language: input.language } : {}),
      });
      await recordEvent(trx, actor, {
        action: 'user.created',
        subjectType: 'user',
        subjectId: row.id,
        organisationIds: [row.organisation_id],
        countries: [home.workerNationality],
        details: { email: row.email, role: row.role, organisation_id: row.organisation_id, worker_id: row.worker_id },
      });
      return row;
    });
    return { user: toUser(row), ...(oneTime ? { one_time_password: oneTime } : {}) };
  } catch (err) {
    const constraint = uniqueViolation(err);
    if (constraint === 'users_worker_unique') throw conflict('This worker already has an account');
    if (constraint) throw conflict(`An account with the email ${input.email} already exists`);
    throw err;
  }
}
