import { type Kysely, sql } from 'kysely';
import { type Actor, requireScope } from '../../../core/auth/actor.js';
import { conflict, forbidden } from '../../../core/errors.js';
import { parseOrThrow } from '../../../core/validation.js';
import type { DB } from '../../../schema.js';
import { recordEvent } from '../../audit/record-event.js';
import { type Escalation, ResponseRequest } from './escalation.schema.js';
import { getEscalation } from './list-escalations.js';

/**
 * The worker answers the employer's justification from their own account, in their own
 * language (their account's): accepting closes the case as justified; contesting keeps it open.
 */
export async function respondToJustification(db: Kysely<DB>, actor: Actor, id: string, input: unknown): Promise<Escalation> {
  requireScope(actor, 'wages:respond');
  if (!actor.workerId) throw forbidden('Only the worker answers a justification');
  const req = parseOrThrow(ResponseRequest, input, 'response');
  const current = await getEscalation(db, actor, id);
  if (current.state !== 'open') throw conflict(`The case is closed (${current.resolution})`);
  if (!current.justification || current.justification.worker_response) throw conflict('There is no justification waiting for your answer');
  const accept = req.response === 'accept';
  return db.transaction().execute(async (trx) => {
    const updated = await sql`
      UPDATE wage_escalations e SET worker_response = ${req.response}, worker_comment = ${req.comment}, responded_at = now(),
        worker_language = (SELECT u.language FROM users u WHERE u.id = ${actor.userId ?? null}),
        state = ${accept ? 'closed' : 'open'}, resolution = ${accept ? 'justified' : null}, closed_on = ${accept ? sql`current_date` : null},
        updated_at = now()
      WHERE e.id = ${current.id} AND e.worker_id = ${actor.workerId} AND e.state = 'open' AND e.justified_at IS NOT NULL AND e.worker_response IS NULL`.execute(trx);
    if (Number(updated.numAffectedRows ?? 0) !== 1) throw conflict('The case changed meanwhile; read it again');
    await recordEvent(trx, actor, {
      action: accept ? 'wages.escalation.justification_accepted' : 'wages.escalation.justification_contested',
      subjectType: 'wage_escalation', subjectId: current.id,
      organisationIds: [current.employer_id], details: { period: current.period, comment: req.comment },
    });
    return getEscalation(trx, actor, current.id);
  });
}
