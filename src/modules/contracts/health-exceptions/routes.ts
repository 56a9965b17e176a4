import { z } from 'zod';
import type { App, AppContext } from '../../../http/types.js';
import { CorridorParams } from '../../corridors/corridor.schema.js';
import { healthExceptions, recordHealthException } from './record-health-exception.js';
import { HealthException, HealthExceptionRequest } from './record-health-exception.schema.js';

const tags = ['corridors'];

export async function healthExceptionRoutes(app: App, ctx: AppContext): Promise<void> {
  const db = () => ctx.database.db;

  app.post(
    '/api/v1/corridors/:code/health-exceptions',
    {
      config: { scope: 'safeguards:record' },
      schema: {
        tags,
        summary: "Record a government-to-government exception to the WHO health workforce safeguard (either of the corridor's authorities)",
        params: CorridorParams,
        body: HealthExceptionRequest,
        response: { 201: HealthException },
      },
    },
    async (request, reply) => reply.status(201).send(await recordHealthException(db(), request.actor, request.params.code, request.body)),
  );

  app.get(
    '/api/v1/corridors/:code/health-exceptions',
    {
      config: { scope: 'corridors:read' },
      schema: { tags, summary: 'The health safeguard exceptions recorded for a corridor', params: CorridorParams, response: { 200: z.object({ exceptions: z.array(HealthException) }) } },
    },
    async (request) => ({ exceptions: await healthExceptions(db(), request.params.code) }),
  );
}
