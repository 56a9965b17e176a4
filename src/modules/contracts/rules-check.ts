import type { Kysely } from 'kysely';
import { AppError, conflict } from '../../core/errors.js';
import type { DB } from '../../schema.js';
import { findRulesInForce } from '../corridors/read-corridors.js';
import { isWhoSafeguardCountry } from '../reference/countries.js';
import { isHealthOccupation } from '../reference/occupations.js';
import { type Breach, checkTerms } from './check-terms.js';
import { hasHealthException } from './health-exceptions/health-exception-queries.js';
import type { ContractTerms } from './terms.schema.js';

export interface RulesCheck {
  rulesVersion: number;
  breaches: Breach[];
}

/** The terms against the corridor rules in force on a date, with the facts the pure check needs. */
export async function checkAgainstRules(db: Kysely<DB>, terms: ContractTerms, on: string): Promise<RulesCheck> {
  const inForce = await findRulesInForce(db, terms.corridor, on);
  if (!inForce) throw conflict(`Corridor ${terms.corridor} has no rules in force on ${on}`, { corridor: terms.corridor });
  const { rules } = inForce;
  const health = isHealthOccupation(terms.occupation_isco);
  const [occupation, safeguarded, excepted] = await Promise.all([
    db.selectFrom('occupations').select('code').where('code', '=', terms.occupation_isco).where('level', '=', 4).executeTakeFirst(),
    isWhoSafeguardCountry(db, rules.origin),
    health ? hasHealthException(db, terms.corridor, terms.occupation_isco, on) : false,
  ]);
  const breaches = checkTerms(terms, rules, {
    occupationKnown: occupation !== undefined,
    occupationIsHealth: health,
    originOnWhoSafeguardList: safeguarded,
    safeguardExceptionRecorded: excepted,
  });
  return { rulesVersion: inForce.version, breaches };
}

/** An offer (or amendment) with any breach is refused, every breach named at its term. */
export function throwIfBreaches(breaches: Breach[]): void {
  if (!breaches.length) return;
  throw new AppError(
    'validation_failed',
    `The terms breach ${breaches.length} of the corridor's rules`,
    breaches.map((b) => ({ pointer: `/terms${b.term}`, message: b.message, expected: JSON.stringify(b.allowed) })),
    { breaches },
  );
}
