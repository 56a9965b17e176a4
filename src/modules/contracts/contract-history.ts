import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../schema.js';
import type { ContractRow, TransitionRow, VersionRow } from './contract-queries.js';

export interface ViewRow {
  version: number;
  language: string;
  first_viewed_at: Date;
}

/** Everything a contract's view shows besides the contract row itself. */
export interface ContractHistory {
  versions: VersionRow[];
  transitions: TransitionRow[];
  views: ViewRow[];
  employerName: string;
  workerName: string;
  /** The active signing key asked for (see loadHistory's `key`): null when there is none yet; absent when not asked for. */
  signingKey?: SigningKeyRow | null;
}

/** An active signing key's row, as the key store reads it. */
export interface SigningKeyRow {
  key_id: string;
  public_key: string;
  private_key_encrypted: string;
}

/** Which active key a step will sign with: read along with the history, saving the step a round trip. */
export interface KeyWanted {
  purpose: 'acceptance' | 'authority';
  organisationId: string | null;
}

type Extras = {
  transitions: (Omit<TransitionRow, 'occurred_at'> & { occurred_at: number })[] | null;
  views: (Omit<ViewRow, 'first_viewed_at'> & { first_viewed_at: number })[] | null;
  employer_name: string;
  worker_name: string;
  key: SigningKeyRow | null;
};

// Instants travel as epoch milliseconds (truncated, as node-postgres truncates microseconds), so they read back exactly as a Date would.
const ms = (column: string) => sql.raw(`floor(extract(epoch FROM ${column}) * 1000)::float8`);

/**
 * What a contract's view shows besides its versions, as five JSON columns read in the statement
 * that reads the versions: `employerId`, `contractId`, `workerId` are the contract's own columns
 * or parameters.
 */
export function historyColumns(employerId: RawBuilder<unknown>, contractId: RawBuilder<unknown>, workerId: RawBuilder<unknown>, key?: KeyWanted) {
  const scope = sql`employer_id = ${employerId} AND contract_id = ${contractId}`;
  return [
    sql<Extras['transitions']>`(SELECT json_agg(json_build_object('employer_id', t.employer_id, 'contract_id', t.contract_id, 'id', t.id,
      'version', t.version, 'from_state', t.from_state, 'to_state', t.to_state, 'actor_type', t.actor_type, 'actor_user_id', t.actor_user_id,
      'actor_organisation_id', t.actor_organisation_id, 'reason', t.reason, 'occurred_at', ${ms('t.occurred_at')}) ORDER BY t.id)
      FROM contract_transitions t WHERE ${scope})`.as('x_transitions'),
    sql<Extras['views']>`(SELECT json_agg(json_build_object('version', w.version, 'language', w.language,
      'first_viewed_at', ${ms('w.first_viewed_at')}) ORDER BY w.first_viewed_at) FROM contract_views w WHERE ${scope})`.as('x_views'),
    sql<string>`(SELECT name FROM organisations WHERE id = ${employerId})`.as('x_employer_name'),
    sql<string>`(SELECT full_name FROM workers WHERE id = ${workerId})`.as('x_worker_name'),
    (key
      ? sql<Extras['key']>`(SELECT json_build_object('key_id', k.key_id, 'public_key', k.public_key, 'private_key_encrypted', k.private_key_encrypted)
          FROM signing_keys k WHERE k.purpose = ${key.purpose} AND k.organisation_id IS NOT DISTINCT FROM ${key.organisationId}::uuid AND k.retired_at IS NULL)`
      : sql<Extras['key']>`NULL::json`
    ).as('x_key'),
  ] as const;
}

export type HistoryExtras = { x_transitions: Extras['transitions']; x_views: Extras['views']; x_employer_name: string; x_worker_name: string; x_key: Extras['key'] };

/** The history from the rows' versions and the extra columns of historyColumns. */
export function historyOf(versions: VersionRow[], extras: HistoryExtras, key?: KeyWanted): ContractHistory {
  return {
    versions,
    transitions: (extras.x_transitions ?? []).map((t) => ({ ...t, occurred_at: new Date(t.occurred_at) })),
    views: (extras.x_views ?? []).map((v) => ({ ...v, first_viewed_at: new Date(v.first_viewed_at) })),
    employerName: extras.x_employer_name,
    workerName: extras.x_worker_name,
    ...(key ? { signingKey: extras.x_key } : {}),
  };
}

/**
 * The versions, transitions, views and the two names a contract's view needs, in one round
 * trip: the other parts ride along as JSON on every version row (uncorrelated subqueries,
 * computed once). A request then builds its answer without reading the contract again.
 * Read after the contract row is locked, so that it sees the latest committed steps.
 */
export async function loadHistory(db: Kysely<DB>, c: ContractRow, key?: KeyWanted): Promise<ContractHistory> {
  const rows = await db
    .selectFrom('contract_versions')
    .selectAll()
    .select(historyColumns(sql`${c.employer_id}`, sql`${c.id}`, sql`${c.worker_id}`, key))
    .where('employer_id', '=', c.employer_id)
    .where('contract_id', '=', c.id)
    .orderBy('version')
    .execute();
  const first = rows[0];
  if (!first) throw new Error(`contract ${c.id} has no version`);
  const versions = rows.map(({ x_transitions, x_views, x_employer_name, x_worker_name, x_key, ...version }) => version as VersionRow);
  return historyOf(versions, first, key);
}

/** The active signing keys of a purpose for these organisations, by organisation: one statement. */
export async function activeSigningKeys(db: Kysely<DB>, purpose: KeyWanted['purpose'], organisationIds: readonly string[]): Promise<Map<string, SigningKeyRow>> {
  if (organisationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('signing_keys')
    .select(['organisation_id', 'key_id', 'public_key', 'private_key_encrypted'])
    .where('purpose', '=', purpose)
    .where('organisation_id', 'in', organisationIds)
    .where('retired_at', 'is', null)
    .execute();
  return new Map(rows.map(({ organisation_id, ...key }) => [organisation_id!, key]));
}
