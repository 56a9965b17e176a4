/** Test-only: a corridor in force, employers with establishment ids, workers with person ids, and registered contracts written straight to the tables. */
import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { CLI_ACTOR } from '../../core/auth/actor.js';
import type { DB } from '../../schema.js';
import { makeOrganisation, makeWorker } from '../../../test/helpers/factories.js';
import { applyRules } from '../corridors/apply-rules.js';
import { EXAMPLE_RULES } from '../corridors/test-support.js';

export const SAMPLES = new URL('./salary-files/samples', import.meta.url).pathname;
export const SAMPLE_VALID = '0000009990001250601093000.SIF';
export const SAMPLE_INVALID = '0000009990001250601094500.SIF';
export const SAMPLE_EVP = '0000009990001250601100000.SIF';
export const SAMPLE_EMPLOYER = '0000009990001';

/** NPL-ARE in force from 2025-01-01; wage rules as given (default pay day 10, grace 5, tolerance 0). */
export async function makeCorridor(db: Kysely<DB>, wage: Partial<{ pay_day: number; grace_days: number; underpayment_tolerance_minor: number }> = {}) {
  await applyRules(db, CLI_ACTOR, {
    ...EXAMPLE_RULES,
    valid_from: '2025-01-01',
    wage: { ...EXAMPLE_RULES.wage, ...wage },
  });
  return 'NPL-ARE';
}

export const makeEmployer = (db: Kysely<DB>, externalId = `77${randomBytes(8).readBigUInt64BE() % 10n ** 11n}`.padEnd(13, '0'), country = 'ARE') =>
  makeOrganisation(db, { kind: 'employer', external_id: externalId, country });

export const makeAgent = (db: Kysely<DB>) => makeOrganisation(db, { kind: 'wage_agent', external_id: randomBytes(3).toString('hex') });

export async function mandate(db: Kysely<DB>, employerId: string, agentId: string): Promise<void> {
  await db.insertInto('wage_mandates').values({ employer_id: employerId, agent_id: agentId, created_by_organisation_id: null }).execute();
}

export interface ContractInput {
  employerId: string;
  personId?: string;
  workerId?: string;
  start: string;
  end: string;
  monthly: number;
  currency?: string;
  status?: string;
  corridor?: string;
}

/** A registered contract (version 1 registered) for a worker with that person id (created unless workerId is given). */
export async function makeRegisteredContract(db: Kysely<DB>, c: ContractInput): Promise<{ contractId: string; workerId: string; contractNo: string }> {
  const workerId = c.workerId ?? (await makeWorker(db, { person_id: c.personId ?? null, nationality: 'NPL' })).id;
  const contractNo = `T-${randomBytes(5).toString('hex')}`;
  const { rows } = await sql<{ id: string }>`
    INSERT INTO contracts (employer_id, contract_no, corridor_code, worker_id, status, current_version, registered_version, origin_country, destination_country)
    VALUES (${c.employerId}, ${contractNo}, ${c.corridor ?? 'NPL-ARE'}, ${workerId}, ${c.status ?? 'registered'}, 1, 1, 'NPL', 'ARE')
    RETURNING id`.execute(db);
  const contractId = rows[0]!.id;
  await sql`
    INSERT INTO contract_versions (employer_id, contract_id, version, state, terms, terms_digest, rules_version, start_date, end_date, monthly_fixed_minor, currency)
    VALUES (${c.employerId}, ${contractId}, 1, 'registered', '{}', ${'0'.repeat(64)}, 1, ${c.start}, ${c.end}, ${c.monthly}, ${c.currency ?? 'AED'})`.execute(db);
  return { contractId, workerId, contractNo };
}

let fileClock = 0;

/** A UAE SIF with its file name, for hand-made reconciliation cases. */
export function sif(o: { employer: string; month: string; createdOn: string; rows: { person: string; fixed: string; variable?: string; leave?: number }[] }): { name: string; text: string } {
  const [y, m] = o.month.split('-') as [string, string];
  const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
  const cents = (a: string) => Math.round(Number(a) * 100);
  const lines = o.rows.map((r) => `EDR,${r.person},999100001,AE879990000000000000001,${o.month}-01,${o.month}-${last},${last},${r.fixed},${r.variable ?? '0.00'},${r.leave ?? 0}`);
  const total = o.rows.reduce((a, r) => a + cents(r.fixed) + cents(r.variable ?? '0'), 0);
  lines.push(`SCR,${o.employer},999100001,${o.createdOn},0930,${m}${y},${o.rows.length},${(total / 100).toFixed(2)},AED,TEST`);
  // A distinct, valid HHMMSS per file from 09:00:00 on (more than 60 files in one test process went past :59).
  const n = fileClock++;
  const time = [9 + Math.floor(n / 3600), Math.floor(n / 60) % 60, n % 60].map((v) => String(v).padStart(2, '0')).join('');
  return { name: `${o.employer}${o.createdOn.slice(2).replaceAll('-', '')}${time}.SIF`, text: lines.join('\r\n') + '\r\n' };
}
