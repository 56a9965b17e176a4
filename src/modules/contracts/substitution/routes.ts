import { z } from 'zod';
import type { App, AppContext } from '../../../http/types.js';
import { SubstitutionCheckRequest, SubstitutionReport } from './check-substitution.schema.js';
import { checkSubstitution } from './check-substitution.js';
import { ListReportsQuery, listReports } from './list-reports.js';

const tags = ['contracts'];

export async function substitutionRoutes(app: App, ctx: AppContext): Promise<void> {
  app.post(
    '/api/v1/contracts/substitution-checks',
    {
      config: { scope: 'contracts:read' },
      schema: {
        tags,
        summary: 'Compare terms presented now with the registered contract; every term worse for the worker is listed and reported to both authorities and the worker',
        body: SubstitutionCheckRequest,
        response: { 200: SubstitutionReport },
      },
    },
    async (request) => checkSubstitution(ctx.database.db, request.actor, request.body),
  );
  app.get(
    '/api/v1/contracts/substitution-checks',
    {
      config: { scope: 'contracts:read' },
      schema: { tags, summary: 'Substitution reports you may see', querystring: ListReportsQuery, response: { 200: z.object({ reports: z.array(SubstitutionReport) }) } },
    },
    async (request) => ({ reports: await listReports(ctx.database.db, request.actor, request.query) }),
  );
}
