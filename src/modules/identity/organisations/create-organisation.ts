import type { Kysely } from 'kysely';
import { type Actor, isPlatform } from '../../../core/auth/actor.js';
import { conflict, forbidden, invalid } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import { recordEvent } from '../../audit/record-event.js';
import { countryExists, insertOrganisation } from '../queries/organisations.js';
import { uniqueViolation } from '../queries/unique-violation.js';
import type { CreateOrganisationRequest } from './create-organisation.schema.js';
import { type Organisation, toOrganisation } from './organisation.js';

/** The platform operator enrols an organisation. */
export async function createOrganisation(db: Kysely<DB>, actor: Actor, input: CreateOrganisationRequest): Promise<Organisation> {
  if (!isPlatform(actor)) throw forbidden('Only the platform administrator enrols organisations');
  if (!(await countryExists(db, input.country)))
    throw invalid('The country is not known', [{ pointer: '/country', message: `${input.country} is not an ISO 3166-1 alpha-3 country code`, code: 'reference.country_unknown', params: { value: input.country } }]);
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await insertOrganisation(trx, input);
      await recordEvent(trx, actor, {
        action: 'organisation.created',
        subjectType: 'organisation',
        subjectId: row.id,
        organisationIds: [row.id],
        countries: [row.country],
        details: { kind: row.kind, name: row.name, country: row.country, external_id: row.external_id },
      });
      return toOrganisation(row);
    });
  } catch (err) {
    if (uniqueViolation(err))
      throw conflict(`A ${input.kind} with external id ${input.external_id} is already enrolled in ${input.country}`);
    throw err;
  }
}
