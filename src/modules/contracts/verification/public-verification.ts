import { type Kysely, sql } from 'kysely';
import { notFound } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import type { RegistryLeafV1 } from '../verifier/payload-v1.js';
import { offlinePayloadFor } from './offline-payload.js';
import type { PublicVerification } from './public-verification.schema.js';

const SHOWN_STATUSES = new Set(['registered', 'active', 'completed', 'terminated']);

/**
 * What anyone holding a contract number may see: its status and the key terms as registered,
 * with the worker's initials only. A contract not yet registered shows nothing but that.
 */
export async function verifyContractPublicly(db: Kysely<DB>, contractNo: string): Promise<PublicVerification> {
  const contract = await db
    .selectFrom('contracts')
    .select(['status', 'registered_version'])
    .where('contract_no', '=', contractNo)
    .executeTakeFirst();
  if (!contract) throw notFound(`Contract ${contractNo}`);
  const entry =
    contract.registered_version === null
      ? undefined
      : await db
          .selectFrom('registry_entries as e')
          .leftJoin('occupations as o', (join) => join.on(sql<boolean>`o.code = e.key_terms->>'isco'`))
          .select(['e.leaf_json', 'e.key_terms', 'o.title'])
          .where('e.contract_no', '=', contractNo)
          .where('e.version', '=', contract.registered_version)
          .executeTakeFirst();
  if (!entry) {
    return { contract_no: contractNo, status: 'not registered', version: null, registered_at: null, terms_digest: null, key_terms: null, offline_payload: null };
  }
  const leaf = JSON.parse(entry.leaf_json) as RegistryLeafV1;
  const k = entry.key_terms;
  return {
    contract_no: contractNo,
    // An amendment under way does not undo the registration in force.
    status: (SHOWN_STATUSES.has(contract.status) ? contract.status : 'registered') as PublicVerification['status'],
    version: leaf.version,
    registered_at: leaf.registered_at,
    terms_digest: leaf.terms_digest,
    key_terms: {
      occupation: { code: k.isco, title: entry.title ?? null },
      employer: k.employer,
      wage_minor: k.wage_minor,
      currency: k.currency,
      start: k.start,
      end: k.end,
      worker_initials: k.worker,
    },
    offline_payload: ((await offlinePayloadFor(db, contractNo)) ?? null) as PublicVerification['offline_payload'],
  };
}
