import type { Scope } from '../../core/auth/scopes.js';
import type { App, AppContext } from '../../http/types.js';
import { acceptContract } from './accept-contract.js';
import { AcceptRequest } from './accept-contract.schema.js';
import { amendContract } from './amend-contract.js';
import { approveContract } from './approve-contract.js';
import { checkContract } from './check-contract.js';
import { CheckResponse, ContractParams, ListQuery, OptionalReasonRequest, ReasonRequest, TermsRequest } from './contract.schema.js';
import { ContractView } from './contract-view.js';
import { createContract } from './create-contract.js';
import { editTerms } from './edit-terms.js';
import { getContract } from './get-contract.js';
import { GetContractQuery } from './get-contract.schema.js';
import { healthExceptionRoutes } from './health-exceptions/routes.js';
import { ContractList, listContracts } from './list-contracts.js';
import { contractStages, ContractStages, StagesQuery } from './contract-stages.js';
import { offerContract } from './offer-contract.js';
import { registerContract } from './register-contract.js';
import { type SimpleAction, takeStep } from './take-step.js';

const tags = ['contracts'];

/** Steps that take a reason: required where the product asks why (PRODUCT.md 5.2), optional elsewhere. */
const REASON_STEPS: { action: SimpleAction; scope: Scope; required: boolean; summary: string }[] = [
  { action: 'decline', scope: 'contracts:accept', required: true, summary: 'The worker declines the offer' },
  { action: 'reject', scope: 'contracts:reject', required: true, summary: "An authority rejects the accepted terms (origin before its approval, destination before registration)" },
  { action: 'withdraw', scope: 'contracts:draft', required: true, summary: 'The employer withdraws the contract before registration, or an amendment in progress' },
  { action: 'terminate', scope: 'contracts:employment', required: true, summary: 'The employer or the destination authority ends the contract early' },
  { action: 'activate', scope: 'contracts:employment', required: false, summary: 'Employment has begun (on or after the start date)' },
  { action: 'complete', scope: 'contracts:employment', required: false, summary: 'The contract ran its course' },
];

export async function contractRoutes(app: App, ctx: AppContext): Promise<void> {
  const db = () => ctx.database.db;
  const one = { params: ContractParams, response: { 200: ContractView } };

  app.post(
    '/api/v1/contracts/check',
    {
      config: { scope: 'contracts:draft' },
      schema: { tags, summary: "Check draft terms against the corridor's rules in force today; nothing is stored", body: TermsRequest, response: { 200: CheckResponse } },
    },
    async (request) => checkContract(db(), request.actor, request.body),
  );

  app.post(
    '/api/v1/contracts',
    {
      config: { scope: 'contracts:draft' },
      schema: { tags, summary: 'Draft a contract (the answer lists the breaches so far)', body: TermsRequest, response: { 201: ContractView } },
    },
    async (request, reply) => reply.status(201).send(await createContract(db(), request.actor, request.body)),
  );

  app.get(
    '/api/v1/contracts',
    {
      config: { scope: 'contracts:read' },
      schema: { tags, summary: 'The contracts you may see, newest first', querystring: ListQuery, response: { 200: ContractList } },
    },
    async (request) => listContracts(db(), request.actor, request.query),
  );

  app.get(
    '/api/v1/contracts/stages',
    {
      config: { scope: 'contracts:stages' },
      schema: { tags, summary: "How many contracts are at each stage on your side (authorities; the platform all)", querystring: StagesQuery, response: { 200: ContractStages } },
    },
    async (request) => contractStages(db(), request.actor, request.query),
  );

  app.get(
    '/api/v1/contracts/:id',
    {
      config: { scope: 'contracts:read' },
      schema: { tags, summary: 'A contract: its versions, signatures and history (the worker by id and initials)', querystring: GetContractQuery, ...one },
    },
    async (request) => getContract(db(), request.actor, request.params.id, request.query),
  );

  app.put(
    '/api/v1/contracts/:id/terms',
    {
      config: { scope: 'contracts:draft' },
      schema: { tags, summary: 'New terms for a draft (a new version; the previous one is kept)', body: TermsRequest, ...one },
    },
    async (request) => editTerms(db(), request.actor, request.params.id, request.body),
  );

  app.post(
    '/api/v1/contracts/:id/offer',
    {
      config: { scope: 'contracts:draft' },
      schema: { tags, summary: 'Offer the draft to the worker (refused with every breach of the rules in force today)', ...one },
    },
    async (request) => offerContract(db(), request.actor, request.params.id),
  );

  app.post(
    '/api/v1/contracts/:id/accept',
    {
      config: { scope: 'contracts:accept' },
      schema: { tags, summary: 'The worker accepts the offered terms they were shown (same digest, a language they read them in)', body: AcceptRequest, ...one },
    },
    async (request) => acceptContract(db(), ctx.config, request.actor, request.params.id, request.body),
  );

  app.post(
    '/api/v1/contracts/:id/approve',
    { config: { scope: 'contracts:approve' }, schema: { tags, summary: "The origin authority approves the worker's accepted terms", ...one } },
    async (request) => approveContract(db(), ctx.config, request.actor, request.params.id),
  );

  app.post(
    '/api/v1/contracts/:id/register',
    { config: { scope: 'contracts:register' }, schema: { tags, summary: 'The destination authority registers the approved terms in the registry', ...one } },
    async (request) => registerContract(db(), ctx.config, request.actor, request.params.id),
  );

  app.post(
    '/api/v1/contracts/:id/amend',
    {
      config: { scope: 'contracts:draft' },
      schema: { tags, summary: 'Offer amended terms for a contract in force: accepted, approved and registered again', body: TermsRequest, ...one },
    },
    async (request) => amendContract(db(), request.actor, request.params.id, request.body),
  );

  for (const step of REASON_STEPS)
    app.post(
      `/api/v1/contracts/:id/${step.action}`,
      {
        config: { scope: step.scope },
        schema: { tags, summary: step.summary, body: step.required ? ReasonRequest : OptionalReasonRequest, ...one },
      },
      async (request) => takeStep(db(), request.actor, request.params.id, step.action, (request.body as { reason?: string } | undefined)?.reason),
    );

  await healthExceptionRoutes(app, ctx);
}

