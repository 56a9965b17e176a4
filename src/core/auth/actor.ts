import { AppError } from '../errors.js';
import { SCOPES, type OrganisationKind, type Role, type Scope } from './scopes.js';

/** Who is acting: resolved once per request (or CLI command) and passed to every service. */
export interface Actor {
  type: 'user' | 'token' | 'cli' | 'system' | 'public';
  userId?: string;
  tokenId?: string;
  role?: Role;
  organisationId?: string;
  organisationKind?: OrganisationKind;
  /** The organisation's country (an authority's jurisdiction). */
  country?: string;
  /** For a worker: their own worker record. */
  workerId?: string;
  scopes: ReadonlySet<Scope>;
  ip?: string;
  requestId?: string;
}

export const PUBLIC_ACTOR: Actor = { type: 'public', scopes: new Set() };

/** The operator at the command line: has the machine, so has everything; every change is still audited as 'cli'. */
export const CLI_ACTOR: Actor = { type: 'cli', scopes: new Set(SCOPES) };

export function requireScope(actor: Actor, scope: Scope): void {
  if (actor.type === 'public') throw new AppError('unauthenticated', 'Sign in, or send an API token');
  if (!actor.scopes.has(scope)) throw new AppError('forbidden', `Your role does not allow ${scope}`);
}

/** The operator: the CLI, the system itself, and people or tokens of the platform organisation. */
export const isPlatform = (actor: Actor) =>
  actor.type === 'cli' || actor.type === 'system' || actor.role === 'platform_admin' || actor.organisationKind === 'platform';
