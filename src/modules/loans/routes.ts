import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { App, AppContext } from '../../http/types.js';
import { monthStart } from '../wages/reconcile/period.js';
import { applyForLoan, decideLoan, disburseLoan, quoteLoan, withdrawApplication } from './applications.js';
import { reportDeductions } from './deductions.js';
import {
  ApplyRequest, DecisionRequest, DeductionReport, DisburseRequest, DueDeductions, LoanDetail, LoanQuote, LoanSummary, MatchRequest, MatchSummary,
  Product, PublishProductRequest, QuoteRequest, RefundPayment, RefundPaymentRequest, Totals,
} from './loan.schema.js';
import { dueDeductions, getLoan, lenderPortfolio, listLoans, loanTotals } from './loan-views.js';
import { matchRepayments } from './match-repayments.js';
import { listProducts, publishProduct } from './products.js';
import { recordRefundPayment } from './refunds.js';

const CSV_TYPES = ['text/csv'];
const CSV_LIMIT = 64 * 1024 * 1024;
const LoanParams = z.object({ id: z.string() });
const Created = z.object({ id: z.string() });
const Done = z.object({ id: z.string(), status: z.string() });
const PeriodQuery = z.object({ period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM') });

/** Pre-departure loans (issue 7 item 6; docs/loans.md), in their own context: deduction files arrive as raw CSV bytes. */
export async function loanRoutes(app: App, ctx: AppContext): Promise<void> {
  await app.register(async (child) => {
    const r = child.withTypeProvider<ZodTypeProvider>() as App;
    r.addContentTypeParser(CSV_TYPES, { parseAs: 'buffer', bodyLimit: CSV_LIMIT }, (_request, body, done) => done(null, body));
    const db = ctx.database.db;
    const tags = ['loans'];

    r.get('/api/v1/loans/products', {
      config: { scope: 'loans:read' },
      schema: { tags, summary: 'Loan products open to applications (a lender also sees its withdrawn ones)', querystring: z.object({ corridor: z.string().optional() }), response: { 200: z.object({ products: z.array(Product) }) } },
    }, async (request) => ({ products: await listProducts(db, request.actor, { corridor: request.query.corridor }) }));

    r.post('/api/v1/loans/products', {
      config: { scope: 'loans:lend' },
      schema: { tags, summary: "Publish a loan product (a lender), within the corridor's loan caps", body: PublishProductRequest, response: { 201: Product } },
    }, async (request, reply) => reply.status(201).send(await publishProduct(db, request.actor, request.body)));

    r.post('/api/v1/loans', {
      config: { scope: 'loans:apply' },
      schema: {
        tags,
        summary: "Apply for a loan against your registered contract, consenting to the lender seeing the contract's key terms (a worker)",
        description: 'A loan above the product limits, or whose instalment is above the corridor share of the wage, is refused with 422 and a JSON pointer; nothing is stored.',
        body: ApplyRequest,
        response: { 201: Created },
      },
    }, async (request, reply) => reply.status(201).send(await applyForLoan(db, request.actor, request.body)));

    r.post('/api/v1/loans/quote', {
      config: { scope: 'loans:apply' },
      schema: {
        tags,
        summary: 'What a loan would cost you, before you consent: the schedule, the largest instalment and the total repaid (a worker; nothing is stored or shown to the lender)',
        description: 'The same checks as the application: 422 with a JSON pointer for an amount or term outside the product limits, or an instalment above the corridor share of the wage.',
        body: QuoteRequest,
        response: { 200: LoanQuote },
      },
    }, async (request) => quoteLoan(db, request.actor, request.body));

    r.get('/api/v1/loans', {
      config: { scope: 'loans:read' },
      schema: { tags, summary: 'Loans in your view: a worker their own, a lender its consented applications and loans, a wage agent the loans it deducts', querystring: z.object({ status: z.string().optional() }), response: { 200: z.object({ loans: z.array(LoanSummary) }) } },
    }, async (request) => ({ loans: await listLoans(db, request.actor, request.query) }));

    r.get('/api/v1/loans/portfolio', {
      config: { scope: 'loans:lend' },
      schema: { tags, summary: "A lender's portfolio: applications, disbursed, repaid, balance, refunds owed, by corridor", response: { 200: Totals } },
    }, async (request) => lenderPortfolio(db, request.actor));

    r.get('/api/v1/loans/totals', {
      config: { scope: 'loans:totals' },
      schema: { tags, summary: "The authorities' totals over the corridors their country is party to", querystring: z.object({ corridor: z.string().optional() }), response: { 200: Totals } },
    }, async (request) => loanTotals(db, request.actor, request.query));

    r.get('/api/v1/loans/deductions/due', {
      config: { scope: 'loans:deduct' },
      schema: { tags, summary: 'Instalments due in a month from the employers that mandated you (a wage agent)', querystring: PeriodQuery, response: { 200: DueDeductions } },
    }, async (request) => ({ period: request.query.period, due: await dueDeductions(db, request.actor, monthStart(request.query.period)) }));

    r.post('/api/v1/loans/deductions', {
      config: { scope: 'loans:deduct' },
      schema: {
        tags,
        summary: 'Report loan deductions (a wage agent): JSON {deductions: [{loan_id, month, amount_minor, currency}]}, or a CSV file (text/csv, header loan_id,month,amount_minor,currency)',
        description: 'Checked whole: 201 accepted, 200 duplicate (the same content as an accepted report: counted once), 422 with every problem by JSON pointer (JSON) or line and field (CSV); nothing is stored from a refused report.',
        consumes: ['application/json', ...CSV_TYPES],
        response: { 200: DeductionReport, 201: DeductionReport },
      },
    }, async (request, reply) => {
      // The body is checked by the service (JSON: ReportDeductionsRequest; CSV: line by line), so one answer names every problem.
      const body: unknown = request.body;
      const { report, created } = await reportDeductions(ctx.database, request.actor, Buffer.isBuffer(body) ? { kind: 'csv', bytes: body } : { kind: 'json', body });
      return reply.status(created ? 201 : 200).send(report);
    });

    r.post('/api/v1/loans/repayments/match', {
      config: { scope: 'loans:match' },
      schema: { tags, summary: "Match a reconciled month's deductions to the schedules, in one pass (the destination authority: its employers; the platform: all)", body: MatchRequest, response: { 200: MatchSummary } },
    }, async (request) => matchRepayments(db, request.actor, request.body));

    r.get('/api/v1/loans/:id', {
      config: { scope: 'loans:read' },
      schema: { tags, summary: 'One loan: key terms (to the worker, and to the lender under consent), schedule, repayments, balance', params: LoanParams, response: { 200: LoanDetail } },
    }, async (request) => getLoan(db, request.actor, request.params.id));

    r.post('/api/v1/loans/:id/withdraw', {
      config: { scope: 'loans:apply' },
      schema: { tags, summary: 'Withdraw your application and your consent, before the lender decides (a worker)', params: LoanParams, response: { 200: Done } },
    }, async (request) => {
      await withdrawApplication(db, request.actor, request.params.id);
      return { id: request.params.id, status: 'withdrawn' };
    });

    r.post('/api/v1/loans/:id/decision', {
      config: { scope: 'loans:lend' },
      schema: { tags, summary: 'Approve or decline an application (the lender; a decline gives the worker a reason)', params: LoanParams, body: DecisionRequest, response: { 200: Done } },
    }, async (request) => {
      await decideLoan(db, request.actor, request.params.id, request.body);
      return { id: request.params.id, status: request.body.decision === 'approve' ? 'approved' : 'declined' };
    });

    r.post('/api/v1/loans/:id/refunds', {
      config: { scope: 'loans:lend' },
      schema: {
        tags,
        summary: 'Record a refund paid back to the worker (the lender): amount, day, reference; at most what the repayment match recorded as owed',
        description: "422 with JSON pointers (above what is still owed, another currency, a day in the future); another lender's loan is 404; nothing is stored from a refused payment.",
        params: LoanParams,
        body: RefundPaymentRequest,
        response: { 201: RefundPayment },
      },
    }, async (request, reply) => reply.status(201).send(await recordRefundPayment(db, request.actor, request.params.id, request.body)));

    r.post('/api/v1/loans/:id/disbursement', {
      config: { scope: 'loans:lend' },
      schema: { tags, summary: 'Record the disbursement, before the contract starts (the lender); writes the repayment schedule', params: LoanParams, body: DisburseRequest, response: { 200: Done } },
    }, async (request) => {
      await disburseLoan(db, request.actor, request.params.id, request.body);
      return { id: request.params.id, status: 'disbursed' };
    });
  });
}
