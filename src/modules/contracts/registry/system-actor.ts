import type { Actor } from '../../../core/auth/actor.js';

/** The registry acting on its own behalf (making a key, signing a head): audited as 'system'. */
export const SYSTEM_ACTOR: Actor = { type: 'system', scopes: new Set() };
