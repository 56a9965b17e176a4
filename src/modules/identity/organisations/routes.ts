import { z } from 'zod';
import type { App, AppContext } from '../../../http/types.js';
import { createOrganisation } from './create-organisation.js';
import { CreateOrganisationRequest } from './create-organisation.schema.js';
import { getOrganisationRow } from './get-organisation.js';
import { ListOrganisationsQuery, listVisibleOrganisations } from './list-organisations.js';
import { Organisation, toOrganisation } from './organisation.js';
import { changeOrganisationStatus } from './set-organisation-status.js';
import { SetOrganisationStatusRequest } from './set-organisation-status.schema.js';

const IdParams = z.object({ id: z.string() });
const tags = ['organisations'];

export async function organisationRoutes(app: App, ctx: AppContext): Promise<void> {
  const db = () => ctx.database.db;

  app.post(
    '/api/v1/organisations',
    {
      config: { scope: 'organisations:manage' },
      schema: { tags, summary: 'Enrol an organisation (platform administrator)', body: CreateOrganisationRequest, response: { 201: Organisation } },
    },
    async (request, reply) => reply.status(201).send(await createOrganisation(db(), request.actor, request.body)),
  );

  app.get(
    '/api/v1/organisations',
    {
      config: { scope: 'organisations:read' },
      schema: {
        tags,
        summary: 'Organisations you may see: your own; an authority also those of its country; the platform all',
        querystring: ListOrganisationsQuery,
        response: { 200: z.object({ organisations: z.array(Organisation) }) },
      },
    },
    async (request) => ({ organisations: await listVisibleOrganisations(db(), request.actor, request.query) }),
  );

  app.get(
    '/api/v1/organisations/:id',
    { config: { scope: 'organisations:read' }, schema: { tags, summary: 'One organisation', params: IdParams, response: { 200: Organisation } } },
    async (request) => toOrganisation(await getOrganisationRow(db(), request.actor, request.params.id)),
  );

  app.patch(
    '/api/v1/organisations/:id/status',
    {
      config: { scope: 'organisations:manage' },
      schema: {
        tags,
        summary: 'Suspend or reactivate an organisation (platform administrator)',
        params: IdParams,
        body: SetOrganisationStatusRequest,
        response: { 200: Organisation },
      },
    },
    async (request) => changeOrganisationStatus(db(), request.actor, request.params.id, request.body),
  );
}
