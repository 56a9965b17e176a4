import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App, AppContext } from '../../http/types.js';
import { followUpRoutes } from './follow-up/follow-up-routes.js';
import { fileRoutes, UPLOAD_LIMIT, UPLOAD_TYPES } from './intake/file-routes.js';
import { mandateRoutes } from './mandates/mandate-routes.js';
import { resultRoutes } from './reconcile/result-routes.js';

/**
 * Wage protection routes, in their own encapsulated context: salary files arrive as raw
 * bytes (their SHA-256 must be of exactly what the agent sent), and that parser stays here.
 */
export async function wageRoutes(app: App, ctx: AppContext): Promise<void> {
  await app.register(async (child) => {
    const scoped = child.withTypeProvider<ZodTypeProvider>() as App;
    scoped.removeContentTypeParser('text/plain');
    scoped.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_request, body, done) => done(null, body));
    await fileRoutes(scoped, ctx);
    await mandateRoutes(scoped, ctx);
    await resultRoutes(scoped, ctx);
    await followUpRoutes(scoped, ctx);
  });
}
