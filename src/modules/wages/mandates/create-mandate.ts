import type { Kysely } from 'kysely';
import { type Actor, isPlatform, requireScope } from '../../../core/auth/actor.js';
import { AppError, notFound } from '../../../core/errors.js';
import { parseOrThrow } from '../../../core/validation.js';
import type { DB } from '../../../schema.js';
import { recordEvent } from '../../audit/record-event.js';
import { CreateMandateRequest, type Mandate } from './mandate.schema.js';

/**
 * An employer names the wage agent that submits its salary files; the destination authority
 * (for employers in its country) or the platform may record it too. Recording it again changes nothing.
 */
export async function createMandate(db: Kysely<DB>, actor: Actor, input: unknown): Promise<{ mandate: Mandate; created: boolean }> {
  requireScope(actor, 'wages:mandate');
  const req = parseOrThrow(CreateMandateRequest, input, 'mandate');
  const orgs = await db.selectFrom('organisations').select(['id', 'kind', 'country']).where('id', 'in', [req.employer_id, req.agent_id]).execute();
  const employer = orgs.find((o) => o.id === req.employer_id && o.kind === 'employer');
  const mayManage =
    employer &&
    (isPlatform(actor) ||
      actor.organisationId === employer.id ||
      (actor.organisationKind === 'destination_authority' && actor.country === employer.country));
  if (!employer || !mayManage) throw notFound(`Employer ${req.employer_id}`);
  if (!orgs.some((o) => o.id === req.agent_id && o.kind === 'wage_agent'))
    throw new AppError('validation_failed', 'The agent is not a wage agent', [{ pointer: '/agent_id', message: 'not a wage agent organisation', code: 'organisation.not_wage_agent' }]);
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('wage_mandates')
      .values({ employer_id: employer.id, agent_id: req.agent_id, created_by_organisation_id: actor.organisationId ?? null })
      .onConflict((oc) => oc.columns(['employer_id', 'agent_id']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) {
      await recordEvent(trx, actor, {
        action: 'wages.mandate.created', subjectType: 'wage_mandate', subjectId: employer.id,
        organisationIds: [employer.id, req.agent_id], countries: [employer.country], details: { agent_id: req.agent_id },
      });
    }
    const row = inserted ?? (await trx.selectFrom('wage_mandates').selectAll().where('employer_id', '=', employer.id).where('agent_id', '=', req.agent_id).executeTakeFirstOrThrow());
    return { mandate: { ...row, created_at: row.created_at.toISOString() }, created: inserted !== undefined };
  });
}
