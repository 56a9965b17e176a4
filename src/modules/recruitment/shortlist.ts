import { type Kysely, sql } from 'kysely';
import { type Actor, requireScope } from '../../core/auth/actor.js';
import { forbidden } from '../../core/errors.js';
import type { DB } from '../../schema.js';
import { findJobOrder, type JobOrderRow, partOf } from './job-orders.js';
import type { ShortlistEntry } from './recruitment.schema.js';

/** Points per match: the same unit group first, then each skill or certificate, then each language. */
export const WEIGHTS = { occupation: 100, skill: 10, certificate: 10, language: 5 } as const;

interface Row {
  candidate_id: string;
  worker_id: string;
  worker_name: string;
  occupation_isco: string;
  score: number;
  skills: string[];
  certificates: string[];
  languages: string[];
}

/**
 * The ranked shortlist of a job order, in one set-based statement: the pool is the available
 * candidates of the corridor's origin in the job's ISCO-08 minor group, registered by the job
 * order's origin agency or by the workers themselves (an agency never sees another's
 * candidates), not yet selected for it. Rank by points (WEIGHTS); ties by who registered first.
 * Indexes: recruitment_candidates_shortlist (minor group, nationality, agency) and, for the unit-group
 * pass, recruitment_candidates_unit_group (unit group, nationality), both WHERE available.
 */
export async function rankCandidates(db: Kysely<DB>, job: JobOrderRow, limit: number, candidateId?: string): Promise<ShortlistEntry[]> {
  // When the most a candidate can score for skills, certificates and languages is below the points for the
  // same unit group, everyone in the job's unit group outranks everyone else: if the unit group alone fills
  // the list, nobody else can enter it, and only that (smaller) part of the pool is ranked.
  const maxRest = WEIGHTS.skill * job.required_skills.length + WEIGHTS.certificate * job.required_certificates.length + WEIGHTS.language * job.required_languages.length;
  if (!candidateId && maxRest < WEIGHTS.occupation) {
    const exact = await rankPool(db, job, limit, true);
    if (exact.length === limit) return exact;
  }
  return rankPool(db, job, limit, false, candidateId);
}

async function rankPool(db: Kysely<DB>, job: JobOrderRow, limit: number, exactOnly: boolean, candidateId?: string): Promise<ShortlistEntry[]> {
  // The score is a sum of plain membership tests, one per required item (`'x' = ANY(c.skills)`): no per-row
  // subquery, so ranking the whole pool is one scan and a top-N sort. What matched is worked out for the top rows only.
  const member = (column: 'skills' | 'certificates' | 'languages', wanted: string[], weight: number) =>
    wanted.map((x) => sql`+ CASE WHEN ${x}::text = ANY(c.${sql.ref(column)}) THEN ${weight} ELSE 0 END`);
  const { rows } = await sql<Row>`
    WITH scored AS (
      SELECT c.id, c.worker_id, c.occupation_isco, c.created_at, c.skills, c.certificates, c.languages,
        (CASE WHEN c.occupation_isco = ${job.occupation_isco} THEN ${WEIGHTS.occupation} ELSE 0 END
          ${sql.join(member('skills', job.required_skills, WEIGHTS.skill), sql` `)}
          ${sql.join(member('certificates', job.required_certificates, WEIGHTS.certificate), sql` `)}
          ${sql.join(member('languages', job.required_languages, WEIGHTS.language), sql` `)})::int AS score
      FROM recruitment_candidates c
      WHERE c.available AND c.occupation_minor = ${job.occupation_isco.slice(0, 3)} AND c.nationality = ${job.origin}
        AND (c.registered_by_organisation_id = ${job.origin_agency_id} OR c.registered_by_organisation_id IS NULL)
        AND NOT EXISTS (SELECT 1 FROM job_order_selections s WHERE s.job_order_id = ${job.id} AND s.worker_id = c.worker_id)
        ${candidateId ? sql`AND c.id = ${candidateId}` : sql``}
        ${exactOnly ? sql`AND c.occupation_isco = ${job.occupation_isco}` : sql``}
      ORDER BY score DESC, c.created_at, c.id
      LIMIT ${limit}
    )
    SELECT s.id AS candidate_id, s.worker_id, w.full_name AS worker_name, s.occupation_isco, s.score, s.skills, s.certificates, s.languages
    FROM scored s JOIN workers w ON w.id = s.worker_id
    ORDER BY s.score DESC, s.created_at, s.id`.execute(db);
  return rows.map((r, i) => {
    const matched = {
      occupation_isco: r.occupation_isco,
      skills: job.required_skills.filter((x) => r.skills.includes(x)),
      certificates: job.required_certificates.filter((x) => r.certificates.includes(x)),
      languages: job.required_languages.filter((x) => r.languages.includes(x)),
    };
    return { rank: i + 1, candidate_id: r.candidate_id, worker_id: r.worker_id, worker_name: r.worker_name, score: Number(r.score), reasons: reasonsFor(job, matched) };
  });
}

/** The reason for a rank, in plain words: what matched and what is missing. */
export function reasonsFor(job: Pick<JobOrderRow, 'occupation_isco' | 'required_skills' | 'required_certificates' | 'required_languages'>, r: Pick<Row, 'occupation_isco' | 'skills' | 'certificates' | 'languages'>): string[] {
  const reasons = [r.occupation_isco === job.occupation_isco
    ? `same occupation (ISCO ${job.occupation_isco})`
    : `related occupation (ISCO ${r.occupation_isco}, same minor group ${job.occupation_isco.slice(0, 3)})`];
  const part = (label: string, matched: string[], wanted: string[]) => {
    if (!wanted.length) return;
    const missing = wanted.filter((x) => !matched.includes(x));
    reasons.push(`${label}: ${matched.length} of ${wanted.length}${matched.length ? ` (${matched.join(', ')})` : ''}${missing.length ? `; missing ${missing.join(', ')}` : ''}`);
  };
  part('skills', r.skills, job.required_skills);
  part('certificates', r.certificates, job.required_certificates);
  part('languages', r.languages, job.required_languages);
  return reasons;
}

/** The employer and the origin agency of the job order (and the platform) see its shortlist. */
export async function shortlist(db: Kysely<DB>, actor: Actor, id: string, limit: number): Promise<{ job_order_id: string; candidates: ShortlistEntry[] }> {
  requireScope(actor, 'recruitment:select');
  const job = await findJobOrder(db, actor, id);
  const part = partOf(actor, job);
  if (part !== 'employer' && part !== 'origin_agency' && part !== 'platform') throw forbidden('Only the employer and the origin agency see the shortlist');
  return { job_order_id: job.id, candidates: await rankCandidates(db, job, limit) };
}
