import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { CLI_ACTOR } from '../../src/core/auth/actor.js';
import { applyRules } from '../../src/modules/corridors/apply-rules.js';
import { digestOf } from '../../src/modules/contracts/registry/canonical.js';
import { ContractTerms, type ContractTermsInput, monthlyFixedMinor } from '../../src/modules/contracts/terms.schema.js';
import { validTermsInput } from '../../src/modules/contracts/test-terms.js';
import { type DbLike, makeOrganisation, makeWorker } from './factories.js';

const EXAMPLE_RULES = new URL('../../docs/examples/corridor-npl-are.json', import.meta.url);

/** The CLI.md example corridor NPL-ARE, applied once per database (applying again changes nothing). */
export async function ensureExampleCorridor(db: DbLike): Promise<void> {
  const k = 'db' in db ? db.db : db;
  await applyRules(k, CLI_ACTOR, JSON.parse(await readFile(EXAMPLE_RULES, 'utf8')));
}

export interface MadeContract {
  id: string;
  contract_no: string;
  employer_id: string;
  worker_id: string;
  terms: ContractTerms;
}

/**
 * A contract as registration leaves it (status registered, version 1 registered), written
 * straight to the tables: for modules that work on registered contracts (wages,
 * substitution) without walking the whole lifecycle. No registry log entry is made.
 */
export async function makeRegisteredContract(
  db: DbLike,
  options: { employer_id?: string; worker_id?: string; terms?: Partial<ContractTermsInput>; status?: 'registered' | 'active' } = {},
): Promise<MadeContract> {
  const k = 'db' in db ? db.db : db;
  await ensureExampleCorridor(k);
  const employerId = options.employer_id ?? (await makeOrganisation(k, { kind: 'employer', country: 'ARE' })).id;
  const workerId = options.worker_id ?? (await makeWorker(k, { nationality: 'NPL' })).id;
  const terms = ContractTerms.parse(validTermsInput({ employer_id: employerId, worker_id: workerId, ...options.terms }));
  const contractNo = `NPL-ARE-TEST-${randomBytes(5).toString('hex').toUpperCase()}`;
  const contract = await k
    .insertInto('contracts')
    .values({
      employer_id: employerId,
      contract_no: contractNo,
      corridor_code: 'NPL-ARE',
      worker_id: workerId,
      status: options.status ?? 'registered',
      current_version: 1,
      registered_version: 1,
      origin_country: 'NPL',
      destination_country: 'ARE',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const now = new Date();
  await k
    .insertInto('contract_versions')
    .values({
      employer_id: employerId,
      contract_id: contract.id,
      version: 1,
      state: 'registered',
      terms: JSON.stringify(terms),
      terms_digest: digestOf(terms),
      rules_version: 1,
      breaches: '[]',
      start_date: terms.start_date,
      end_date: terms.end_date,
      monthly_fixed_minor: monthlyFixedMinor(terms),
      currency: terms.wage.currency,
      offered_at: now,
      accepted_at: now,
      accepted_language: 'ne',
      approved_at: now,
      registered_at: now,
      signatures: '[]',
    })
    .execute();
  return { id: contract.id, contract_no: contractNo, employer_id: employerId, worker_id: workerId, terms };
}
