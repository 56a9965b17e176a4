import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../schema.js';
import type { ContractRow, VersionRow } from './contract-queries.js';
import { digestOf } from './registry/canonical.js';
import type { RulesCheck } from './rules-check.js';
import type { ContractVersionsTable } from './tables.js';
import { type ContractTerms, monthlyFixedMinor } from './terms.schema.js';

/** A new version of the terms, with the columns the wage checks read beside them and the digest that is signed. */
export function insertTermsVersion(
  trx: Kysely<DB>,
  c: ContractRow,
  version: number,
  terms: ContractTerms,
  check: RulesCheck,
  extra: Pick<Insertable<ContractVersionsTable>, 'state' | 'offered_at'>,
): Promise<VersionRow> {
  return trx
    .insertInto('contract_versions')
    .values({
      employer_id: c.employer_id,
      contract_id: c.id,
      version,
      terms: JSON.stringify(terms),
      terms_digest: digestOf(terms),
      rules_version: check.rulesVersion,
      breaches: JSON.stringify(check.breaches),
      start_date: terms.start_date,
      end_date: terms.end_date,
      monthly_fixed_minor: monthlyFixedMinor(terms),
      currency: terms.wage.currency,
      signatures: '[]',
      ...extra,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
