import type { Kysely } from 'kysely';
import { type Actor, isPlatform } from '../../../core/auth/actor.js';
import { AppError, forbidden } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import { recordEvent } from '../../audit/record-event.js';
import { setOrganisationStatus } from '../queries/organisations.js';
import { getOrganisationRow } from './get-organisation.js';
import { type Organisation, toOrganisation } from './organisation.js';
import type { SetOrganisationStatusRequest } from './set-organisation-status.schema.js';

/** Suspend or reactivate an organisation: while suspended, its users cannot sign in and its tokens do not work. */
export async function changeOrganisationStatus(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  input: SetOrganisationStatusRequest,
): Promise<Organisation> {
  const org = await getOrganisationRow(db, actor, id);
  if (!isPlatform(actor)) throw forbidden('Only the platform administrator suspends or reactivates organisations');
  if (org.kind === 'platform' && input.status !== 'active')
    throw new AppError('invalid_transition', 'The platform organisation cannot be suspended');
  if (org.status === 'closed') throw new AppError('invalid_transition', 'A closed organisation stays closed');
  if (org.status === input.status) return toOrganisation(org);
  return db.transaction().execute(async (trx) => {
    const row = await setOrganisationStatus(trx, org.id, input.status);
    await recordEvent(trx, actor, {
      action: input.status === 'suspended' ? 'organisation.suspended' : 'organisation.activated',
      subjectType: 'organisation',
      subjectId: org.id,
      organisationIds: [org.id],
      countries: [org.country],
      details: { from: org.status, to: input.status, reason: input.reason },
    });
    return toOrganisation(row);
  });
}
