import type { Kysely } from 'kysely';
import type { DB } from '../../../schema.js';
import { buildPayload } from '../registry/build-payload.js';
import { inclusionProof } from '../registry/merkle-proofs.js';
import { databaseNodeReader } from '../registry/node-queries.js';
import { findLatestTreeHead } from '../registry/tree-head-queries.js';
import type { OfflinePayloadV1, PartySignature, RegistryLeafV1 } from '../verifier/payload-v1.js';

/**
 * The QR code's payload for a contract's registered version, against the latest tree head;
 * undefined if the contract is unknown or not registered. Key terms come from the log entry,
 * as registered, so a later change of the employer's name does not break the proof.
 */
export async function offlinePayloadFor(
  db: Kysely<DB>,
  contractNo: string,
  options: { embedSignatures?: boolean } = {},
): Promise<OfflinePayloadV1 | undefined> {
  const row = await db
    .selectFrom('contracts as c')
    .innerJoin('contract_versions as cv', (join) =>
      join.onRef('cv.employer_id', '=', 'c.employer_id').onRef('cv.contract_id', '=', 'c.id').onRef('cv.version', '=', 'c.registered_version'),
    )
    .innerJoin('registry_entries as e', (join) => join.onRef('e.contract_no', '=', 'c.contract_no').onRef('e.version', '=', 'cv.version'))
    .select(['e.leaf_index', 'e.leaf_json', 'e.key_terms', 'cv.signatures'])
    .where('c.contract_no', '=', contractNo)
    .executeTakeFirst();
  if (!row) return undefined;
  const head = await findLatestTreeHead(db);
  if (!head) return undefined;
  const leafIndex = Number(row.leaf_index);
  const leaf = JSON.parse(row.leaf_json) as RegistryLeafV1;
  const proof = await inclusionProof(leafIndex, head.tree_size, databaseNodeReader(db));
  return buildPayload(
    {
      contractNo: leaf.contract_no,
      version: leaf.version,
      termsDigest: leaf.terms_digest,
      keyTerms: row.key_terms,
      signatures: row.signatures as PartySignature[],
      registeredAt: leaf.registered_at,
      leafIndex,
    },
    proof,
    head,
    options,
  );
}
