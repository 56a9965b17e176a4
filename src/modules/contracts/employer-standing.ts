import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors.js';
import type { DB } from '../../schema.js';
import { isEmployerSuspended } from '../wages/follow-up/employer-suspension.js';

/**
 * Two months of unpaid or underpaid wages suspend an employer's new contracts (PRODUCT.md 5.3,
 * set by the wage follow-up run). Amendments of existing contracts stay possible: they protect
 * workers already employed.
 */
export async function refuseIfSuspended(db: Kysely<DB>, employerId: string, on: string): Promise<void> {
  if (await isEmployerSuspended(db, employerId, on))
    throw new AppError('conflict', 'This employer is suspended from new contracts for unpaid or underpaid wages; pay the wages owed (see GET /api/v1/wages/escalations)', [], {
      reason: 'employer_wage_suspension',
    });
}
