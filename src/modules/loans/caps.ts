import type { Kysely } from 'kysely';
import type { DB } from '../../schema.js';
import { findRulesInForce } from '../corridors/read-corridors.js';
import type { CorridorRules } from '../corridors/rules.schema.js';

/**
 * The loan caps a corridor's rules set, or these defaults where the rules say nothing
 * (decision 0011): 12% a year, and an instalment of at most 15% of the monthly basic wage.
 */
export const DEFAULT_LOAN_CAPS = { max_annual_rate_bp: 1200, max_instalment_share_bp: 1500 } as const;

export interface LoanCaps {
  max_annual_rate_bp: number;
  max_instalment_share_bp: number;
  /** True when the corridor's rules state the caps, false when the defaults apply. */
  stated: boolean;
  rules_version: number;
  rules_currency: string;
}

export async function loanCapsInForce(db: Kysely<DB>, corridor: string, on: string): Promise<LoanCaps | undefined> {
  const inForce = await findRulesInForce(db, corridor, on);
  if (!inForce) return undefined;
  const rules = inForce.rules as CorridorRules;
  const caps = rules.loans ?? DEFAULT_LOAN_CAPS;
  return { ...caps, stated: rules.loans !== undefined, rules_version: inForce.version, rules_currency: rules.currency };
}

/** Most a month's instalment may take of a wage: floor(wage x share / 10000). */
export const instalmentCap = (wageMinor: number, shareBp: number) => Math.floor((wageMinor * shareBp) / 10000);
