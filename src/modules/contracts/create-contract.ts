import type { Kysely } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import { forbidden } from '../../core/errors.js';
import type { DB } from '../../schema.js';
import { today } from '../corridors/read-corridors.js';
import { recordStep } from './apply-step.js';
import type { TermsRequest } from './contract.schema.js';
import { insertContract, nextContractNo } from './contract-queries.js';
import { contractView, type ContractView } from './contract-view.js';
import { refuseIfSuspended } from './employer-standing.js';
import { insertTermsVersion } from './insert-terms-version.js';
import { checkAgainstRules } from './rules-check.js';
import { termsProblems, throwIfAny } from './terms-references.js';

/**
 * An employer drafts a contract for a worker. The draft may still breach the rules (the
 * answer lists each breach so far); only an offer must be clean.
 */
export async function createContract(
  db: Kysely<DB>,
  actor: Actor,
  input: TermsRequest,
  /** A contract offered against a job order names it (modules/recruitment). */
  link: { job_order_id?: string } = {},
): Promise<ContractView> {
  if (actor.organisationKind !== 'employer') throw forbidden('Only an employer drafts contracts');
  const { terms } = input;
  throwIfAny(await termsProblems(db, actor, terms));
  await refuseIfSuspended(db, terms.employer_id, today());
  const check = await checkAgainstRules(db, terms, today());
  return db.transaction().execute(async (trx) => {
    const corridor = await trx.selectFrom('corridors').select(['origin', 'destination']).where('code', '=', terms.corridor).executeTakeFirstOrThrow();
    const contract = await insertContract(trx, {
      employer_id: terms.employer_id,
      contract_no: await nextContractNo(trx, terms.corridor, new Date()),
      corridor_code: terms.corridor,
      worker_id: terms.worker_id,
      status: 'draft',
      current_version: 1,
      registered_version: null,
      origin_country: corridor.origin,
      destination_country: corridor.destination,
      job_order_id: link.job_order_id ?? null,
    });
    await insertTermsVersion(trx, contract, 1, terms, check, { state: 'draft' });
    await recordStep(trx, actor, contract, {
      action: 'draft',
      version: 1,
      from: null,
      to: 'draft',
      details: { rules_version: check.rulesVersion, breaches: check.breaches.length },
    });
    return contractView(trx, contract, 'employer');
  });
}
