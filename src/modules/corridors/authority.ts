import type { Actor } from '../../core/auth/actor.js';
import { forbidden, notFound } from '../../core/errors.js';

export type Side = 'origin' | 'destination';

interface CorridorSides {
  code: string;
  origin: string;
  destination: string;
}

/** The side an actor speaks for (docs/decisions/0007): its organisation's kind and country. */
export function sideOf(actor: Actor, corridor: CorridorSides): Side | undefined {
  if (actor.organisationKind === 'origin_authority' && actor.country === corridor.origin) return 'origin';
  if (actor.organisationKind === 'destination_authority' && actor.country === corridor.destination) return 'destination';
  return undefined;
}

/**
 * Only the two sides' authorities act on a corridor's rules. Another country's authority
 * is told the corridor does not exist for it (404); anyone else that its role does not allow it (403).
 */
export function requireSide(actor: Actor, corridor: CorridorSides): Side {
  const side = sideOf(actor, corridor);
  if (side) return side;
  if (actor.organisationKind === 'origin_authority' || actor.organisationKind === 'destination_authority')
    throw notFound(`Corridor ${corridor.code}`);
  throw forbidden("Only the authorities of the corridor's two countries act on its rules");
}

export const otherSide = (side: Side): Side => (side === 'origin' ? 'destination' : 'origin');
