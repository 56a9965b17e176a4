import type { Kysely } from 'kysely';
import { type Actor, isPlatform } from '../../../core/auth/actor.js';
import type { Role } from '../../../core/auth/scopes.js';
import { conflict, forbidden, invalid, notFound } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import { isUuid, managesWorkerAccount, workerRelation } from '../access.js';
import { findOrganisation, findPlatformOrganisation } from '../queries/organisations.js';
import { findUserByWorker } from '../queries/users.js';
import { findWorker } from '../queries/workers.js';

export interface UserHome {
  organisationId: string | null;
  workerId: string | null;
  /** For a worker account: the nationality, so the origin authority sees the audit entry. */
  workerNationality?: string;
}

/** Where a new account of this role belongs, within what the actor may do; refuses what it may not. */
export async function resolveUserHome(
  db: Kysely<DB>,
  actor: Actor,
  input: { role: Role; organisation_id?: string; worker_id?: string },
): Promise<UserHome> {
  if (input.role === 'worker') {
    if (input.organisation_id !== undefined)
      throw invalid('A worker account belongs to no organisation', [{ pointer: '/organisation_id', message: 'must be absent for a worker', code: 'user.worker_no_organisation' }]);
    if (input.worker_id === undefined)
      throw invalid('A worker account needs its worker record', [{ pointer: '/worker_id', message: 'is required for the role worker', code: 'user.worker_record_required' }]);
    const worker = isUuid(input.worker_id) ? await findWorker(db, input.worker_id) : undefined;
    if (!worker || !managesWorkerAccount(workerRelation(actor, worker))) throw notFound(`Worker ${input.worker_id}`);
    if (await findUserByWorker(db, worker.id)) throw conflict('This worker already has an account');
    return { organisationId: null, workerId: worker.id, workerNationality: worker.nationality };
  }
  if (input.worker_id !== undefined)
    throw invalid('Only a worker account has a worker record', [{ pointer: '/worker_id', message: 'must be absent for this role', code: 'user.worker_record_only_worker' }]);

  if (input.role === 'platform_admin') {
    const org = input.organisation_id
      ? await findOrganisation(db, input.organisation_id)
      : ((actor.organisationId && (await findOrganisation(db, actor.organisationId))) || (await findPlatformOrganisation(db)));
    if (input.organisation_id && org?.kind !== 'platform')
      throw invalid('A platform administrator belongs to the platform organisation', [{ pointer: '/organisation_id', message: 'is not the platform organisation', code: 'user.platform_admin_organisation' }]);
    return { organisationId: org ? org.id : null, workerId: null };
  }

  const organisationId = input.organisation_id ?? actor.organisationId;
  if (!organisationId)
    throw invalid(`An ${input.role} belongs to an organisation`, [{ pointer: '/organisation_id', message: `is required for the role ${input.role}`, code: 'user.organisation_required', params: { role: input.role } }]);
  if (!isPlatform(actor)) {
    if (actor.role !== 'org_admin') throw forbidden('Only an organisation administrator creates accounts');
    if (organisationId !== actor.organisationId) throw notFound(`Organisation ${organisationId}`);
  }
  const org = isUuid(organisationId) ? await findOrganisation(db, organisationId) : undefined;
  if (!org) throw notFound(`Organisation ${organisationId}`);
  return { organisationId: org.id, workerId: null };
}
