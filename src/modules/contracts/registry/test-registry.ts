import type { Config } from '../../../core/config.js';
import type { Database } from '../../../core/db/database.js';
import { type MadeContract, makeRegisteredContract } from '../../../../test/helpers/contracts.js';
import { makeOrganisation } from '../../../../test/helpers/factories.js';
import type { KeyTerms, PartySignature } from '../verifier/payload-v1.js';
import { appendEntries } from './append-entries.js';
import { signTermsAs } from './sign-terms.js';

export interface Authorities {
  origin: string;
  destination: string;
}

export const makeAuthorities = async (database: Pick<Database, 'db'>): Promise<Authorities> => ({
  origin: (await makeOrganisation(database, { kind: 'origin_authority', country: 'NPL' })).id,
  destination: (await makeOrganisation(database, { kind: 'destination_authority', country: 'ARE' })).id,
});

/** A contract registered as the lifecycle does it: three signatures, a log entry, the version pointing at it. */
export async function makeLoggedContract(
  database: Pick<Database, 'db'>,
  config: Config,
  authorities: Authorities,
): Promise<MadeContract & { leafIndex: number; keyTerms: KeyTerms }> {
  const made = await makeRegisteredContract(database);
  const db = database.db;
  return db.transaction().execute(async (trx) => {
    const digest = (await trx.selectFrom('contract_versions').select('terms_digest').where('contract_id', '=', made.id).executeTakeFirstOrThrow()).terms_digest;
    const signatures: PartySignature[] = [
      await signTermsAs(trx, config, 'worker', null, digest),
      await signTermsAs(trx, config, 'origin', authorities.origin, digest),
      await signTermsAs(trx, config, 'destination', authorities.destination, digest),
    ];
    const employer = await trx.selectFrom('organisations').select('name').where('id', '=', made.employer_id).executeTakeFirstOrThrow();
    const keyTerms: KeyTerms = {
      isco: made.terms.occupation_isco,
      employer: employer.name,
      wage_minor: made.terms.wage.basic_monthly_minor,
      currency: made.terms.wage.currency,
      start: made.terms.start_date,
      end: made.terms.end_date,
      worker: 'T.W.',
    };
    const [leafIndex] = await appendEntries(trx, config, [
      { contractNo: made.contract_no, version: 1, termsDigest: digest, keyTerms, signatures, registeredAt: new Date().toISOString() },
    ]);
    await trx
      .updateTable('contract_versions')
      .set({ signatures: JSON.stringify(signatures), leaf_index: leafIndex! })
      .where('contract_id', '=', made.id)
      .execute();
    return { ...made, leafIndex: leafIndex!, keyTerms };
  });
}
