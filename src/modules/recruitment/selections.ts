import type { Kysely } from 'kysely';
import { type Actor, requireScope } from '../../core/auth/actor.js';
import { conflict, forbidden, notFound } from '../../core/errors.js';
import { parseOrThrow } from '../../core/validation.js';
import type { DB } from '../../schema.js';
import { recordEvent } from '../audit/record-event.js';
import { today } from '../corridors/read-corridors.js';
import { createContract } from '../contracts/create-contract.js';
import { offerContract } from '../contracts/offer-contract.js';
import { findJobOrder, type JobOrderRow, partOf, termsFor } from './job-orders.js';
import { requireActiveLicence } from './licences.js';
import { SelectRequest, type Selection } from './recruitment.schema.js';
import { rankCandidates } from './shortlist.js';

async function selectionView(db: Kysely<DB>, id: string): Promise<Selection> {
  const row = await db.selectFrom('job_order_selections as s').leftJoin('contracts as c', 'c.id', 's.contract_id')
    .select(['s.id', 's.job_order_id', 's.candidate_id', 's.worker_id', 's.rank', 's.reasons', 's.contract_id', 'c.status as contract_status'])
    .where('s.id', '=', id).executeTakeFirstOrThrow();
  return { ...row, reasons: row.reasons as string[], contract_status: row.contract_status ?? null };
}

/** A job order can take selections: verified, positions left, and its origin agency still licensed. */
async function requireOpen(db: Kysely<DB>, job: JobOrderRow): Promise<void> {
  if (job.status !== 'verified')
    throw conflict(job.status === 'submitted' ? 'The origin authority has not verified this job order yet' : `The job order is ${job.status}`, { reason: `job_order_${job.status}` });
  await requireActiveLicence(db, job.origin_agency_id, today());
}

/**
 * The employer or the origin agency selects a candidate from the shortlist. When the employer
 * selects, the contract is drafted from the job order's terms and offered to the worker at
 * once; when the agency selects, the employer makes the offer (offerSelection).
 */
export async function selectCandidate(db: Kysely<DB>, actor: Actor, jobId: string, input: unknown): Promise<Selection> {
  requireScope(actor, 'recruitment:select');
  const { candidate_id } = parseOrThrow(SelectRequest, input, 'selection');
  const job = await findJobOrder(db, actor, jobId);
  const part = partOf(actor, job);
  if (part !== 'employer' && part !== 'origin_agency') throw forbidden('Only the employer or the origin agency selects candidates');
  await requireOpen(db, job);
  const id = await db.transaction().execute(async (trx) => {
    await trx.selectFrom('job_orders').select('id').where('id', '=', job.id).forUpdate().execute();
    const made = await trx.selectFrom('job_order_selections').select((eb) => eb.fn.countAll<string>().as('n')).where('job_order_id', '=', job.id).executeTakeFirstOrThrow();
    if (Number(made.n) >= job.positions) throw conflict(`All ${job.positions} positions of this job order are taken`, { reason: 'positions_filled' });
    const [entry] = await rankCandidates(trx, job, 1, candidate_id);
    if (!entry) throw notFound(`Candidate ${candidate_id}`);
    const rank = (await rankCandidates(trx, job, 200)).find((e) => e.candidate_id === candidate_id)?.rank ?? null;
    const row = await trx.insertInto('job_order_selections').values({
      job_order_id: job.id, candidate_id, worker_id: entry.worker_id, selected_by_organisation_id: actor.organisationId ?? null,
      rank, reasons: JSON.stringify(entry.reasons),
    }).returning('id').executeTakeFirstOrThrow();
    await trx.updateTable('recruitment_candidates').set({ available: false, updated_at: new Date() }).where('id', '=', candidate_id).execute();
    await recordEvent(trx, actor, {
      action: 'recruitment.candidate.selected', subjectType: 'job_order', subjectId: job.id,
      organisationIds: [job.employer_id, job.origin_agency_id, job.destination_liable_id], countries: [job.origin],
      details: { worker_id: entry.worker_id, rank, score: entry.score },
    });
    return row.id;
  });
  if (part === 'employer') return offerSelection(db, actor, id);
  return selectionView(db, id);
}

/** The employer offers the selected worker a contract made from the job order's terms (draft, then offer). */
export async function offerSelection(db: Kysely<DB>, actor: Actor, selectionId: string): Promise<Selection> {
  requireScope(actor, 'recruitment:select');
  const sel = await db.selectFrom('job_order_selections').selectAll().where('id', '=', selectionId).executeTakeFirst();
  if (!sel) throw notFound(`Selection ${selectionId}`);
  const job = await findJobOrder(db, actor, sel.job_order_id);
  if (partOf(actor, job) !== 'employer') {
    if (partOf(actor, job)) throw forbidden('Only the employer offers the contract');
    throw notFound(`Selection ${selectionId}`);
  }
  if (!sel.contract_id) {
    await requireOpen(db, job);
    const draft = await createContract(db, actor, { terms: termsFor(job, sel.worker_id) }, { job_order_id: job.id });
    await db.updateTable('job_order_selections').set({ contract_id: draft.id }).where('id', '=', sel.id).where('contract_id', 'is', null).execute();
    await offerContract(db, actor, draft.id);
  } else {
    const contract = await db.selectFrom('contracts').select('status').where('id', '=', sel.contract_id).executeTakeFirstOrThrow();
    if (contract.status === 'draft') await offerContract(db, actor, sel.contract_id);
  }
  return selectionView(db, sel.id);
}

/** Selections of a job order, for whoever may see the job order. */
export async function listSelections(db: Kysely<DB>, actor: Actor, jobId: string): Promise<Selection[]> {
  requireScope(actor, 'recruitment:read');
  const job = await findJobOrder(db, actor, jobId);
  const ids = await db.selectFrom('job_order_selections').select('id').where('job_order_id', '=', job.id).orderBy('created_at').execute();
  return Promise.all(ids.map((r) => selectionView(db, r.id)));
}
