import { type Kysely, sql } from 'kysely';
import { type Actor, isPlatform, requireScope } from '../../../core/auth/actor.js';
import { forbidden } from '../../../core/errors.js';
import { parseOrThrow } from '../../../core/validation.js';
import type { DB } from '../../../schema.js';
import { recordEvent } from '../../audit/record-event.js';
import { today } from '../reconcile/period.js';
import { advanceEscalationsSql, changeRightsSql, suspensionsSql } from './follow-up-sql.js';
import { FollowUpRequest, type FollowUpSummary } from './run-follow-up.schema.js';

/**
 * Runs the follow-up ladder (PRODUCT.md 5.3) over the stored reconciliation, for every
 * employer: cases advance, suspensions start or lift, rights to change employer are granted.
 * Three set-based statements in one transaction; running it twice on a day changes nothing.
 * A destination authority runs it for the employers established in its country; the platform for all.
 */
export async function runFollowUp(db: Kysely<DB>, actor: Actor, input: unknown): Promise<FollowUpSummary> {
  requireScope(actor, 'wages:reconcile');
  if (!isPlatform(actor) && (actor.organisationKind !== 'destination_authority' || !actor.country)) throw forbidden('Only the destination authority runs the wage follow-up');
  const req = parseOrThrow(FollowUpRequest, input, 'follow-up request');
  const asOf = req.as_of ?? today();
  const country = isPlatform(actor) ? undefined : actor.country;
  return db.transaction().execute(async (trx) => {
    const changes = (await advanceEscalationsSql(asOf, country).execute(trx)).rows;
    const n = (change: string) => changes.filter((c) => c.change === change).reduce((a, c) => a + c.n, 0);
    const suspensions = (await suspensionsSql(asOf, country).execute(trx)).rows[0]!;
    const rights = (await changeRightsSql(asOf, country).execute(trx)).rows[0]!;
    const open = await sql<{ n: number }>`SELECT count(*)::int AS n FROM wage_escalations e WHERE e.state = 'open'
      ${country ? sql`AND e.employer_id IN (SELECT o.id FROM organisations o WHERE o.country = ${country})` : sql``}`.execute(trx);
    const summary: FollowUpSummary = {
      as_of: asOf,
      opened: n('opened'),
      advanced: n('advanced'),
      closed: n('closed') + n('recorded_closed'),
      reminders: n('step:reminder'),
      warnings: n('step:warning'),
      inspections: n('step:inspection'),
      open_cases: open.rows[0]!.n,
      suspensions_started: suspensions.started,
      suspensions_lifted: suspensions.lifted,
      change_of_employer_rights: rights.granted,
    };
    await recordEvent(trx, actor, {
      action: 'wages.follow_up.run', subjectType: 'wage_follow_up', subjectId: asOf,
      countries: actor.country ? [actor.country] : [], details: summary,
    });
    return summary;
  });
}
