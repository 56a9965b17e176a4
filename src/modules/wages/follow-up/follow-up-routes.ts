import { z } from 'zod';
import type { App, AppContext } from '../../../http/types.js';
import { ChangeOfEmployerRights, listChangeOfEmployerRights } from './change-of-employer-rights.js';
import { ComplianceQuery, ComplianceReport, employerCompliance } from './compliance.js';
import { Escalation, EscalationsQuery, JustificationRequest, ResponseRequest } from './escalation.schema.js';
import { fileJustification } from './file-justification.js';
import { listEscalations } from './list-escalations.js';
import { respondToJustification } from './respond-to-justification.js';
import { runFollowUp } from './run-follow-up.js';
import { FollowUpRequest, FollowUpSummary } from './run-follow-up.schema.js';

export async function followUpRoutes(app: App, ctx: AppContext): Promise<void> {
  const tags = ['wages'];
  const db = () => ctx.database.db;
  const params = z.object({ id: z.string() });
  app.post('/api/v1/wages/follow-up/run', {
    config: { scope: 'wages:reconcile' },
    schema: { tags, summary: 'Run the follow-up ladder (reminders, warning, inspection, suspensions, change of employer) as of a day', body: FollowUpRequest, response: { 200: FollowUpSummary } },
  }, async (request) => runFollowUp(db(), request.actor, request.body));
  app.get('/api/v1/wages/escalations', {
    config: { scope: 'wages:read' },
    schema: { tags, summary: 'Follow-up cases of unpaid, underpaid or late wages, within your view', querystring: EscalationsQuery, response: { 200: z.object({ escalations: z.array(Escalation) }) } },
  }, async (request) => ({ escalations: await listEscalations(db(), request.actor, request.query) }));
  app.post('/api/v1/wages/escalations/:id/justification', {
    config: { scope: 'wages:justify' },
    schema: { tags, summary: "The employer's justification of an open case", params, body: JustificationRequest, response: { 200: Escalation } },
  }, async (request) => fileJustification(db(), request.actor, request.params.id, request.body));
  app.post('/api/v1/wages/escalations/:id/response', {
    config: { scope: 'wages:respond' },
    schema: { tags, summary: "The worker accepts (closes the case) or contests the employer's justification", params, body: ResponseRequest, response: { 200: Escalation } },
  }, async (request) => respondToJustification(db(), request.actor, request.params.id, request.body));
  app.get('/api/v1/wages/compliance', {
    config: { scope: 'wages:read' },
    schema: { tags, summary: 'Employer compliance per month: workers paid / contracts active', querystring: ComplianceQuery, response: { 200: ComplianceReport } },
  }, async (request) => employerCompliance(db(), request.actor, request.query));
  app.get('/api/v1/wages/change-of-employer-rights', {
    config: { scope: 'wages:read' },
    schema: { tags, summary: 'Workers who may change employer without consent (the worker; the authorities)', response: { 200: ChangeOfEmployerRights } },
  }, async (request) => listChangeOfEmployerRights(db(), request.actor));
}
