import type { Kysely } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import { invalid } from '../../core/errors.js';
import type { DB } from '../../schema.js';
import { recordEvent } from '../audit/record-event.js';
import { recordView } from './contract-queries.js';
import { contractView, type ContractView } from './contract-view.js';
import type { GetContractQuery } from './get-contract.schema.js';
import { openContract } from './open-contract.js';
import type { ContractTerms } from './terms.schema.js';

/**
 * A contract as the actor may see it. When the worker opens an offer in a language, that is
 * recorded: they may accept only terms they were shown in a language they chose.
 */
export async function getContract(db: Kysely<DB>, actor: Actor, id: string, query: GetContractQuery = {}): Promise<ContractView> {
  return db.transaction().execute(async (trx) => {
    const open = await openContract(trx, actor, id);
    const { contract, current } = open;
    if (open.party === 'worker' && query.lang !== undefined && current.state === 'offered') {
      const languages = (current.terms as ContractTerms).languages;
      if (!languages.includes(query.lang))
        throw invalid('The terms are not written in this language', [
          { pointer: '/lang', message: `the terms are in ${languages.join(', ')}`, expected: languages.join(' | '), code: 'contract.language_not_written', params: { languages: languages.join(', ') } },
        ]);
      if (await recordView(trx, current, query.lang, contract.worker_id))
        await recordEvent(trx, actor, {
          action: 'contract.viewed',
          subjectType: 'contract',
          subjectId: contract.id,
          organisationIds: [contract.employer_id],
          countries: [contract.origin_country, contract.destination_country],
          details: { contract_no: contract.contract_no, version: current.version, language: query.lang, worker_id: contract.worker_id },
        });
    }
    return contractView(trx, contract, open.party);
  });
}
