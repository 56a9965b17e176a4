import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema.js';

let csrfToken: string | undefined;

/** The session's CSRF token (from sign-in or /auth/me): every change must echo it. */
export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? undefined;
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && request.method !== 'HEAD' && csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
};

/** The typed API client: paths, parameters and bodies come from the server's OpenAPI document. */
export const api = createClient<paths>({ baseUrl: location.origin, credentials: 'same-origin' });
api.use(csrf);

export type Json<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
