import type { Kysely } from 'kysely';
import type { Actor } from '../../../core/auth/actor.js';
import { notFound } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import { recordEvent } from '../../audit/record-event.js';
import { isUuid, seesPassport, workerRelation } from '../access.js';
import { findWorker } from '../queries/workers.js';
import { toWorker, type Worker } from './worker.js';

/**
 * A worker's record, for the worker, their origin authority, who registered them and the platform
 * (anyone else: not found). Every read by someone other than the worker is audited.
 */
export async function getWorker(db: Kysely<DB>, actor: Actor, id: string): Promise<Worker> {
  const row = isUuid(id) ? await findWorker(db, id) : undefined;
  const relation = row && workerRelation(actor, row);
  if (!row || !relation) throw notFound(`Worker ${id}`);
  if (relation !== 'self')
    await recordEvent(db, actor, {
      action: 'worker.read',
      subjectType: 'worker',
      subjectId: row.id,
      countries: [row.nationality],
      details: { as: relation },
    });
  return toWorker(row, seesPassport(relation));
}
