import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { type Actor, isPlatform } from '../../core/auth/actor.js';
import type { DB } from '../../schema.js';
import type { ListQuery } from './contract.schema.js';
import { contractStage } from './contract-view.js';
import { initialsOf } from './initials.js';

export const ContractSummary = z.object({
  id: z.string(),
  contract_no: z.string(),
  corridor: z.string(),
  status: z.string(),
  stage: z.string(),
  employer: z.object({ id: z.string(), name: z.string() }),
  worker: z.object({ id: z.string(), initials: z.string() }),
  current_version: z.number().int(),
  registered_version: z.number().int().nullable(),
  start_date: z.string(),
  end_date: z.string(),
  updated_at: z.string(),
});
export const ContractList = z.object({
  contracts: z.array(ContractSummary),
  next_offset: z.number().int().nullable().describe('Offset of the next page; null on the last'),
});
export type ContractList = z.infer<typeof ContractList>;

const NONE = '00000000-0000-0000-0000-000000000000';

/**
 * The contracts the actor may see, by the rules of contract-access.ts in SQL: the employer its
 * own, the worker theirs from the offer on, the origin authority its nationals' from the offer
 * on, the destination authority those in its country from the acceptance on, the platform all.
 */
export async function listContracts(db: Kysely<DB>, actor: Actor, q: ListQuery): Promise<ContractList> {
  const since = (column: 'offered_at' | 'accepted_at') =>
    sql<boolean>`EXISTS (SELECT 1 FROM contract_versions v WHERE v.employer_id = contracts.employer_id
      AND v.contract_id = contracts.id AND v.${sql.ref(column)} IS NOT NULL)`;
  let query = db
    .selectFrom('contracts')
    .innerJoin('contract_versions', (j) =>
      j
        .onRef('contract_versions.employer_id', '=', 'contracts.employer_id')
        .onRef('contract_versions.contract_id', '=', 'contracts.id')
        .onRef('contract_versions.version', '=', 'contracts.current_version'))
    .innerJoin('organisations', 'organisations.id', 'contracts.employer_id')
    .innerJoin('workers', 'workers.id', 'contracts.worker_id')
    .selectAll('contracts')
    .select(['contract_versions.state', 'contract_versions.start_date', 'contract_versions.end_date', 'organisations.name as employer_name', 'workers.full_name'])
    .orderBy('contracts.created_at', 'desc')
    .orderBy('contracts.id', 'desc')
    .limit(q.limit + 1)
    .offset(q.offset);

  if (!isPlatform(actor)) {
    const kind = actor.organisationKind;
    query = query.where((eb) =>
      eb.or([
        eb('contracts.employer_id', '=', actor.organisationId ?? NONE),
        eb.and([eb('contracts.worker_id', '=', actor.workerId ?? NONE), since('offered_at')]),
        ...(kind === 'origin_authority' && actor.country ? [eb.and([eb('contracts.origin_country', '=', actor.country), since('offered_at')])] : []),
        ...(kind === 'destination_authority' && actor.country
          ? [eb.and([eb('contracts.destination_country', '=', actor.country), since('accepted_at')])]
          : []),
      ]),
    );
  }
  if (q.status) query = query.where('contracts.status', '=', q.status);
  if (q.corridor) query = query.where('contracts.corridor_code', '=', q.corridor);

  const rows = await query.execute();
  const page = rows.slice(0, q.limit);
  return {
    contracts: page.map((r) => ({
      id: r.id,
      contract_no: r.contract_no,
      corridor: r.corridor_code,
      status: r.status,
      stage: contractStage(r, r),
      employer: { id: r.employer_id, name: r.employer_name },
      worker: { id: r.worker_id, initials: initialsOf(r.full_name) },
      current_version: r.current_version,
      registered_version: r.registered_version,
      start_date: r.start_date,
      end_date: r.end_date,
      updated_at: r.updated_at.toISOString(),
    })),
    next_offset: rows.length > q.limit ? q.offset + q.limit : null,
  };
}
