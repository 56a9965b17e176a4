import type { Kysely } from 'kysely';
import type { Actor } from '../../../core/auth/actor.js';
import { SCOPES } from '../../../core/auth/scopes.js';
import type { DB } from '../../../schema.js';
import { toOrganisation } from '../organisations/organisation.js';
import { findOrganisation } from '../queries/organisations.js';
import { findUser } from '../queries/users.js';
import { toSessionUser } from '../users/user.js';
import type { MeResponse } from './me.schema.js';

/** Who the caller is: their account, organisation and scopes (a user or an API token). */
export async function me(db: Kysely<DB>, actor: Actor, csrfToken: string | undefined): Promise<MeResponse> {
  const user = actor.userId ? await findUser(db, actor.userId) : undefined;
  const org = actor.organisationId ? await findOrganisation(db, actor.organisationId) : undefined;
  return {
    user: user ? toSessionUser(user) : null,
    organisation: org ? toOrganisation(org) : null,
    scopes: SCOPES.filter((s) => actor.scopes.has(s)),
    csrf_token: csrfToken ?? null,
  };
}
