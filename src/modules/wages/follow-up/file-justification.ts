import { type Kysely, sql } from 'kysely';
import { type Actor, requireScope } from '../../../core/auth/actor.js';
import { conflict, forbidden } from '../../../core/errors.js';
import { parseOrThrow } from '../../../core/validation.js';
import type { DB } from '../../../schema.js';
import { recordEvent } from '../../audit/record-event.js';
import { type Escalation, JustificationRequest } from './escalation.schema.js';
import { getEscalation } from './list-escalations.js';

/**
 * The employer explains an open case (PRODUCT.md 5.3). The worker then accepts it (the case
 * closes) or contests it (the case goes on up the ladder; the employer may file once more).
 * The ladder does not wait for the answer.
 */
export async function fileJustification(db: Kysely<DB>, actor: Actor, id: string, input: unknown): Promise<Escalation> {
  requireScope(actor, 'wages:justify');
  if (actor.organisationKind !== 'employer') throw forbidden('Only the employer justifies its wage payments');
  const req = parseOrThrow(JustificationRequest, input, 'justification');
  const current = await getEscalation(db, actor, id);
  if (current.state !== 'open') throw conflict(`The case is closed (${current.resolution})`);
  if (current.justification && current.justification.worker_response !== 'contest') throw conflict('A justification is already waiting for the worker\'s answer');
  return db.transaction().execute(async (trx) => {
    const updated = await sql`
      UPDATE wage_escalations SET justification_category = ${req.category}, justification_text = ${req.text}, justified_at = now(),
        justified_by = ${actor.userId ?? null}, worker_response = NULL, worker_comment = NULL, worker_language = NULL, responded_at = NULL, updated_at = now()
      WHERE id = ${current.id} AND state = 'open' AND (justified_at IS NULL OR worker_response = 'contest')`.execute(trx);
    if (Number(updated.numAffectedRows ?? 0) !== 1) throw conflict('The case changed meanwhile; read it again');
    await recordEvent(trx, actor, {
      action: 'wages.escalation.justified', subjectType: 'wage_escalation', subjectId: current.id,
      organisationIds: [current.employer_id], details: { period: current.period, category: req.category, text: req.text },
    });
    return getEscalation(trx, actor, current.id);
  });
}
