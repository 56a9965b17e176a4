import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { AppError } from '../core/errors.js';
import type { App } from './types.js';

/** web/dist, built by `npm install` (the `prepare` script) or `npm run build:web`. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Paths the web application never owns: an unknown one stays a problem+json 404. */
const NOT_THE_APP = /^\/(api|docs|assets|\.well-known)(\/|$)|^\/(openapi\.json|metrics|healthz)$/;

/**
 * Serves the React application: hashed assets cached for a year, index.html never cached
 * (so a new build reaches phones at once), and index.html for any other GET path so that
 * deep links like /verify/<no> and /worker/contracts/<id> open the app.
 */
export async function registerWeb(app: App, dist = WEB_DIST): Promise<void> {
  if (!existsSync(`${dist}index.html`)) {
    app.log.warn(`web application not built (${dist}index.html missing): run "npm run build:web"; serving the API only`);
    return;
  }
  // The dist root's own files (service worker, icons); read once: a build replaces the folder.
  const rootFiles = new Set(
    readdirSync(dist, { withFileTypes: true })
      .filter((e) => e.isFile() && !/\.(gz|br)$/.test(e.name))
      .map((e) => e.name),
  );
  // cacheControl off: the routes below set it per kind of file.
  await app.register(fastifyStatic, { root: dist, serve: false, cacheControl: false, preCompressed: true });

  app.get('/assets/*', { config: { public: true }, schema: { hide: true } }, (request, reply) => {
    const file = (request.params as { '*': string })['*'];
    return reply.header('cache-control', 'public, max-age=31536000, immutable').sendFile(`assets/${file}`);
  });

  app.get('/*', { config: { public: true }, schema: { hide: true } }, (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (NOT_THE_APP.test(path)) throw new AppError('not_found', `No route ${request.method} ${path}`);
    const name = path.slice(1);
    if (rootFiles.has(name) && name !== 'index.html') return reply.header('cache-control', 'no-cache').sendFile(name);
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
  });
}
