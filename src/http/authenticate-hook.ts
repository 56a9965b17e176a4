import type { FastifyRequest } from 'fastify';
import { requireScope } from '../core/auth/actor.js';
import { safeEqual } from '../core/crypto/secrets.js';
import { AppError } from '../core/errors.js';
import { authenticateSession, authenticateToken, type KeptCredentials, SESSION_COOKIE } from '../modules/identity/authenticate.js';
import type { AppContext } from './types.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the actor (API token or session cookie), then enforces the route's declared
 * scope and, for cookie sessions, the CSRF token. Record-level access is the services' job.
 */
export function authenticateHook(ctx: AppContext, kept?: KeptCredentials) {
  return async (request: FastifyRequest): Promise<void> => {
    const base = { ip: request.ip, requestId: request.id };
    request.actor = { type: 'public', scopes: new Set(), ...base };
    const db = ctx.database.db;
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const [scheme, token] = authorization.split(' ');
      if (scheme !== 'Bearer' || !token) throw new AppError('unauthenticated', 'Authorization must be "Bearer <API token>"');
      request.actor = { ...(await authenticateToken(db, token, new Date(), kept)).actor, ...base };
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      const session = cookie ? await authenticateSession(db, cookie, new Date(), kept) : undefined;
      if (session) {
        request.actor = { ...session.actor, ...base };
        request.csrfToken = session.csrfToken;
        request.mustChangePassword = session.mustChangePassword;
      }
    }

    const config = request.routeOptions.config;
    // No route matched: the not-found handler answers, with nothing to protect.
    if (!config || config.public || request.routeOptions.url === undefined) return checkCsrf(request);
    if (!config.scope) throw new AppError('internal', `route ${request.routeOptions.url} declares no scope`);
    requireScope(request.actor, config.scope);
    if (request.mustChangePassword && !config.allowPasswordChange)
      throw new AppError('forbidden', 'Change your one-time password first (POST /api/v1/auth/password)');
    checkCsrf(request);
  };
}

function checkCsrf(request: FastifyRequest): void {
  if (!request.csrfToken || SAFE_METHODS.has(request.method)) return;
  const sent = request.headers['x-csrf-token'];
  if (typeof sent !== 'string' || !safeEqual(sent, request.csrfToken))
    throw new AppError('forbidden', 'Missing or wrong X-CSRF-Token header (it comes with the sign-in answer and GET /api/v1/auth/me)');
}
