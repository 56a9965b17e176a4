import { type RawBuilder, sql } from 'kysely';
import { jsonStringSql } from './sql-formats.js';

/**
 * RFC 8785 text of LegacyTerms, key terms and the registry leaf, built in SQL so that a
 * million contracts are hashed where they are (sha256 is core PostgreSQL since 11)
 * instead of travelling to JS and back. Members are written in canonical order (UTF-16
 * code units); numbers are integers, whose canonical form is their digits; free text
 * (names) goes through to_json, which escapes as RFC 8785 does, while values already
 * checked to hold only letters, digits and - / . _ (ids, codes, dates) are just quoted:
 * to_json on each of them costs seconds over a million rows. import.test.ts proves each equal to
 * canonicalJson of the same object. Arguments are SQL expressions of the columns.
 */
export interface TermsColumns {
  corridor: RawBuilder<unknown>;
  employerId: RawBuilder<unknown>;
  workerId: RawBuilder<unknown>;
  occupation: RawBuilder<unknown>;
  start: RawBuilder<unknown>;
  end: RawBuilder<unknown>;
  currency: RawBuilder<unknown>;
  basicMinor: RawBuilder<unknown>;
  allowancesMinor: RawBuilder<unknown>;
}

const str = jsonStringSql;
/** A JSON string of a value known to need no escaping (checked ids, codes, dates). */
const plain = (value: RawBuilder<unknown>) => sql`('"' || ${value} || '"')`;

export const legacyTermsSql = (c: TermsColumns) => sql<string>`(
  '{"corridor":' || ${plain(c.corridor)} || ',"employer_id":' || ${plain(c.employerId)} || ',"end_date":' || ${plain(c.end)}
  || ',"legacy":true,"occupation_isco":' || ${plain(c.occupation)} || ',"start_date":' || ${plain(c.start)}
  || ',"wage":{"allowances":' || CASE WHEN ${c.allowancesMinor} > 0
       THEN '[{"amount_minor":' || ${c.allowancesMinor}::text || ',"fixed":true,"kind":"other"}]' ELSE '[]' END
  || ',"basic_monthly_minor":' || ${c.basicMinor}::text || ',"currency":' || ${plain(c.currency)}
  || '},"worker_id":' || ${plain(c.workerId)} || '}')`;

/** initialsOf (../initials.ts) in SQL: the first letter of each part between spaces and hyphens, then a dot. */
export const initialsSql = (name: RawBuilder<unknown>) =>
  sql<string>`upper(regexp_replace(regexp_replace(${name}, '^[\\s-]+', ''), '([^\\s-])[^\\s-]*[\\s-]*', '\\1.', 'g'))`;

export const keyTermsSql = (c: TermsColumns, employerName: RawBuilder<unknown>, workerName: RawBuilder<unknown>) => sql<string>`(
  '{"currency":' || ${plain(c.currency)} || ',"employer":' || ${str(employerName)} || ',"end":' || ${plain(c.end)}
  || ',"isco":' || ${plain(c.occupation)} || ',"start":' || ${plain(c.start)} || ',"wage_minor":' || ${c.basicMinor}::text
  || ',"worker":' || ${str(initialsSql(workerName))} || '}')`;

/** Hex SHA-256 of text as UTF-8: digestOf, when the text is canonical JSON. */
export const hexDigestSql = (text: RawBuilder<unknown>) => sql<string>`encode(sha256(convert_to(${text}, 'UTF8')), 'hex')`;

export interface LeafColumns {
  contractNo: RawBuilder<unknown>;
  version: number;
  termsDigest: RawBuilder<unknown>;
  keyTermsDigest: RawBuilder<unknown>;
  signaturesDigest: string;
  registeredAt: string;
}

export const leafJsonSql = (l: LeafColumns) => sql<string>`(
  '{"contract_no":' || ${plain(l.contractNo)} || ',"key_terms_digest":"' || ${l.keyTermsDigest}
  || '","registered_at":' || ${str(sql`${l.registeredAt}::text`)} || ',"signatures_digest":"' || ${l.signaturesDigest}::text
  || '","terms_digest":"' || ${l.termsDigest} || '","v":1,"version":' || ${String(l.version)}::text || '}')`;
