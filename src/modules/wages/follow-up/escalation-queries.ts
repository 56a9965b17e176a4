import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../../schema.js';
import type { Escalation } from './escalation.schema.js';

type Row = Omit<Escalation, 'justification'> & {
  justification_category: string | null; justification_text: string | null; justified_at: Date | null;
  worker_response: 'accept' | 'contest' | null; worker_comment: string | null; worker_language: string | null; responded_at: Date | null;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toEscalation(r: Row): Escalation {
  const { justification_category, justification_text, justified_at, worker_response, worker_comment, worker_language, responded_at, ...rest } = r;
  return {
    ...rest,
    justification: justified_at
      ? { category: justification_category!, text: justification_text!, filed_at: iso(justified_at)!, worker_response, worker_comment, worker_language, responded_at: iso(responded_at) }
      : null,
  };
}

/** Escalations matching `where` (on alias r, the wage_escalations row, so that resultsInView applies). */
export async function findEscalations(db: Kysely<DB>, where: RawBuilder<boolean>, limit = 1): Promise<Escalation[]> {
  const { rows } = await sql<Row>`
    SELECT r.id, r.employer_id, o.name AS employer_name, c.contract_no, r.worker_id, to_char(r.month, 'YYYY-MM') AS period,
      r.corridor_code AS corridor, r.wage_status, r.deadline, r.step, r.steps, r.state, r.resolution, r.closed_on,
      r.justification_category, r.justification_text, r.justified_at, r.worker_response, r.worker_comment, r.worker_language, r.responded_at
    FROM wage_escalations r
    JOIN contracts c ON c.employer_id = r.employer_id AND c.id = r.contract_id
    JOIN organisations o ON o.id = r.employer_id
    WHERE ${where}
    ORDER BY r.month DESC, o.name, c.contract_no
    LIMIT ${limit}`.execute(db);
  return rows.map(toEscalation);
}
