import { z } from 'zod';
import type { App, AppContext } from '../../../http/types.js';
import { createMandate } from './create-mandate.js';
import { listMandates } from './list-mandates.js';
import { CreateMandateRequest, Mandate } from './mandate.schema.js';

export async function mandateRoutes(app: App, ctx: AppContext): Promise<void> {
  const tags = ['wages'];
  app.post(
    '/api/v1/wages/mandates',
    {
      config: { scope: 'wages:mandate' },
      schema: {
        tags,
        summary: 'Mandate a wage agent to submit an employer\'s salary files (the employer, its destination authority or the platform)',
        body: CreateMandateRequest,
        response: { 200: Mandate, 201: Mandate },
      },
    },
    async (request, reply) => {
      const { mandate, created } = await createMandate(ctx.database.db, request.actor, request.body);
      return reply.status(created ? 201 : 200).send(mandate);
    },
  );
  app.get(
    '/api/v1/wages/mandates',
    { config: { scope: 'wages:read' }, schema: { tags, summary: 'Mandates you are party to or oversee', response: { 200: z.object({ mandates: z.array(Mandate) }) } } },
    async (request) => ({ mandates: await listMandates(ctx.database.db, request.actor) }),
  );
}
