import type { Kysely } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import type { DB } from '../../schema.js';
import { today } from '../corridors/read-corridors.js';
import { applyStep } from './apply-step.js';
import { contractView, type ContractView } from './contract-view.js';
import { refuseIfSuspended } from './employer-standing.js';
import { openContract } from './open-contract.js';
import { checkAgainstRules, throwIfBreaches } from './rules-check.js';
import type { ContractTerms } from './terms.schema.js';
import { alreadyDone, decide } from './transitions.js';

/**
 * The employer offers the draft to the worker. The terms are checked again against the rules
 * in force today; an offer with any breach is refused, naming every one, and nothing changes.
 */
export async function offerContract(db: Kysely<DB>, actor: Actor, id: string): Promise<ContractView> {
  return db.transaction().execute(async (trx) => {
    const open = await openContract(trx, actor, id, true);
    if (alreadyDone(open.stage, 'offer', open.party)) return contractView(trx, open.contract, open.party);
    const step = decide(open.stage, 'offer', open.party);
    await refuseIfSuspended(trx, open.contract.employer_id, today());
    const check = await checkAgainstRules(trx, open.current.terms as ContractTerms, today());
    throwIfBreaches(check.breaches);
    const { contract } = await applyStep(trx, actor, open, step, {
      version: { offered_at: new Date(), rules_version: check.rulesVersion, breaches: '[]' },
      details: { rules_version: check.rulesVersion, terms_digest: open.current.terms_digest },
    });
    return contractView(trx, contract, open.party);
  });
}
