import type { Kysely } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import type { Config } from '../../core/config.js';
import type { DB } from '../../schema.js';
import { applyStep, viewAfterStep } from './apply-step.js';
import { updateVersion } from './contract-queries.js';
import { buildContractView, type ContractView } from './contract-view.js';
import { initialsOf } from './initials.js';
import { openContract } from './open-contract.js';
import { prepareAppend } from './registry/append-entries.js';
import { appendWrites } from './registry/append-queries.js';
import type { LeafInput } from './registry/leaf.js';
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
  return db.transaction().execute(async (trx) => {
    const open = await openContract(trx, actor, id, true, { purpose: 'authority', organisationId: actor.organisationId ?? null });
    const { contract, current, registered } = open;
    if (open.party === 'destination' && current.registered_at !== null) return buildContractView(contract, open.party, open.history);
    const step = decide(open.stage, 'register', open.party);

    const signature = await signTermsAs(trx, config, 'destination', actor.organisationId ?? null, current.terms_digest, open.signingKey);
    const signatures = [...(current.signatures as PartySignature[]), signature];
    const terms = current.terms as ContractTerms;
    const registeredAt = new Date();
    const entry: LeafInput = {
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
    };
    // Everything that does not need the log first: the lock on the log is then held for two
    // round trips (the lock with the frontier; one statement writing the step and the append) and the commit.
    const superseded = registered ? [await updateVersion(trx, registered, { state: 'superseded' })] : [];
    const append = await prepareAppend(trx, config, [entry]);
    const leafIndex = append.leafIndexes[0]!;
    const result = await applyStep(
      trx,
      actor,
      open,
      step,
      {
        version: { registered_at: registeredAt, signatures: JSON.stringify(signatures), leaf_index: leafIndex },
        contract: { registered_version: current.version, current_version: current.version },
        details: { terms_digest: current.terms_digest, leaf_index: leafIndex, ...(registered ? { supersedes_version: registered.version } : {}) },
      },
      appendWrites(append.rows),
    );
    return viewAfterStep(open, result, superseded);
  });
}
