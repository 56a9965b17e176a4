import type { ParsedSalaryFile } from '../salary-files/index.js';
import type { FileProblemCode } from '../salary-files/problem-codes.js';
import type { FileProblem } from './acknowledgement.js';
import type { EmployerMatch } from './salary-file-queries.js';

/** Who submits: the operator (CLI) or the platform may file for any known employer; an agent only for those that mandated it. */
export type Submitter = { kind: 'operator'; organisationId: string | null } | { kind: 'agent'; organisationId: string };

export interface BatchFacts {
  /** The employers the batch's files name, by establishment id as registered. */
  employers: Map<string, EmployerMatch[]>;
  /** For an agent: the employers among `employers` that mandated it. */
  mandated: Set<string>;
  /** Accepted files already stored, by sha256. */
  accepted: Map<string, { id: string; employer_id: string | null }>;
}

export type Decision =
  | { status: 'accepted'; employer: EmployerMatch }
  | { status: 'duplicate'; duplicateOf: string; employerId: string | null }
  | { status: 'rejected'; employer?: EmployerMatch; errors: FileProblem[] };

const COUNTRY_OF_FORMAT: Record<string, string | undefined> = { 'uae-sif': 'ARE', 'qatar-sif': 'QAT' };
const EMPLOYER_FIELD: Record<string, string> = {
  'uae-sif': 'SCR field 2 (Employer Unique ID)',
  'qatar-sif': 'header field 1 (Employer EID)',
  csv: 'employer_id',
};

/** The employers found, grouped by their establishment id. */
export function byExternalId(employers: readonly EmployerMatch[]): Map<string, EmployerMatch[]> {
  const map = new Map<string, EmployerMatch[]>();
  for (const e of employers) map.set(e.external_id, [...(map.get(e.external_id) ?? []), e]);
  return map;
}

/** The ways an establishment id may be written: SIF ids are zero-padded, registers often are not. */
export function externalIdVariants(id: string): string[] {
  if (!id) return [];
  const bare = id.replace(/^0+(?=.)/, '');
  return bare === id ? [id] : [id, bare];
}

const allowed = (submitter: Submitter, facts: BatchFacts, employerId: string | null) =>
  submitter.kind === 'operator' || (employerId !== null && facts.mandated.has(employerId));

/**
 * The employer the file names, if the submitter may file for it. An unknown employer and one
 * that did not mandate the agent get the same answer, so an agent cannot probe who exists.
 */
function resolveEmployer(file: ParsedSalaryFile, submitter: Submitter, facts: BatchFacts): { employer?: EmployerMatch; problem?: FileProblem } {
  if (!file.employerId) return {};
  const variants = externalIdVariants(file.employerId);
  const country = COUNTRY_OF_FORMAT[file.format];
  // Looked up by id, not searched: a batch is thousands of files naming thousands of employers.
  const matches = variants
    .flatMap((v) => facts.employers.get(v) ?? [])
    .filter((e) => (country === undefined || e.country === country) && allowed(submitter, facts, e.id));
  const field = EMPLOYER_FIELD[file.format] ?? 'employer';
  if (matches.length === 1) return { employer: matches[0] };
  if (matches.length > 1)
    return { problem: { line: 0, field, message: `employer ${file.employerId} matches ${matches.length} employers in Corridor; ask the operator to resolve the establishment id`, code: 'employer_ambiguous' satisfies FileProblemCode, params: { employer: file.employerId, matches: matches.length } } };
  const message =
    submitter.kind === 'agent'
      ? `employer ${file.employerId} is not registered in Corridor or has not mandated your organisation to submit its salary files`
      : `employer ${file.employerId} is not registered in Corridor`;
  const code: FileProblemCode = submitter.kind === 'agent' ? 'employer_unknown_or_not_mandated' : 'employer_unknown';
  return { problem: { line: 0, field, message, code, params: { employer: file.employerId } } };
}

/** Duplicate first (the same bytes change nothing), then the file's own errors and its employer. */
export function decideFile(file: ParsedSalaryFile, submitter: Submitter, facts: BatchFacts): Decision {
  const previous = facts.accepted.get(file.sha256);
  if (previous && allowed(submitter, facts, previous.employer_id)) {
    return { status: 'duplicate', duplicateOf: previous.id, employerId: previous.employer_id };
  }
  const { employer, problem } = resolveEmployer(file, submitter, facts);
  const errors = [...file.errors, ...(problem ? [problem] : [])];
  if (errors.length > 0 || !employer) return { status: 'rejected', employer, errors };
  return { status: 'accepted', employer };
}
