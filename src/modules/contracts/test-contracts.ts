import { readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { CLI_ACTOR } from '../../core/auth/actor.js';
import { type OrganisationKind, tokenScopesAllowed } from '../../core/auth/scopes.js';
import type { DB } from '../../schema.js';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { makeOrganisation, makeToken, makeUser, makeWorker, signIn } from '../../../test/helpers/factories.js';
import { applyRules } from '../corridors/apply-rules.js';
import type { ContractTermsInput } from './terms.schema.js';
import { validTermsInput } from './test-terms.js';

/** Test-only: the NPL-ARE corridor with its rules in force, its parties, and a way to call the API as each. */
export interface Caller {
  id: string;
  headers(): Record<string, string>;
}

export interface ContractWorld {
  t: TestApp;
  db: Kysely<DB>;
  employer: Caller;
  otherEmployer: Caller;
  origin: Caller;
  otherOrigin: Caller;
  destination: Caller;
  platform: Caller;
  /** A worker with an account (id: the worker record). */
  worker: Caller;
  otherWorker: Caller;
  call(method: 'GET' | 'POST' | 'PUT', url: string, who?: Caller, payload?: unknown): Promise<LightMyRequestResponse>;
  terms(overrides?: Partial<ContractTermsInput>): ContractTermsInput;
  /** Rows in the contract tables and the audit trail, to show a refusal stored nothing. */
  counts(): Promise<Record<string, number>>;
}

const EXAMPLE_RULES = JSON.parse(readFileSync(new URL('../../../docs/examples/corridor-npl-are.json', import.meta.url), 'utf8'));

async function organisation(db: Kysely<DB>, kind: OrganisationKind, country?: string, name?: string): Promise<Caller> {
  const org = await makeOrganisation(db, { kind, country, name });
  const token = await makeToken(db, { organisation_id: org.id, scopes: [...tokenScopesAllowed(kind)] });
  return { id: org.id, headers: () => ({ authorization: `Bearer ${token}` }) };
}

async function workerWithAccount(t: TestApp, fullName: string): Promise<Caller> {
  const db = t.database.db;
  const worker = await makeWorker(db, { full_name: fullName, nationality: 'NPL' });
  const user = await makeUser(db, { role: 'worker', worker_id: worker.id });
  const session = await signIn(t, user);
  return { id: worker.id, headers: () => session.headers() };
}

export async function contractWorld(): Promise<ContractWorld> {
  const t = await startTestApp();
  const db = t.database.db;
  await applyRules(db, CLI_ACTOR, EXAMPLE_RULES);
  const employer = await organisation(db, 'employer', 'ARE', 'Al Noor Construction LLC');
  const world: ContractWorld = {
    t,
    db,
    employer,
    otherEmployer: await organisation(db, 'employer', 'ARE'),
    origin: await organisation(db, 'origin_authority', 'NPL'),
    otherOrigin: await organisation(db, 'origin_authority', 'IND'),
    destination: await organisation(db, 'destination_authority', 'ARE'),
    platform: await organisation(db, 'platform', 'NPL'),
    worker: await workerWithAccount(t, 'Ram Bahadur Gurung'),
    otherWorker: await workerWithAccount(t, 'Sunita Tamang'),
    call: (method, url, who, payload) =>
      t.app.inject({ method, url, headers: who?.headers(), ...(payload === undefined ? {} : { payload: payload as object }) }),
    terms: (overrides = {}) => validTermsInput({ employer_id: employer.id, worker_id: world.worker.id, ...overrides }),
    counts: async () => {
      const result: Record<string, number> = {};
      const tables = ['contracts', 'contract_versions', 'contract_transitions', 'contract_views', 'health_safeguard_exceptions', 'audit_events'] as const;
      for (const table of tables)
        result[table] = Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      return result;
    },
  };
  return world;
}

/** Drafts and offers a clean contract; returns its id and the offered digest. */
export async function offeredContract(w: ContractWorld, overrides: Partial<ContractTermsInput> = {}): Promise<{ id: string; digest: string }> {
  const created = await w.call('POST', '/api/v1/contracts', w.employer, { terms: w.terms(overrides) });
  if (created.statusCode !== 201) throw new Error(`draft: ${created.statusCode} ${created.body}`);
  const id = created.json().id as string;
  const offered = await w.call('POST', `/api/v1/contracts/${id}/offer`, w.employer);
  if (offered.statusCode !== 200) throw new Error(`offer: ${offered.statusCode} ${offered.body}`);
  return { id, digest: offered.json().versions.at(-1).terms_digest };
}

/** Takes an offered contract through acceptance (in 'ne'), approval and registration. */
export async function registeredContract(w: ContractWorld, overrides: Partial<ContractTermsInput> = {}): Promise<string> {
  const { id, digest } = await offeredContract(w, overrides);
  const steps: [string, Caller, unknown?][] = [
    [`/api/v1/contracts/${id}?lang=ne`, w.worker],
    [`/api/v1/contracts/${id}/accept`, w.worker, { terms_digest: digest, language: 'ne' }],
    [`/api/v1/contracts/${id}/approve`, w.origin],
    [`/api/v1/contracts/${id}/register`, w.destination],
  ];
  for (const [url, who, payload] of steps) {
    const res = await w.call(url.includes('?') ? 'GET' : 'POST', url, who, payload);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  }
  return id;
}
