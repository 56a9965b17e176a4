import { type Actor, isPlatform } from '../../core/auth/actor.js';
import type { Party } from './transitions.js';

interface ContractParties {
  employer_id: string;
  worker_id: string;
  origin_country: string;
  destination_country: string;
}

/** How far the contract has come: who may see it depends on it. */
export interface Progress {
  /** Some version was offered to the worker. */
  offered: boolean;
  /** Some version was accepted by the worker. */
  accepted: boolean;
}

/** The actor's part in a contract, if any. */
export function partyOf(actor: Actor, c: ContractParties): Party | undefined {
  if (actor.organisationId && actor.organisationId === c.employer_id) return 'employer';
  if (actor.workerId && actor.workerId === c.worker_id) return 'worker';
  if (actor.organisationKind === 'origin_authority' && actor.country === c.origin_country) return 'origin';
  if (actor.organisationKind === 'destination_authority' && actor.country === c.destination_country) return 'destination';
  if (isPlatform(actor)) return 'platform';
  return undefined;
}

/**
 * Record-level access to contracts, decided here and nowhere else (list-contracts.ts applies
 * the same rules in SQL). The employer and the platform see every contract of theirs; the
 * worker and their origin authority from the offer on; the destination authority from the
 * worker's acceptance on. Anyone else is told the contract does not exist.
 */
export function canSee(party: Party | undefined, progress: Progress): party is Party {
  switch (party) {
    case 'employer':
    case 'platform':
      return true;
    case 'worker':
    case 'origin':
      return progress.offered;
    case 'destination':
      return progress.accepted;
    default:
      return false;
  }
}

/** Draft versions are the employer's working copies: the other parties see what was offered. */
export const seesDrafts = (party: Party) => party === 'employer' || party === 'platform';
