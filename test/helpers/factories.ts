/**
 * Small builders for every module's tests: real rows through the identity module's own
 * queries, so tests start from a state the application could have made.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { OrganisationKind, Role, Scope } from '../../src/core/auth/scopes.js';
import type { Database } from '../../src/core/db/database.js';
import type { App } from '../../src/http/types.js';
import type { DB } from '../../src/schema.js';
import { SESSION_COOKIE } from '../../src/modules/identity/authenticate.js';
import { newApiToken } from '../../src/modules/identity/api-token-secret.js';
import { hashPassword } from '../../src/modules/identity/passwords.js';
import { insertOrganisation, type OrganisationRow } from '../../src/modules/identity/queries/organisations.js';
import { insertToken } from '../../src/modules/identity/queries/tokens.js';
import { insertUser } from '../../src/modules/identity/queries/users.js';
import { insertWorker, type WorkerRow } from '../../src/modules/identity/queries/workers.js';

/** A Kysely instance, or anything holding one (a Database, a TestApp's database). */
export type DbLike = Kysely<DB> | Pick<Database, 'db'>;
const kysely = (db: DbLike): Kysely<DB> => ('db' in db ? db.db : db);
const unique = () => randomBytes(4).toString('hex');

/** Every factory-made user has this password unless told otherwise; it is hashed once per process. */
export const TEST_PASSWORD = 'factory-test-password-7Qx';
let testHash: Promise<string> | undefined;
const hashFor = (password: string) => (password === TEST_PASSWORD ? (testHash ??= hashPassword(TEST_PASSWORD)) : hashPassword(password));

/** Where each kind is usually established in the NPL-ARE demo corridor. */
const DEFAULT_COUNTRY: Record<OrganisationKind, string> = {
  platform: 'NPL',
  origin_authority: 'NPL',
  destination_authority: 'ARE',
  employer: 'ARE',
  recruitment_agency: 'NPL',
  wage_agent: 'ARE',
  lender: 'NPL',
  remittance_provider: 'ARE',
};

export function makeOrganisation(
  db: DbLike,
  options: { kind: OrganisationKind; country?: string; name?: string; external_id?: string | null },
): Promise<OrganisationRow> {
  return insertOrganisation(kysely(db), {
    kind: options.kind,
    country: options.country ?? DEFAULT_COUNTRY[options.kind],
    name: options.name ?? `Test ${options.kind.replace('_', ' ')} ${unique()}`,
    external_id: options.external_id ?? null,
  });
}

export function makeWorker(
  db: DbLike,
  options: {
    full_name?: string;
    sex?: 'F' | 'M' | 'X';
    birth_date?: string;
    nationality?: string;
    passport_no?: string | null;
    person_id?: string | null;
    registered_by?: string | null;
  } = {},
): Promise<WorkerRow> {
  return insertWorker(kysely(db), {
    full_name: options.full_name ?? `Test Worker ${unique()}`,
    sex: options.sex ?? 'F',
    birth_date: options.birth_date ?? '1995-04-12',
    nationality: options.nationality ?? 'NPL',
    passport_no: options.passport_no === undefined ? `PA${randomBytes(4).toString('hex').toUpperCase()}` : options.passport_no,
    person_id: options.person_id ?? null,
    registered_by: options.registered_by ?? null,
  });
}

export interface MadeUser {
  id: string;
  email: string;
  password: string;
  organisation_id: string | null;
  worker_id: string | null;
}

/**
 * A user who can sign in. Staff without an organisation_id get a new employer; a
 * platform_admin a new platform organisation; a worker without worker_id a new worker.
 */
export async function makeUser(
  db: DbLike,
  options: {
    role: Role;
    organisation_id?: string;
    worker_id?: string;
    password?: string;
    email?: string;
    display_name?: string;
    must_change_password?: boolean;
  },
): Promise<MadeUser> {
  const k = kysely(db);
  const password = options.password ?? TEST_PASSWORD;
  let organisationId: string | null = options.organisation_id ?? null;
  let workerId: string | null = options.worker_id ?? null;
  if (options.role === 'worker') workerId ??= (await makeWorker(k)).id;
  else if (!organisationId) organisationId = (await makeOrganisation(k, { kind: options.role === 'platform_admin' ? 'platform' : 'employer' })).id;
  const row = await insertUser(k, {
    email: options.email ?? `${options.role.replace('_', '-')}-${unique()}@example.test`,
    display_name: options.display_name ?? `Test ${options.role}`,
    role: options.role,
    organisation_id: options.role === 'worker' ? null : organisationId,
    worker_id: options.role === 'worker' ? workerId : null,
    password_hash: await hashFor(password),
    must_change_password: options.must_change_password ?? false,
  });
  return { id: row.id, email: row.email, password, organisation_id: row.organisation_id, worker_id: row.worker_id };
}

/** An API token (the string to send as `Authorization: Bearer ...`). */
export async function makeToken(
  db: DbLike,
  options: { organisation_id: string; scopes: Scope[]; expires_at?: Date | null; name?: string },
): Promise<string> {
  const { token, prefix, secretHash } = newApiToken();
  await insertToken(kysely(db), {
    prefix,
    secret_hash: secretHash,
    name: options.name ?? 'test token',
    organisation_id: options.organisation_id,
    created_by: null,
    scopes: options.scopes,
    expires_at: options.expires_at ?? null,
  });
  return token;
}

export interface SignedIn {
  cookie: string;
  csrf: string;
  /** Headers for app.inject: the session cookie and X-CSRF-Token, plus any extra. */
  headers(extra?: Record<string, string>): Record<string, string>;
}

/** Signs in through POST /api/v1/auth/login; throws unless it succeeds. */
export async function signIn(app: App | { app: App }, credentials: { email: string; password: string }): Promise<SignedIn> {
  const server = 'app' in app ? app.app : app;
  const res = await server.inject({ method: 'POST', url: '/api/v1/auth/login', payload: credentials });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${credentials.email} failed: ${res.statusCode} ${res.body}`);
  const set = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!set) throw new Error('sign-in set no session cookie');
  const cookie = `${SESSION_COOKIE}=${set.value}`;
  const csrf = (res.json() as { csrf_token: string }).csrf_token;
  return { cookie, csrf, headers: (extra = {}) => ({ cookie, 'x-csrf-token': csrf, ...extra }) };
}
