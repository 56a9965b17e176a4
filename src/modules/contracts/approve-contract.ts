import type { Kysely } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import type { Config } from '../../core/config.js';
import type { DB } from '../../schema.js';
import { applyStep, viewAfterStep } from './apply-step.js';
import { buildContractView, type ContractView } from './contract-view.js';
import { openContract } from './open-contract.js';
import { signTermsAs } from './registry/sign-terms.js';
import type { PartySignature } from './verifier/payload-v1.js';
import { decide } from './transitions.js';

/** The origin authority of the worker's country approves the accepted terms and signs their digest. Approving again changes nothing. */
export async function approveContract(db: Kysely<DB>, config: Config, actor: Actor, id: string): Promise<ContractView> {
  return db.transaction().execute(async (trx) => {
    const open = await openContract(trx, actor, id, true, { purpose: 'authority', organisationId: actor.organisationId ?? null });
    const { current } = open;
    if (open.party === 'origin' && current.approved_at !== null) return buildContractView(open.contract, open.party, open.history);
    const step = decide(open.stage, 'approve', open.party);
    const signature = await signTermsAs(trx, config, 'origin', actor.organisationId ?? null, current.terms_digest, open.signingKey);
    const result = await applyStep(trx, actor, open, step, {
      version: { approved_at: new Date(), signatures: JSON.stringify([...(current.signatures as PartySignature[]), signature]) },
      details: { terms_digest: current.terms_digest },
    });
    return viewAfterStep(open, result);
  });
}
