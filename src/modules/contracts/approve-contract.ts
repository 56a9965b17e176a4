import type { Kysely } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import type { Config } from '../../core/config.js';
import type { DB } from '../../schema.js';
import { applyStep, viewAfterStep } from './apply-step.js';
import { buildContractView, type ContractView } from './contract-view.js';
import { withFreshContract } from './fresh-step.js';
import { signTermsAs } from './registry/sign-terms.js';
import type { PartySignature } from './verifier/payload-v1.js';
import { decide } from './transitions.js';

/** The origin authority of the worker's country approves the accepted terms and signs their digest. Approving again changes nothing. */
export async function approveContract(db: Kysely<DB>, config: Config, actor: Actor, id: string): Promise<ContractView> {
  return withFreshContract(db, actor, id, { purpose: 'authority', organisationId: actor.organisationId ?? null }, async (open) => {
    const { current } = open;
    if (open.party === 'origin' && current.approved_at !== null) return buildContractView(open.contract, open.party, open.history);
    const step = decide(open.stage, 'approve', open.party);
    const signature = await signTermsAs(db, config, 'origin', actor.organisationId ?? null, current.terms_digest, open.signingKey);
    const result = await applyStep(db, actor, open, step, {
      version: { approved_at: new Date(), signatures: JSON.stringify([...(current.signatures as PartySignature[]), signature]) },
      details: { terms_digest: current.terms_digest },
    });
    return viewAfterStep(open, result);
  });
}
