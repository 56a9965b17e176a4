import type { Kysely } from 'kysely';
import { type Actor, isPlatform } from '../../../core/auth/actor.js';
import { AppError, conflict, invalid, type FieldProblem } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import { recordEvent } from '../../audit/record-event.js';
import { seesPassport, workerRelation } from '../access.js';
import { countryExists } from '../queries/organisations.js';
import { uniqueViolation } from '../queries/unique-violation.js';
import { insertWorker } from '../queries/workers.js';
import type { RegisterWorkerRequest } from './register-worker.schema.js';
import { toWorker, type Worker } from './worker.js';

/** An origin authority or a recruitment agency registers nationals of its own country; the platform anyone. */
export async function registerWorker(db: Kysely<DB>, actor: Actor, input: RegisterWorkerRequest, now = new Date()): Promise<Worker> {
  if (!isPlatform(actor) && input.nationality !== actor.country)
    throw new AppError('forbidden', `You register only nationals of ${actor.country ?? 'your country'}`, [
      { pointer: '/nationality', message: `must be ${actor.country ?? 'your country'}`, code: 'worker.nationality_not_yours', params: { country: actor.country ?? '' } },
    ]);
  const problems: FieldProblem[] = [];
  if (!(await countryExists(db, input.nationality)))
    problems.push({ pointer: '/nationality', message: `${input.nationality} is not an ISO 3166-1 alpha-3 country code`, code: 'reference.country_unknown', params: { value: input.nationality } });
  if (input.birth_date > now.toISOString().slice(0, 10) || input.birth_date < '1900-01-01')
    problems.push({ pointer: '/birth_date', message: 'must be a past date after 1900', code: 'worker.birth_date_invalid' });
  if (problems.length) throw invalid('The worker cannot be registered as given', problems);
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await insertWorker(trx, {
        full_name: input.full_name,
        sex: input.sex,
        birth_date: input.birth_date,
        nationality: input.nationality,
        passport_no: input.passport_no?.toUpperCase() ?? null,
        person_id: input.person_id ?? null,
        registered_by: actor.organisationId ?? null,
      });
      await recordEvent(trx, actor, {
        action: 'worker.registered',
        subjectType: 'worker',
        subjectId: row.id,
        countries: [row.nationality],
        details: { nationality: row.nationality },
      });
      const relation = workerRelation(actor, row);
      return toWorker(row, !!relation && seesPassport(relation));
    });
  } catch (err) {
    const constraint = uniqueViolation(err);
    if (constraint === 'workers_passport_unique') throw conflict(`A worker of ${input.nationality} with this passport number is already registered`);
    if (constraint === 'workers_person_id_unique') throw conflict('A worker with this person id is already registered');
    throw err;
  }
}
