import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../../../core/auth/actor.js';
import { notFound } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import { isUuid } from '../../identity/access.js';
import { filesInView, wageView } from '../access.js';
import { type Acknowledgement, toAcknowledgement } from './acknowledgement.js';

export const ListFilesQuery = z.object({
  status: z.enum(['accepted', 'rejected', 'duplicate']).optional(),
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional().describe('Salary month, YYYY-MM'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListFilesQuery = z.infer<typeof ListFilesQuery>;

/** Acknowledgements in the actor's view (an agent its own submissions, an employer its own files), newest first, without their problem lists. */
export async function listFiles(db: Kysely<DB>, actor: Actor, query: ListFilesQuery): Promise<Acknowledgement[]> {
  let q = db.selectFrom('salary_files').selectAll().where(filesInView(wageView(actor), 'salary_files'));
  if (query.status) q = q.where('status', '=', query.status);
  if (query.period) q = q.where('salary_month', '=', `${query.period}-01`);
  const rows = await q.orderBy('received_at', 'desc').limit(query.limit).execute();
  return rows.map((r) => ({ ...toAcknowledgement(r), errors: [], warnings: [] }));
}

/** One acknowledgement with its errors and warnings by line; outside the view it does not exist. */
export async function getFile(db: Kysely<DB>, actor: Actor, id: string): Promise<Acknowledgement> {
  const row = isUuid(id)
    ? await db.selectFrom('salary_files').selectAll().where('id', '=', id).where(filesInView(wageView(actor), 'salary_files')).executeTakeFirst()
    : undefined;
  if (!row) throw notFound(`Salary file ${id}`);
  return toAcknowledgement(row);
}
