import type { Kysely } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import type { Config } from '../../core/config.js';
import type { DB } from '../../schema.js';
import { buildContractView, type ContractView } from './contract-view.js';
import { withFreshContract } from './fresh-step.js';
import { initialsOf } from './initials.js';
import { registerTogether } from './registration-batches.js';
import { signTermsAs } from './registry/sign-terms.js';
import type { ContractTerms } from './terms.schema.js';
import { decide } from './transitions.js';
import type { PartySignature } from './verifier/payload-v1.js';

/**
 * The destination authority registers the approved terms: it signs their digest and the
 * registry appends the version to its log. A registered amendment replaces the version in
 * force, which is kept, superseded. Registering again changes nothing.
 */
export async function registerContract(db: Kysely<DB>, config: Config, actor: Actor, id: string): Promise<ContractView> {
  return withFreshContract(db, actor, id, { purpose: 'authority', organisationId: actor.organisationId ?? null }, async (open) => {
    const { contract, current } = open;
    if (open.party === 'destination' && current.registered_at !== null) return buildContractView(contract, open.party, open.history);
    const step = decide(open.stage, 'register', open.party);
    const signature = await signTermsAs(db, config, 'destination', actor.organisationId ?? null, current.terms_digest, open.signingKey);
    const signatures = [...(current.signatures as PartySignature[]), signature];
    const terms = current.terms as ContractTerms;
    const registeredAt = new Date();
    return registerTogether(db, config, {
      actor,
      open,
      step,
      signatures,
      entry: {
        contractNo: contract.contract_no,
        version: current.version,
        termsDigest: current.terms_digest,
        keyTerms: {
          isco: terms.occupation_isco,
          employer: open.history.employerName,
          wage_minor: terms.wage.basic_monthly_minor,
          currency: terms.wage.currency,
          start: terms.start_date,
          end: terms.end_date,
          worker: initialsOf(open.history.workerName),
        },
        signatures,
        registeredAt: registeredAt.toISOString(),
      },
    });
  });
}
