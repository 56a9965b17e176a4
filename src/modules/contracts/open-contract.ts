import type { Kysely } from 'kysely';
import type { Actor } from '../../core/auth/actor.js';
import { notFound } from '../../core/errors.js';
import type { DB } from '../../schema.js';
import { isUuid } from '../identity/access.js';
import { canSee, partyOf } from './contract-access.js';
import { type ContractHistory, type KeyWanted, loadHistory, type SigningKeyRow } from './contract-history.js';
import { type ContractRow, findContract, type VersionRow } from './contract-queries.js';
import { contractStage } from './contract-view.js';
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
  const { versions } = history;
  const progress = { offered: versions.some((v) => v.offered_at !== null), accepted: versions.some((v) => v.accepted_at !== null) };
  if (!canSee(party, progress)) throw notFound(`Contract ${id}`);
  const current = versions.find((v) => v.version === contract.current_version)!;
  const registered = versions.find((v) => v.version === contract.registered_version);
  return { contract, versions, current, registered, party, stage: contractStage(contract, current), history, signingKey };
}
