import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import { authenticateHook } from './authenticate-hook.js';
import { forgetsOwnChanges, keptCredentials } from '../modules/identity/kept-credentials.js';
import { idempotencyHooks } from './idempotency.js';
import { registerMetrics } from './metrics.js';
import { sendProblem, toAppError } from './problem.js';
import { registerModuleRoutes } from './routes.js';
import { rateLimitStore } from './shared-rate-limit.js';
import type { App, AppContext } from './types.js';
import { registerWeb } from './web.js';

/** Never logged, wherever they appear. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.new_password',
  '*.token',
  '*.passport_no',
];

export function createLogger(level: string, destination?: pino.DestinationStream): FastifyBaseLogger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination ?? pino.destination(2));
}

export async function buildServer(ctx: AppContext, logger?: FastifyBaseLogger): Promise<App> {
  const app = Fastify({
    loggerInstance: logger ?? createLogger(ctx.config.logLevel),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    trustProxy: true,
    bodyLimit: 10 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Every route must say who may call it; documentation routes are public by nature.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/docs')) route.config = { ...(route.config ?? {}), public: true };
    const config = route.config as { public?: boolean; scope?: string } | undefined;
    if (!config?.public && !config?.scope) throw new Error(`route ${route.method} ${route.url} declares neither a scope nor public`);
  });

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: { 'img-src': ["'self'", 'data:'], 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"] },
    },
  });
  // In a cluster worker the counts are kept by the primary, so a limit holds across processes.
  await app.register(fastifyRateLimit, { global: false, store: rateLimitStore() });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Corridor API',
        version: '1',
        description:
          'The contract employment cycle of a labour-migration corridor. Errors are RFC 9457 problem+json. ' +
          'Machine clients send `Authorization: Bearer <API token>`; browsers use the session cookie and echo `X-CSRF-Token` on changes. ' +
          'POST requests that create something accept an `Idempotency-Key` header.',
      },
      components: {
        securitySchemes: {
          apiToken: { type: 'http', scheme: 'bearer', description: 'API token (cor_...)' },
          session: { type: 'apiKey', in: 'cookie', name: 'corridor_session' },
        },
      },
      security: [{ apiToken: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  const credentials = await keptCredentials(ctx.database);
  app.addHook('onClose', credentials.stop);
  app.addHook('onSend', forgetsOwnChanges(credentials.kept));
  app.addHook('onRequest', authenticateHook(ctx, credentials.kept));
  const idempotency = idempotencyHooks(ctx);
  app.addHook('preHandler', idempotency.preHandler);
  app.addHook('onSend', idempotency.onSend);

  app.setErrorHandler((error, request, reply) => sendProblem(reply, request, toAppError(error, request)));
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, new AppError('not_found', `No route ${request.method} ${request.url.split('?')[0]}`)),
  );

  registerMetrics(app);
  app.get(
    '/healthz',
    { config: { public: true }, schema: { tags: ['health'], response: { 200: z.object({ status: z.literal('ok'), engine: z.string() }) } } },
    async () => {
      await ctx.database.db.selectFrom('countries').select('code').limit(1).execute();
      return { status: 'ok' as const, engine: ctx.database.engine };
    },
  );
  app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  await registerModuleRoutes(app, ctx);
  await registerWeb(app);
  return app;
}
