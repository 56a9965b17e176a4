import type { Kysely } from 'kysely';
import { z } from 'zod';
import { type Actor, isPlatform } from '../../../core/auth/actor.js';
import type { DB } from '../../../schema.js';
import type { SubstitutionReport } from './check-substitution.schema.js';
import { toReport } from './check-substitution.js';

export const ListReportsQuery = z.object({
  contract_no: z.string().max(64).optional(),
  only_substitution: z.enum(['true', 'false']).optional().describe('Only reports that found something'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListReportsQuery = z.infer<typeof ListReportsQuery>;

/** The reports the actor may see: the worker theirs, the employer its own, each authority its side's. */
export async function listReports(db: Kysely<DB>, actor: Actor, q: ListReportsQuery): Promise<SubstitutionReport[]> {
  let query = db.selectFrom('substitution_reports').selectAll().orderBy('created_at', 'desc').limit(q.limit);
  if (!isPlatform(actor)) {
    if (actor.workerId) query = query.where('worker_id', '=', actor.workerId);
    else if (actor.organisationKind === 'origin_authority') query = query.where('origin_country', '=', actor.country ?? '');
    else if (actor.organisationKind === 'destination_authority') query = query.where('destination_country', '=', actor.country ?? '');
    else query = query.where('employer_id', '=', actor.organisationId ?? '00000000-0000-0000-0000-000000000000');
  }
  if (q.contract_no) query = query.where('contract_no', '=', q.contract_no);
  if (q.only_substitution === 'true') query = query.where('findings', '!=', '[]');
  return (await query.execute()).map(toReport);
}
