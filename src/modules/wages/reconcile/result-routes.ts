import { z } from 'zod';
import type { App, AppContext } from '../../../http/types.js';
import { ContractResults, ContractResultsQuery, listContractResults } from './contract-results.js';
import { readResults, ResultsQuery, ResultsSummary } from './read-results.js';
import { reconcileMonth } from './reconcile-month.js';
import { ReconcileRequest, ReconcileSummary } from './reconcile.schema.js';
import { workerHistory, WorkerHistory } from './worker-history.js';

export async function resultRoutes(app: App, ctx: AppContext): Promise<void> {
  const tags = ['wages'];
  app.post(
    '/api/v1/wages/reconcile',
    {
      config: { scope: 'wages:reconcile' },
      schema: {
        tags,
        summary: 'Reconcile every registered contract active in a month (the destination authority: its employers; the platform: all)',
        body: ReconcileRequest,
        response: { 200: ReconcileSummary },
      },
    },
    async (request) => reconcileMonth(ctx.database.db, request.actor, request.body),
  );
  app.get(
    '/api/v1/wages/results',
    {
      config: { scope: 'wages:read' },
      schema: { tags, summary: 'Reconciled contracts of a month by status, per corridor and per employer, within your view', querystring: ResultsQuery, response: { 200: ResultsSummary } },
    },
    async (request) => readResults(ctx.database.db, request.actor, request.query),
  );
  app.get(
    '/api/v1/wages/results/contracts',
    {
      config: { scope: 'wages:read' },
      schema: {
        tags,
        summary: "Each contract's reconciled month (expected, paid, status), workers by initials, within your view (an employer: its own workers)",
        querystring: ContractResultsQuery,
        response: { 200: ContractResults },
      },
    },
    async (request) => listContractResults(ctx.database.db, request.actor, request.query),
  );
  app.get(
    '/api/v1/wages/workers/:workerId/history',
    {
      config: { scope: 'wages:read' },
      schema: {
        tags,
        summary: "A worker's month-by-month wage check: expected, paid, status, date paid (the worker; their employer; the authorities)",
        params: z.object({ workerId: z.string() }),
        response: { 200: WorkerHistory },
      },
    },
    async (request) => workerHistory(ctx.database.db, request.actor, request.params.workerId),
  );
}
