import type { Kysely } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import type { DB } from '../../schema.js';
import { today } from '../corridors/read-corridors.js';
import type { Breach } from './check-terms.js';
import type { TermsRequest } from './contract.schema.js';
import { checkAgainstRules } from './rules-check.js';
import { termsProblems, throwIfAny } from './terms-references.js';

/** The employer tests draft terms against today's rules; nothing is stored. */
export async function checkContract(db: Kysely<DB>, actor: Actor, input: TermsRequest): Promise<{ rules_version: number; breaches: Breach[] }> {
  throwIfAny(await termsProblems(db, actor, input.terms));
  const { rulesVersion, breaches } = await checkAgainstRules(db, input.terms, today());
  return { rules_version: rulesVersion, breaches };
}
