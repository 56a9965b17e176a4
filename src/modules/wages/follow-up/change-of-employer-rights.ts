import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../../../core/auth/actor.js';
import { forbidden } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import { resultsInView, wageView } from '../access.js';

export const ChangeOfEmployerRight = z.object({
  worker_id: z.string(),
  employer_id: z.string(),
  employer_name: z.string(),
  contract_no: z.string(),
  corridor: z.string(),
  granted_on: z.string(),
  months: z.array(z.string()).describe('Salary months owed when it was granted, YYYY-MM'),
});
export const ChangeOfEmployerRights = z.object({ rights: z.array(ChangeOfEmployerRight) });
export type ChangeOfEmployerRights = z.infer<typeof ChangeOfEmployerRights>;

/** Workers' rights to change employer without consent: the worker their own, the authorities their side (PRODUCT.md 5.3). */
export async function listChangeOfEmployerRights(db: Kysely<DB>, actor: Actor): Promise<ChangeOfEmployerRights> {
  const view = wageView(actor);
  if (view.kind === 'employer' || view.kind === 'agent' || view.kind === 'none') throw forbidden('Only the worker and the authorities see this right');
  const { rows } = await sql<z.infer<typeof ChangeOfEmployerRight>>`
    SELECT r.worker_id, r.employer_id, o.name AS employer_name, c.contract_no, r.corridor_code AS corridor, r.granted_on,
      ARRAY(SELECT to_char(m, 'YYYY-MM') FROM unnest(r.months) m ORDER BY m) AS months
    FROM wage_employer_change_rights r
    JOIN contracts c ON c.employer_id = r.employer_id AND c.id = r.contract_id
    JOIN organisations o ON o.id = r.employer_id
    WHERE ${resultsInView(view)}
    ORDER BY r.granted_on DESC, c.contract_no
    LIMIT 10000`.execute(db);
  return { rights: rows };
}
