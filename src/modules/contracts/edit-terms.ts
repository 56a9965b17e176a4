import type { Kysely } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import type { DB } from '../../schema.js';
import { today } from '../corridors/read-corridors.js';
import { recordStep } from './apply-step.js';
import type { TermsRequest } from './contract.schema.js';
import { nextVersionNumber, updateContract, updateVersion } from './contract-queries.js';
import { contractView, type ContractView } from './contract-view.js';
import { insertTermsVersion } from './insert-terms-version.js';
import { openContract } from './open-contract.js';
import { checkAgainstRules } from './rules-check.js';
import { sameParties, termsProblems, throwIfAny } from './terms-references.js';
import type { ContractTerms } from './terms.schema.js';
import { decide } from './transitions.js';

/** New terms for a draft: a new version; the previous draft is kept, superseded. */
export async function editTerms(db: Kysely<DB>, actor: Actor, id: string, input: TermsRequest): Promise<ContractView> {
  return db.transaction().execute(async (trx) => {
    const open = await openContract(trx, actor, id, true);
    const step = decide(open.stage, 'edit', open.party);
    const { terms } = input;
    throwIfAny([...sameParties(terms, open.current.terms as ContractTerms), ...(await termsProblems(trx, actor, terms))]);
    const check = await checkAgainstRules(trx, terms, today());
    const version = await nextVersionNumber(trx, open.contract);
    await updateVersion(trx, open.current, { state: 'superseded' });
    await insertTermsVersion(trx, open.contract, version, terms, check, { state: 'draft' });
    const contract = await updateContract(trx, open.contract, { current_version: version });
    await recordStep(trx, actor, contract, {
      action: 'edit',
      version,
      from: step.from,
      to: step.to,
      details: { replaces_version: open.current.version, rules_version: check.rulesVersion, breaches: check.breaches.length },
    });
    return contractView(trx, contract, open.party);
  });
}
