import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App, AppContext } from '../../http/types.js';
import { approveVersion } from './approve-version.js';
import { CorridorParams, ProposeVersionResponse, RulesOnQuery, VersionParams } from './corridor.schema.js';
import { proposeVersion } from './propose-version.js';
import { CorridorDetail, corridorDetail, CorridorSummary, corridorsWithRulesInForce, rulesInForce, ruleVersion } from './read-corridors.js';
import { CorridorRules } from './rules.schema.js';
import { RuleVersion, RuleVersionWithRules } from './version-view.js';
import { withdrawVersion } from './withdraw-version.js';

/**
 * The rules body is documented by its schema but judged by the service, which adds the
 * reference-data checks so that one 422 names every problem; params are still refused here.
 */
function rethrowUnlessBody(request: FastifyRequest): void {
  const error = request.validationError as (Error & { validationContext?: string }) | undefined;
  if (error && error.validationContext !== 'body') throw error;
}

export async function corridorRoutes(app: App, ctx: AppContext): Promise<void> {
  const db = () => ctx.database.db;
  const tags = ['corridors'];

  app.get(
    '/api/v1/corridors',
    {
      config: { scope: 'corridors:read' },
      schema: { tags, summary: 'Every corridor, with the rules version in force today', response: { 200: z.object({ corridors: z.array(CorridorSummary) }) } },
    },
    async () => ({ corridors: await corridorsWithRulesInForce(db()) }),
  );

  app.get(
    '/api/v1/corridors/:code',
    {
      config: { scope: 'corridors:read' },
      schema: { tags, summary: 'A corridor and its rules versions with their approvals', params: CorridorParams, response: { 200: CorridorDetail } },
    },
    async (request) => corridorDetail(db(), request.params.code),
  );

  app.get(
    '/api/v1/corridors/:code/rules',
    {
      config: { scope: 'corridors:read' },
      schema: {
        tags,
        summary: 'The rules in force on a date (404 if none)',
        params: CorridorParams,
        querystring: RulesOnQuery,
        response: { 200: RuleVersionWithRules },
      },
    },
    async (request) => rulesInForce(db(), request.params.code, request.query.on),
  );

  app.get(
    '/api/v1/corridors/:code/versions/:version',
    {
      config: { scope: 'corridors:read' },
      schema: { tags, summary: 'One rules version with its rules', params: VersionParams, response: { 200: RuleVersionWithRules } },
    },
    async (request) => ruleVersion(db(), request.params.code, request.params.version),
  );

  app.post(
    '/api/v1/corridors/:code/versions',
    {
      config: { scope: 'corridors:propose' },
      attachValidation: true,
      schema: {
        tags,
        summary: "Propose rules for a corridor of your country (created if new); your side's approval is recorded at once",
        params: CorridorParams,
        body: CorridorRules,
        response: { 200: ProposeVersionResponse, 201: ProposeVersionResponse },
      },
    },
    async (request, reply) => {
      rethrowUnlessBody(request);
      const { version, created } = await proposeVersion(db(), request.actor, request.params.code, request.body as unknown);
      return reply.status(created ? 201 : 200).send({ ...version, created });
    },
  );

  app.post(
    '/api/v1/corridors/:code/versions/:version/approve',
    {
      config: { scope: 'corridors:approve' },
      schema: { tags, summary: "Approve a proposed version for your side (the other side's)", params: VersionParams, response: { 200: RuleVersion } },
    },
    async (request) => approveVersion(db(), request.actor, request.params.code, request.params.version),
  );

  app.post(
    '/api/v1/corridors/:code/versions/:version/withdraw',
    {
      config: { scope: 'corridors:propose' },
      schema: { tags, summary: 'Withdraw your proposal before both sides approved it', params: VersionParams, response: { 200: RuleVersion } },
    },
    async (request) => withdrawVersion(db(), request.actor, request.params.code, request.params.version),
  );
}
