import { z } from 'zod';
import type { App, AppContext } from '../../../http/types.js';
import { SESSION_COOKIE } from '../authenticate.js';
import { changePassword } from './change-password.js';
import { ChangePasswordRequest } from './change-password.schema.js';
import { login } from './login.js';
import { LoginRequest, LoginResponse } from './login.schema.js';
import { logout } from './logout.js';
import { me } from './me.js';
import { MeResponse } from './me.schema.js';
import { setPreferences } from './preferences.js';
import { PreferencesRequest } from './preferences.schema.js';
import { SessionUser } from '../users/user.js';

export async function authRoutes(app: App, ctx: AppContext): Promise<void> {
  const db = () => ctx.database.db;
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: ctx.config.secureCookies, path: '/' };

  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true, rateLimit: { max: ctx.config.loginRateLimit, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Sign in: sets the session cookie', body: LoginRequest, response: { 200: LoginResponse } },
    },
    async (request, reply) => {
      const { session, response } = await login(db(), request.body, { ip: request.ip, userAgent: request.headers['user-agent'] });
      reply.setCookie(SESSION_COOKIE, session.cookie, { ...cookieOptions, expires: session.expiresAt });
      return response;
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { public: true }, schema: { tags: ['auth'], summary: 'Sign out: ends this session' } },
    async (request, reply) => {
      await logout(db(), request.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      config: { scope: 'self:read', allowPasswordChange: true },
      schema: { tags: ['auth'], summary: 'Who you are: account, organisation, scopes and CSRF token', response: { 200: MeResponse } },
    },
    async (request) => me(db(), request.actor, request.csrfToken),
  );

  app.patch(
    '/api/v1/auth/me',
    {
      config: { scope: 'self:read' },
      schema: {
        tags: ['auth'],
        summary: 'Your own preferences: the language of the web application, used after sign-in on any device',
        body: PreferencesRequest,
        response: { 200: SessionUser },
      },
    },
    async (request) => setPreferences(db(), request.actor, request.body),
  );

  app.post(
    '/api/v1/auth/password',
    {
      config: { scope: 'self:read', allowPasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: 'Change your password (ends your other sessions)',
        body: ChangePasswordRequest,
        response: { 200: z.object({ changed: z.literal(true) }) },
      },
    },
    async (request) => {
      await changePassword(db(), request.actor, request.body, request.cookies[SESSION_COOKIE]);
      return { changed: true as const };
    },
  );
}
