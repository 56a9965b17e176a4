import { z } from 'zod';
import type { App, AppContext } from '../../../http/types.js';
import { getWorker } from './get-worker.js';
import { registerWorker } from './register-worker.js';
import { RegisterWorkerRequest } from './register-worker.schema.js';
import { Worker } from './worker.js';

const tags = ['workers'];

export async function workerRoutes(app: App, ctx: AppContext): Promise<void> {
  const db = () => ctx.database.db;

  app.post(
    '/api/v1/workers',
    {
      config: { scope: 'workers:register' },
      schema: { tags, summary: 'Register a worker (an origin authority or agency: nationals of its country)', body: RegisterWorkerRequest, response: { 201: Worker } },
    },
    async (request, reply) => reply.status(201).send(await registerWorker(db(), request.actor, request.body)),
  );

  app.get(
    '/api/v1/workers/:id',
    {
      config: { scope: 'workers:read' },
      schema: { tags, summary: "A worker's record (every read by someone other than the worker is audited)", params: z.object({ id: z.string() }), response: { 200: Worker } },
    },
    async (request) => getWorker(db(), request.actor, request.params.id),
  );
}
