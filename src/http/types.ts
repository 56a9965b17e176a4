import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../core/auth/actor.js';
import type { Scope } from '../core/auth/scopes.js';
import type { Config } from '../core/config.js';
import type { Database } from '../core/db/database.js';

/** The server every module's routes are registered on. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface AppContext {
  database: Database;
  config: Config;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The scope a route needs. Every route declares a scope or `public: true`. */
    scope?: Scope;
    /** The route is open to anyone (sign-in, public verification, health). */
    public?: boolean;
    /** Allowed while a one-time password has not been changed yet. */
    allowPasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor: Actor;
    csrfToken?: string;
    mustChangePassword?: boolean;
  }
}
