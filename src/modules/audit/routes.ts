import { z } from 'zod';
import type { App, AppContext } from '../../http/types.js';
import { AuditEntry, AuditQuery, queryEvents } from './query-events.js';

export async function auditRoutes(app: App, ctx: AppContext): Promise<void> {
  app.get(
    '/api/v1/audit',
    {
      config: { scope: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'The audit trail within your scope, newest first',
        querystring: AuditQuery,
        response: { 200: z.object({ entries: z.array(AuditEntry) }) },
      },
    },
    async (request) => ({ entries: await queryEvents(ctx.database.db, request.actor, request.query) }),
  );
}
