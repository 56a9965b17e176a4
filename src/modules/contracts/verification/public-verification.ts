import { CompiledQuery, type Kysely, sql } from 'kysely';
import { notFound } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import { buildPayload } from '../registry/build-payload.js';
import type { KeyTerms, PartySignature, RegistryLeafV1 } from '../verifier/payload-v1.js';
import type { PublicVerification } from './public-verification.schema.js';
import { headFor, keepAnswer, keptAnswer, payloadFor, proofFor, type VerificationCache } from './verification-cache.js';

const verificationQuery = (db: Kysely<DB>, contractNo: string) =>
  db
    .selectFrom('contracts as c')
    .leftJoin('contract_versions as cv', (join) =>
      join.onRef('cv.employer_id', '=', 'c.employer_id').onRef('cv.contract_id', '=', 'c.id').onRef('cv.version', '=', 'c.registered_version'),
    )
    .leftJoin('registry_entries as e', (join) => join.onRef('e.contract_no', '=', 'c.contract_no').onRef('e.version', '=', 'c.registered_version'))
    .leftJoin('occupations as o', (join) => join.on(sql<boolean>`o.code = e.key_terms->>'isco'`))
    .select(['c.status', 'e.leaf_index', 'e.leaf_json', 'e.key_terms', 'o.title', 'cv.signatures'])
    .where('c.contract_no', '=', contractNo);
type VerificationRow = Awaited<ReturnType<ReturnType<typeof verificationQuery>['executeTakeFirstOrThrow']>>;

// The query's text never changes, only its one parameter: built and compiled once, not at every request.
let compiledSql: string | undefined;
function verificationSql(db: Kysely<DB>): string {
  if (compiledSql === undefined) {
    const compiled = verificationQuery(db, '').compile();
    if (compiled.parameters.length !== 1) throw new Error('the verification query takes exactly the contract number');
    compiledSql = compiled.sql;
  }
  return compiledSql;
}

const SHOWN_STATUSES = new Set(['registered', 'active', 'completed', 'terminated']);

/**
 * What anyone holding a contract number may see: its status and the key terms as registered,
 * with the worker's initials only. A contract not yet registered shows nothing but that.
 * One query for the contract, its registered version's signatures and log entry; the tree head
 * and the proof come from `cache` when given, and the whole answer while it may be trusted
 * (see verification-cache.ts), else from the database.
 */
export async function verifyContractPublicly(db: Kysely<DB>, contractNo: string, cache?: VerificationCache): Promise<PublicVerification> {
  const kept = keptAnswer<PublicVerification>(cache, contractNo);
  if (kept) return kept;
  const changesBefore = cache?.answers.changes ?? 0;
  const answer = await readVerification(db, contractNo, cache);
  keepAnswer(cache, contractNo, changesBefore, answer);
  return answer;
}

async function readVerification(db: Kysely<DB>, contractNo: string, cache?: VerificationCache): Promise<PublicVerification> {
  const row = (await db.executeQuery(CompiledQuery.raw(verificationSql(db), [contractNo]))).rows[0] as VerificationRow | undefined;
  if (!row) throw notFound(`Contract ${contractNo}`);
  if (row.leaf_json === null || row.leaf_index === null) {
    return { contract_no: contractNo, status: 'not registered', version: null, registered_at: null, terms_digest: null, key_terms: null, offline_payload: null };
  }
  const leaf = JSON.parse(row.leaf_json) as RegistryLeafV1;
  const k = row.key_terms as KeyTerms;
  const leafIndex = Number(row.leaf_index);
  const head = row.signatures === null ? undefined : await headFor(db, leafIndex, cache);
  const proof = head === undefined ? undefined : await proofFor(db, leafIndex, head.tree_size, cache);
  const offlinePayload =
    head === undefined
      ? null
      : payloadFor(cache, leafIndex, head, row.leaf_json, row.signatures, () =>
          buildPayload(
            {
              contractNo: leaf.contract_no,
              version: leaf.version,
              termsDigest: leaf.terms_digest,
              keyTerms: k,
              signatures: row.signatures as PartySignature[],
              registeredAt: leaf.registered_at,
              leafIndex,
            },
            proof!,
            head,
          ),
        );
  return {
    contract_no: contractNo,
    // An amendment under way does not undo the registration in force.
    status: (SHOWN_STATUSES.has(row.status) ? row.status : 'registered') as PublicVerification['status'],
    version: leaf.version,
    registered_at: leaf.registered_at,
    terms_digest: leaf.terms_digest,
    key_terms: {
      occupation: { code: k.isco, title: row.title ?? null },
      employer: k.employer,
      wage_minor: k.wage_minor,
      currency: k.currency,
      start: k.start,
      end: k.end,
      worker_initials: k.worker,
    },
    offline_payload: offlinePayload as PublicVerification['offline_payload'],
  };
}
