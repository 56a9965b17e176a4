import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../schema.js';
import { digestOf } from '../registry/canonical.js';
import type { ImportContext } from './import-context.js';
import { type TermsColumns, hexDigestSql, keyTermsSql, leafJsonSql, legacyTermsSql } from './terms-sql.js';

/** Imported contracts carry no party signatures: they were never accepted or approved in the platform. */
export const NO_SIGNATURES_DIGEST = digestOf([]);

const columns: TermsColumns = {
  corridor: sql`t.corridor`,
  employerId: sql`t.employer_uuid`,
  workerId: sql`t.worker_uuid`,
  occupation: sql`t.occupation_isco`,
  start: sql`t.start_date`,
  end: sql`t.end_date`,
  currency: sql`t.currency`,
  basicMinor: sql`t.basic_minor`,
  allowancesMinor: sql`t.allowance_minor`,
};

/**
 * import_ready: one row per contract, in file order (seq from 0), with its new id, the
 * employer's and worker's ids, its canonical terms and digest, and its registry leaf
 * and leaf hash; also the staging table the registry's bulk append reads
 * (seq, contract_no, version, leaf_json, leaf_hash, key_terms_json). Run after the workers are inserted.
 */
export async function createReadyRows(db: Kysely<DB>, ctx: ImportContext): Promise<void> {
  await sql`
    CREATE TEMP TABLE import_ready ON COMMIT DROP AS
    SELECT l.seq, l.contract_no, l.version, l.leaf_json, sha256('\\x00'::bytea || convert_to(l.leaf_json, 'UTF8')) AS leaf_hash,
      l.key_terms_json, l.contract_uuid, l.employer_uuid, l.worker_uuid, l.corridor, l.terms_json, l.terms_digest,
      l.start_on, l.end_on, l.basic_minor, l.allowance_minor, l.currency
    FROM (
      SELECT k.*, ${leafJsonSql({
        contractNo: sql`k.contract_no`,
        version: 1,
        termsDigest: sql`k.terms_digest`,
        keyTermsDigest: hexDigestSql(sql`k.key_terms_json`),
        signaturesDigest: NO_SIGNATURES_DIGEST,
        registeredAt: ctx.registeredAt,
      })} AS leaf_json, 1 AS version
      FROM (
        SELECT j.*, ${hexDigestSql(sql`j.terms_json`)} AS terms_digest
        FROM (
          SELECT t.*, ${legacyTermsSql(columns)} AS terms_json,
            ${keyTermsSql(columns, sql`t.employer_name_registered`, sql`t.worker_full_name`)} AS key_terms_json
          FROM (
            SELECT (row_number() OVER (ORDER BY i.line) - 1) AS seq, i.line, ${ctx.corridor}::text AS corridor,
              gen_random_uuid() AS contract_uuid, e.id AS employer_uuid, e.name AS employer_name_registered,
              w.id AS worker_uuid, w.full_name AS worker_full_name,
              i.contract_no, i.occupation_isco, to_char(i.start_on, 'YYYY-MM-DD') AS start_date,
              to_char(i.end_on, 'YYYY-MM-DD') AS end_date, i.start_on, i.end_on,
              i.currency, i.basic_minor, i.allowance_minor
            FROM import_rows i
            JOIN organisations e ON e.kind = 'employer' AND e.country = ${ctx.destination} AND e.external_id = i.employer_id
            JOIN workers w ON w.person_id = i.worker_id
          ) t
        ) j
      ) k
    ) l
  `.execute(db);
  // The registry's bulk append reads the leaves back in pages by seq.
  await sql`CREATE UNIQUE INDEX import_ready_seq ON import_ready (seq)`.execute(db);
}
