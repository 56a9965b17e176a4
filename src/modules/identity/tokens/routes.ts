import { z } from 'zod';
import type { App, AppContext } from '../../../http/types.js';
import { ApiToken } from './api-token.js';
import { createToken } from './create-token.js';
import { CreateTokenRequest, CreateTokenResponse } from './create-token.schema.js';
import { ListTokensQuery, listVisibleTokens } from './list-tokens.js';
import { revokeToken } from './revoke-token.js';

const tags = ['tokens'];

export async function tokenRoutes(app: App, ctx: AppContext): Promise<void> {
  const db = () => ctx.database.db;

  app.post(
    '/api/v1/tokens',
    {
      config: { scope: 'tokens:manage' },
      schema: { tags, summary: 'Create an API token (its secret is shown once)', body: CreateTokenRequest, response: { 201: CreateTokenResponse } },
    },
    async (request, reply) => reply.status(201).send(await createToken(db(), request.actor, request.body)),
  );

  app.get(
    '/api/v1/tokens',
    {
      config: { scope: 'tokens:manage' },
      schema: { tags, summary: "Your organisation's API tokens, without secrets", querystring: ListTokensQuery, response: { 200: z.object({ tokens: z.array(ApiToken) }) } },
    },
    async (request) => ({ tokens: await listVisibleTokens(db(), request.actor, request.query) }),
  );

  app.post(
    '/api/v1/tokens/:id/revoke',
    {
      config: { scope: 'tokens:manage' },
      schema: { tags, summary: 'Revoke an API token', params: z.object({ id: z.string() }), response: { 200: ApiToken } },
    },
    async (request) => revokeToken(db(), request.actor, request.params.id),
  );
}
