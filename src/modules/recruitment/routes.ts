import { z } from 'zod';
import type { App, AppContext } from '../../http/types.js';
import { agencyProfile, rateAgency } from './agencies.js';
import { eligibleWorkers } from './eligible-workers.js';
import { EligibleWorkers, EligibleWorkersQuery } from './eligible-workers.schema.js';
import { listCandidates, saveCandidate } from './candidates.js';
import { costDifferences, costSummary, declareCosts, decideBreach, listBreaches, listCosts } from './costs.js';
import { createJobOrder, getJobOrder, listJobOrders, refuseJobOrder, verifyJobOrder } from './job-orders.js';
import { changeLicenceStatus, issueLicence, listLicences } from './licences.js';
import {
  AgencyProfile, Breach, BreachDecisionRequest, Candidate, CandidateRequest, CostDeclarationRequest, CostDifference, CostSummary, IdParams,
  JobOrder, JobOrderRequest, Licence, LicenceRequest, LicenceStatusRequest, RatingRequest, RefuseRequest, SelectRequest, Selection,
  Sdg1071Query, Sdg1071Report, Shortlist, ShortlistQuery,
} from './recruitment.schema.js';
import { sdg1071Averages } from './sdg-10-7-1.js';
import { listSelections, offerSelection, selectCandidate } from './selections.js';
import { shortlist } from './shortlist.js';

const tags = ['recruitment'];
const base = '/api/v1/recruitment';

/** Fair recruitment (PRODUCT.md 5.4): licences, job orders, candidates and shortlists, costs, breaches, ratings, public agency profiles. */
export async function recruitmentRoutes(app: App, ctx: AppContext): Promise<void> {
  const db = () => ctx.database.db;

  // ---- licences
  app.post(`${base}/licences`, {
    config: { scope: 'recruitment:license' },
    schema: { tags, summary: "An authority licenses a recruitment agency of its country", body: LicenceRequest, response: { 201: Licence } },
  }, async (request, reply) => reply.status(201).send(await issueLicence(db(), request.actor, request.body)));
  app.get(`${base}/licences`, {
    config: { scope: 'recruitment:read' },
    schema: { tags, summary: 'Licences you may see, with their history (an authority: its country; an agency: its own)', querystring: z.object({ agency_id: z.uuid().optional() }), response: { 200: z.object({ licences: z.array(Licence) }) } },
  }, async (request) => ({ licences: await listLicences(db(), request.actor, request.query.agency_id) }));
  app.post(`${base}/licences/:id/status`, {
    config: { scope: 'recruitment:license' },
    schema: { tags, summary: 'Suspend, reinstate or revoke a licence, with the reason (expiry is automatic)', params: IdParams, body: LicenceStatusRequest, response: { 200: Licence } },
  }, async (request) => changeLicenceStatus(db(), request.actor, request.params.id, request.body));

  // ---- job orders
  app.post(`${base}/job-orders`, {
    config: { scope: 'recruitment:order' },
    schema: { tags, summary: 'An employer posts a job order naming the jointly liable agencies (checked against the rules at once)', body: JobOrderRequest, response: { 201: JobOrder } },
  }, async (request, reply) => reply.status(201).send(await createJobOrder(db(), request.actor, request.body)));
  app.get(`${base}/job-orders`, {
    config: { scope: 'recruitment:read' },
    schema: { tags, summary: 'Job orders you are party to or oversee', response: { 200: z.object({ job_orders: z.array(JobOrder) }) } },
  }, async (request) => ({ job_orders: await listJobOrders(db(), request.actor) }));
  app.get(`${base}/job-orders/:id`, {
    config: { scope: 'recruitment:read' }, schema: { tags, summary: 'A job order', params: IdParams, response: { 200: JobOrder } },
  }, async (request) => getJobOrder(db(), request.actor, request.params.id));
  app.post(`${base}/job-orders/:id/verify`, {
    config: { scope: 'recruitment:verify' },
    schema: { tags, summary: 'The origin authority verifies a job order (employer standing, licences, rules, health-worker safeguard)', params: IdParams, response: { 200: JobOrder } },
  }, async (request) => verifyJobOrder(db(), request.actor, request.params.id));
  app.post(`${base}/job-orders/:id/refuse`, {
    config: { scope: 'recruitment:verify' },
    schema: { tags, summary: 'The origin authority refuses a job order, with the reason', params: IdParams, body: RefuseRequest, response: { 200: JobOrder } },
  }, async (request) => refuseJobOrder(db(), request.actor, request.params.id, request.body));
  app.get(`${base}/job-orders/:id/shortlist`, {
    config: { scope: 'recruitment:select' },
    schema: { tags, summary: 'Ranked shortlist of candidates for a job order, with the reason for each rank', params: IdParams, querystring: ShortlistQuery, response: { 200: Shortlist } },
  }, async (request) => shortlist(db(), request.actor, request.params.id, request.query.limit));
  app.post(`${base}/job-orders/:id/selections`, {
    config: { scope: 'recruitment:select' },
    schema: { tags, summary: 'Select a candidate (the employer: the contract is offered at once; the agency: the employer then offers)', params: IdParams, body: SelectRequest, response: { 201: Selection } },
  }, async (request, reply) => reply.status(201).send(await selectCandidate(db(), request.actor, request.params.id, request.body)));
  app.get(`${base}/job-orders/:id/selections`, {
    config: { scope: 'recruitment:read' },
    schema: { tags, summary: 'Selections made for a job order, with their contracts', params: IdParams, response: { 200: z.object({ selections: z.array(Selection) }) } },
  }, async (request) => ({ selections: await listSelections(db(), request.actor, request.params.id) }));
  app.post(`${base}/selections/:id/offer`, {
    config: { scope: 'recruitment:select' },
    schema: { tags, summary: "The employer offers the selected worker a contract from the job order's terms", params: IdParams, response: { 200: Selection } },
  }, async (request) => offerSelection(db(), request.actor, request.params.id));

  app.get(`${base}/eligible-workers`, {
    config: { scope: 'contracts:draft' },
    schema: {
      tags, summary: 'The workers the employer may draft a contract for (selected for its job orders, or who accepted a contract with it), by name: id, name, nationality, last 4 of the passport',
      querystring: EligibleWorkersQuery, response: { 200: EligibleWorkers },
    },
  }, async (request) => eligibleWorkers(db(), request.actor, request.query));

  // ---- candidates
  app.post(`${base}/candidates`, {
    config: { scope: 'recruitment:candidates' },
    schema: { tags, summary: 'Register or update a candidate profile (an origin agency for a worker it registered, or a worker for themselves)', body: CandidateRequest, response: { 200: Candidate, 201: Candidate } },
  }, async (request, reply) => {
    const { candidate, created } = await saveCandidate(db(), request.actor, request.body);
    return reply.status(created ? 201 : 200).send(candidate);
  });
  app.get(`${base}/candidates`, {
    config: { scope: 'recruitment:read' },
    schema: { tags, summary: 'Candidates you registered (a worker: their own profile)', response: { 200: z.object({ candidates: z.array(Candidate) }) } },
  }, async (request) => ({ candidates: await listCandidates(db(), request.actor) }));

  // ---- costs and breaches
  app.post(`${base}/costs`, {
    config: { scope: 'recruitment:costs' },
    schema: { tags, summary: 'Declare what the worker paid to get the job, by ILO category (the origin agency, or the worker from their own account)', body: CostDeclarationRequest, response: { 201: CostSummary } },
  }, async (request, reply) => reply.status(201).send(await declareCosts(db(), request.actor, request.body)));
  app.get(`${base}/costs`, {
    config: { scope: 'recruitment:read' },
    schema: { tags, summary: 'Declared costs you may see, per contract, with SDG 10.7.1', response: { 200: z.object({ costs: z.array(CostSummary) }) } },
  }, async (request) => ({ costs: await listCosts(db(), request.actor) }));
  app.get(`${base}/costs/:id`, {
    config: { scope: 'recruitment:read' },
    schema: { tags, summary: "A contract's declared costs (both sides), the difference, breaches and SDG 10.7.1", params: IdParams, response: { 200: CostSummary } },
  }, async (request) => costSummary(db(), request.actor, request.params.id));
  app.get(`${base}/cost-differences`, {
    config: { scope: 'recruitment:verify' },
    schema: { tags, summary: "Contracts where the worker's declaration differs from the agency's (origin authority)", response: { 200: z.object({ differences: z.array(CostDifference) }) } },
  }, async (request) => ({ differences: await costDifferences(db(), request.actor) }));
  app.get(`${base}/breaches`, {
    config: { scope: 'recruitment:read' },
    schema: { tags, summary: 'Fee-cap breaches raised against both jointly liable parties, that you are party to or oversee', response: { 200: z.object({ breaches: z.array(Breach) }) } },
  }, async (request) => ({ breaches: await listBreaches(db(), request.actor) }));
  app.post(`${base}/breaches/:id/decide`, {
    config: { scope: 'recruitment:verify' },
    schema: { tags, summary: 'The origin authority upholds or dismisses a breach', params: IdParams, body: BreachDecisionRequest, response: { 200: Breach } },
  }, async (request) => decideBreach(db(), request.actor, request.params.id, request.body));

  // ---- ratings and public figures
  app.post(`${base}/agencies/:id/ratings`, {
    config: { scope: 'recruitment:rate' },
    schema: { tags, summary: 'A worker rates the agency that recruited them (one rating; a new one replaces it)', params: IdParams, body: RatingRequest, response: { 200: z.object({ stars: z.number().int(), replaced: z.boolean() }) } },
  }, async (request) => rateAgency(db(), request.actor, request.params.id, request.body));
  app.get('/api/v1/public/agencies/:id', {
    config: { public: true },
    schema: { tags, summary: "An agency's public profile: licence status, breaches upheld, workers' ratings", params: IdParams, response: { 200: AgencyProfile } },
  }, async (request) => agencyProfile(db(), request.params.id));
  app.get('/api/v1/public/sdg-10-7-1', {
    config: { public: true },
    schema: { tags, summary: 'SDG 10.7.1 (worker-paid recruitment costs / first month earnings) by corridor, sex and occupation; cells under 5 workers suppressed', querystring: Sdg1071Query, response: { 200: Sdg1071Report } },
  }, async (request) => sdg1071Averages(db(), request.query.corridor));
}
