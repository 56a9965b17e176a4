import type { Kysely } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import type { DB } from '../../schema.js';
import { today } from '../corridors/read-corridors.js';
import { recordStep } from './apply-step.js';
import type { TermsRequest } from './contract.schema.js';
import { nextVersionNumber, updateContract } from './contract-queries.js';
import { contractView, type ContractView } from './contract-view.js';
import { insertTermsVersion } from './insert-terms-version.js';
import { openContract } from './open-contract.js';
import { checkAgainstRules, throwIfBreaches } from './rules-check.js';
import { sameParties, termsProblems, throwIfAny } from './terms-references.js';
import type { ContractTerms } from './terms.schema.js';
import { decide } from './transitions.js';

/**
 * The employer proposes new terms for a contract in force: a new version, offered at once,
 * that needs the worker's acceptance, the origin's approval and registration again. The
 * registered version stays in force until then; no amendment may breach the rules.
 */
export async function amendContract(db: Kysely<DB>, actor: Actor, id: string, input: TermsRequest): Promise<ContractView> {
  return db.transaction().execute(async (trx) => {
    const open = await openContract(trx, actor, id, true);
    const step = decide(open.stage, 'amend', open.party);
    const { terms } = input;
    throwIfAny([...sameParties(terms, open.current.terms as ContractTerms), ...(await termsProblems(trx, actor, terms))]);
    const check = await checkAgainstRules(trx, terms, today());
    throwIfBreaches(check.breaches);
    const version = await nextVersionNumber(trx, open.contract);
    const amendment = await insertTermsVersion(trx, open.contract, version, terms, check, { state: 'offered', offered_at: new Date() });
    const contract = await updateContract(trx, open.contract, { current_version: version });
    await recordStep(trx, actor, contract, {
      action: 'amend',
      version,
      from: step.from,
      to: step.to,
      details: { amends_version: open.contract.registered_version, rules_version: check.rulesVersion, terms_digest: amendment.terms_digest },
    });
    return contractView(trx, contract, open.party);
  });
}
