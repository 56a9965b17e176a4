import type { Kysely } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import { type FieldProblem, invalid, type ProblemParam } from '../../core/errors.js';
import type { DB } from '../../schema.js';
import { isKnownLanguage } from '../corridors/rules.schema.js';
import type { ContractTerms } from './terms.schema.js';

/**
 * What the terms' shape cannot say: the parties and reference data they name exist and fit
 * together. Every problem at once, as JSON pointers into the request body (`/terms/...`).
 */
export async function termsProblems(db: Kysely<DB>, actor: Actor, terms: ContractTerms): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const add = (pointer: string, message: string, expected: string | undefined, code: string, params?: Record<string, ProblemParam>) =>
    problems.push({ pointer: `/terms${pointer}`, message, ...(expected ? { expected } : {}), code, ...(params ? { params } : {}) });

  if (terms.employer_id !== actor.organisationId) add('/employer_id', 'must be your own organisation', actor.organisationId, 'organisation.not_own');
  const [corridor, worker, occupation, currency, agency] = await Promise.all([
    db.selectFrom('corridors').select(['origin', 'destination']).where('code', '=', terms.corridor).executeTakeFirst(),
    db.selectFrom('workers').select('nationality').where('id', '=', terms.worker_id).executeTakeFirst(),
    db.selectFrom('occupations').select('code').where('code', '=', terms.occupation_isco).where('level', '=', 4).executeTakeFirst(),
    db.selectFrom('currencies').select('code').where('code', '=', terms.wage.currency).executeTakeFirst(),
    terms.recruitment_agency_id
      ? db.selectFrom('organisations').select('kind').where('id', '=', terms.recruitment_agency_id).executeTakeFirst()
      : undefined,
  ]);
  if (!corridor) add('/corridor', `there is no corridor ${terms.corridor}`, undefined, 'corridor.unknown', { corridor: terms.corridor });
  if (!worker) add('/worker_id', 'there is no worker with this id', undefined, 'worker.not_found');
  else if (corridor && worker.nationality !== corridor.origin)
    add('/worker_id', `the worker is a national of ${worker.nationality}, not of the corridor's origin`, corridor.origin, 'contract.worker_not_from_origin', { nationality: worker.nationality, origin: corridor.origin });
  if (!occupation) add('/occupation_isco', 'not an ISCO-08 unit group', 'a 4-digit ISCO-08 code, e.g. 7112', 'reference.occupation_unknown', { value: terms.occupation_isco });
  if (!currency) add('/wage/currency', 'not an ISO 4217 currency', undefined, 'reference.currency_unknown', { value: terms.wage.currency });
  if (terms.recruitment_agency_id && agency?.kind !== 'recruitment_agency')
    add('/recruitment_agency_id', 'there is no recruitment agency with this id', undefined, 'organisation.not_recruitment_agency');
  terms.languages.forEach((language, i) => {
    if (!isKnownLanguage(language)) add(`/languages/${i}`, 'not a known language', 'a BCP 47 code in canonical form, e.g. ne', 'reference.language_unknown', { value: language });
  });
  if (new Set(terms.languages).size !== terms.languages.length) add('/languages', 'each language once', undefined, 'contract.language_repeated');
  return problems;
}

/** A new version keeps the contract's parties and corridor: a change of those is another contract. */
export function sameParties(terms: ContractTerms, previous: ContractTerms): FieldProblem[] {
  return (['corridor', 'employer_id', 'worker_id'] as const)
    .filter((key) => terms[key] !== previous[key])
    .map((key) => ({ pointer: `/terms/${key}`, message: "must stay the contract's own: another one needs a new contract", expected: previous[key], code: 'contract.party_changed' }));
}

export function throwIfAny(problems: FieldProblem[]): void {
  if (problems.length) throw invalid('The terms are not valid', problems);
}
