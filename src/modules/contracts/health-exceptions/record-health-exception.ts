import type { Kysely } from 'kysely';
import type { Actor } from '../../../core/auth/actor.js';
import { invalid, notFound } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import { recordEvent } from '../../audit/record-event.js';
import { requireSide } from '../../corridors/authority.js';
import { findCorridor } from '../../corridors/corridor-queries.js';
import { type HealthExceptionRow, insertHealthException, listHealthExceptions } from './health-exception-queries.js';
import type { HealthException, HealthExceptionRequest } from './record-health-exception.schema.js';

const toView = (row: HealthExceptionRow): HealthException => ({
  id: row.id,
  corridor: row.corridor_code,
  occupation_isco: row.occupation_isco,
  reference: row.reference,
  valid_from: row.valid_from,
  valid_to: row.valid_to,
  recorded_by_organisation_id: row.recorded_by_organisation_id,
  recorded_at: row.recorded_at.toISOString(),
});

/**
 * Either government of the corridor records a government-to-government agreement under which
 * health personnel may be recruited from a WHO safeguard-list origin (WHO Global Code, art. 5).
 */
export async function recordHealthException(db: Kysely<DB>, actor: Actor, code: string, input: HealthExceptionRequest): Promise<HealthException> {
  const corridor = await findCorridor(db, code);
  if (!corridor) throw notFound(`Corridor ${code}`);
  const side = requireSide(actor, corridor);
  if (input.occupation_isco) {
    const known = await db.selectFrom('occupations').select('code').where('code', '=', input.occupation_isco).where('level', '=', 4).executeTakeFirst();
    if (!known) throw invalid('The exception is not valid', [{ pointer: '/occupation_isco', message: 'not an ISCO-08 unit group', code: 'reference.occupation_unknown', params: { value: input.occupation_isco } }]);
  }
  return db.transaction().execute(async (trx) => {
    const row = await insertHealthException(trx, {
      corridor_code: code,
      occupation_isco: input.occupation_isco,
      reference: input.reference,
      valid_from: input.valid_from,
      valid_to: input.valid_to,
      recorded_by_organisation_id: actor.organisationId ?? null,
    });
    await recordEvent(trx, actor, {
      action: 'corridor.health_exception.recorded',
      subjectType: 'health_safeguard_exception',
      subjectId: row.id,
      countries: [corridor.origin, corridor.destination],
      details: { corridor: code, side, occupation_isco: row.occupation_isco, reference: row.reference, valid_from: row.valid_from, valid_to: row.valid_to },
    });
    return toView(row);
  });
}

export async function healthExceptions(db: Kysely<DB>, code: string): Promise<HealthException[]> {
  if (!(await findCorridor(db, code))) throw notFound(`Corridor ${code}`);
  return (await listHealthExceptions(db, code)).map(toView);
}
