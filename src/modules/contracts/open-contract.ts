import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import { notFound } from '../../core/errors.js';
import type { DB } from '../../schema.js';
import { isUuid } from '../identity/access.js';
import { canSee, partyOf } from './contract-access.js';
import { type ContractHistory, historyColumns, historyOf, type KeyWanted, loadHistory, type SigningKeyRow } from './contract-history.js';
import { type ContractRow, findContract, type VersionRow } from './contract-queries.js';
import { contractStage } from './contract-view.js';
import { contractFromJson, versionFromJson } from './json-rows.js';
import type { Party, Stage } from './transitions.js';

/** A contract as one step sees it: locked (inside a transaction), with the actor's part in it and its stage. */
export interface OpenContract {
  contract: ContractRow;
  versions: VersionRow[];
  /** The version the next step concerns: the draft, the offer, or the amendment in progress. */
  current: VersionRow;
  /** The version in force, once registered. */
  registered: VersionRow | undefined;
  party: Party;
  stage: Stage;
  /** What the contract's view shows, as read after the lock: a step answers from it without reading again. */
  history: ContractHistory;
  /** The active signing key asked for with `key`: null if there is none yet, undefined if not asked for. */
  signingKey?: SigningKeyRow | null;
  /**
   * Set when the contract was read without a lock (readContract): the row's version (xmin) then,
   * and the step's write applies only if the row is still that one (see applyStep).
   */
  revision?: string;
}

/**
 * Loads a contract the actor may see; any other is not found, whoever asks. Two round trips: the
 * (locked) row, then its history, with the signing key the step will use when `key` says which.
 */
export async function openContract(db: Kysely<DB>, actor: Actor, id: string, lock = false, key?: KeyWanted): Promise<OpenContract> {
  const contract = isUuid(id) ? await findContract(db, id, lock) : undefined;
  if (!contract) throw notFound(`Contract ${id}`);
  const party = partyOf(actor, contract);
  // Who is no party learns nothing, not even from the time the history takes to read.
  if (party === undefined) throw notFound(`Contract ${id}`);
  const { signingKey, ...history } = await loadHistory(db, contract, key);
  return opened(actor, id, contract, history, signingKey);
}

/**
 * Reads a contract the actor may see, with its history, in one round trip and without a lock:
 * for a step that writes in one guarded statement (applyStep with `revision`), retried from
 * here when another step wrote first (withFreshContract).
 */
export async function readContract(db: Kysely<DB>, actor: Actor, id: string, key?: KeyWanted): Promise<OpenContract> {
  const read = (await readContracts(db, [id], key)).get(id);
  if (!read) throw notFound(`Contract ${id}`);
  return { ...opened(actor, id, read.contract, read.history, read.history.signingKey), revision: read.revision };
}

/** Contracts by id with their history (and the signing key asked for), in one statement; ids that are not UUIDs are not found. */
export async function readContracts(
  db: Kysely<DB>,
  ids: readonly string[],
  key?: KeyWanted,
): Promise<Map<string, { contract: ContractRow; history: ContractHistory; revision: string }>> {
  const wanted = ids.filter(isUuid);
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('contracts as c')
    .select([
      sql<Record<string, unknown>>`row_to_json(c)`.as('x_contract'),
      sql<string>`c.xmin::text`.as('x_revision'),
      sql<Record<string, unknown>[]>`(SELECT json_agg(v ORDER BY v.version) FROM contract_versions v WHERE v.employer_id = c.employer_id AND v.contract_id = c.id)`.as('x_versions'),
      ...historyColumns(sql.ref('c.employer_id'), sql.ref('c.id'), sql.ref('c.worker_id'), key),
    ])
    .where(wanted.length === 1 ? sql<boolean>`c.id = ${wanted[0]}` : sql<boolean>`c.id = ANY(${wanted}::uuid[])`)
    .execute();
  return new Map(
    rows.map((row) => {
      const contract = contractFromJson(row.x_contract);
      return [contract.id, { contract, history: historyOf(row.x_versions.map(versionFromJson), row, key), revision: row.x_revision }];
    }),
  );
}

/** The contract as `actor` may see it; any other is not found. */
export function opened(actor: Actor, id: string, contract: ContractRow, history: ContractHistory, signingKey: SigningKeyRow | null | undefined): OpenContract {
  const party = partyOf(actor, contract);
  if (party === undefined) throw notFound(`Contract ${id}`);
  const { versions } = history;
  const progress = { offered: versions.some((v) => v.offered_at !== null), accepted: versions.some((v) => v.accepted_at !== null) };
  if (!canSee(party, progress)) throw notFound(`Contract ${id}`);
  const current = versions.find((v) => v.version === contract.current_version)!;
  const registered = versions.find((v) => v.version === contract.registered_version);
  return { contract, versions, current, registered, party, stage: contractStage(contract, current), history, signingKey };
}
