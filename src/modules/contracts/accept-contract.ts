import type { Kysely } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import type { Config } from '../../core/config.js';
import { conflict, invalid } from '../../core/errors.js';
import type { DB } from '../../schema.js';
import type { AcceptRequest } from './accept-contract.schema.js';
import { applyStep, viewAfterStep } from './apply-step.js';
import { buildContractView, type ContractView } from './contract-view.js';
import { withFreshContract } from './fresh-step.js';
import { signTermsAs } from './registry/sign-terms.js';
import type { ContractTerms } from './terms.schema.js';
import { decide } from './transitions.js';

/**
 * The worker accepts the offered terms, from their own account: exactly the version they were
 * shown (same digest) in a language they chose. The platform's acceptance key signs the digest.
 * Accepting again changes nothing.
 */
export async function acceptContract(db: Kysely<DB>, config: Config, actor: Actor, id: string, input: AcceptRequest): Promise<ContractView> {
  return withFreshContract(db, actor, id, { purpose: 'acceptance', organisationId: null }, async (open) => {
    const { current } = open;
    const digestMatches = input.terms_digest === current.terms_digest;
    if (open.party === 'worker' && current.accepted_at !== null && digestMatches)
      return buildContractView(open.contract, open.party, open.history);
    const step = decide(open.stage, 'accept', open.party);
    if (!digestMatches)
      throw conflict('These are not the terms on offer: open the contract again and accept what it shows', {
        terms_digest: current.terms_digest,
      });
    const languages = (current.terms as ContractTerms).languages;
    if (!languages.includes(input.language))
      throw invalid('The terms are not written in this language', [
        { pointer: '/language', message: `the terms are in ${languages.join(', ')}`, expected: languages.join(' | '), code: 'contract.language_not_written', params: { languages: languages.join(', ') } },
      ]);
    // Views are only ever added: one read with the contract is still there when the step writes.
    if (!open.history.views.some((v) => v.version === current.version && v.language === input.language))
      throw conflict(`The terms were not shown in ${input.language} yet: open them in that language before accepting`, {
        language: input.language,
      });
    const signature = await signTermsAs(db, config, 'worker', null, current.terms_digest, open.signingKey);
    const result = await applyStep(db, actor, open, step, {
      version: { accepted_at: new Date(), accepted_language: input.language, signatures: JSON.stringify([signature]) },
      details: { terms_digest: current.terms_digest, language: input.language },
    });
    return viewAfterStep(open, result);
  });
}
