import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { type FieldProblem, invalid } from '../../core/errors.js';
import { problemCode, toPointer } from '../../core/validation.js';
import type { DB } from '../../schema.js';
import { findCountry } from '../reference/countries.js';
import { findCurrency } from '../reference/currencies.js';
import { existingUnitGroups } from '../reference/occupations.js';
import { crossFieldProblems } from './cross-field-problems.js';
import { CorridorRules } from './rules.schema.js';

/**
 * Validates a rules document whole: its shape, its keys together, and what only the reference data can tell
 * (countries, currency, ISCO-08 unit groups). Throws one 422 naming every problem.
 */
export async function checkRules(db: Kysely<DB>, input: unknown, options: { corridor?: string } = {}): Promise<CorridorRules> {
  const parsed = CorridorRules.safeParse(input, { error: (issue) => (issue.input === undefined ? 'is required' : undefined) });
  const problems = parsed.success ? [] : rulesProblems(parsed.error);
  problems.push(...crossFieldProblems(input));
  const code = asRecord(input).code;
  if (options.corridor && typeof code === 'string' && code !== options.corridor && !problems.some((p) => p.pointer === '/code'))
    problems.push({ pointer: '/code', message: `must be the corridor these rules are sent to: ${options.corridor}` });
  problems.push(...(await referenceProblems(db, input)));
  if (problems.length || !parsed.success) throw invalid('The corridor rules are not valid', problems);
  return parsed.data;
}

/** One problem per unknown key, each at its own pointer (zod groups them on the parent). */
function rulesProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ pointer: toPointer([...issue.path, key]), message: 'is not a corridor rules key' }))
      : [{ pointer: toPointer(issue.path), message: issue.message, ...problemCode(issue.code, issue) }],
  );
}

const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const matching = (v: unknown, pattern: RegExp): v is string => typeof v === 'string' && pattern.test(v);

/** Only values of the right shape are looked up: a malformed one already has its problem. */
async function referenceProblems(db: Kysely<DB>, input: unknown): Promise<FieldProblem[]> {
  const raw = asRecord(input);
  const problems: FieldProblem[] = [];
  for (const side of ['origin', 'destination'] as const) {
    const code = raw[side];
    if (matching(code, /^[A-Z]{3}$/) && !(await findCountry(db, code)))
      problems.push({ pointer: `/${side}`, message: `${code} is not an ISO 3166-1 alpha-3 country code`, expected: 'e.g. NPL' });
  }
  if (matching(raw.currency, /^[A-Z]{3}$/) && !(await findCurrency(db, raw.currency)))
    problems.push({ pointer: '/currency', message: `${raw.currency} is not an ISO 4217 currency in use`, expected: 'e.g. AED' });

  const isco = /^[0-9]{4}$/;
  const listed = Array.isArray(raw.allowed_occupations) ? raw.allowed_occupations : [];
  const keyed = Object.keys(asRecord(raw.min_wage_by_occupation));
  const known = await existingUnitGroups(db, [...listed, ...keyed].filter((c) => matching(c, isco)));
  const unknownOccupation = (code: string) => `${code} is not an ISCO-08 unit group`;
  listed.forEach((code, i) => {
    if (matching(code, isco) && !known.has(code)) problems.push({ pointer: `/allowed_occupations/${i}`, message: unknownOccupation(code) });
  });
  for (const code of keyed)
    if (matching(code, isco) && !known.has(code))
      problems.push({ pointer: toPointer(['min_wage_by_occupation', code]), message: unknownOccupation(code) });
  return problems;
}
