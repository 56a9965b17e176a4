import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Actor } from '../../src/core/auth/actor.js';
import { type OrganisationKind, scopesFor } from '../../src/core/auth/scopes.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import { applyForLoan } from '../../src/modules/loans/applications.js';
import { createJobOrder } from '../../src/modules/recruitment/job-orders.js';
import { makeRegisteredContract } from '../helpers/contracts.js';
import { makeWorker } from '../helpers/factories.js';
import { noAxeViolations, skipBrowser, type WebServer, webSuite } from './browser.js';
import { catalog } from './catalogs.js';

const DESKTOP = { width: 1280, height: 900 };

/**
 * The lender desk and the recruitment desk with the keyboard alone: Tab to move, typing, Enter to act,
 * no mouse. Each step is checked where it lands (the API's state), and a field left wrong is named
 * next to the field, tied to it by aria-describedby, with the focus where the person needs it.
 */
describe('the lender desk and the recruitment desk by keyboard alone', { skip: skipBrowser }, () => {
  let server: WebServer;
  let browser: Browser;
  const loanIds: string[] = [];
  const jobs: { id: string; reference: string }[] = [];

  webSuite((web) => ({ server, browser } = web));
  before(async () => {
    const db = server.database.db;
    const orgId = async (name: string) => (await db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    const alNoor = await orgId('Al Noor Construction LLC');
    const org = (kind: OrganisationKind, id: string, country: string): Actor => ({ type: 'system', role: 'org_admin', organisationId: id, organisationKind: kind, country, scopes: scopesFor('org_admin', kind) });

    // Two workers with registered contracts starting in March 2027 apply for the demo lender's loan: two applications to decide.
    const product = await db.selectFrom('loan_products').select('id').where('name', '=', 'Sajilo pre-departure loan').executeTakeFirstOrThrow();
    for (const job of ['Steel fixer', 'Tiler']) {
      const worker = await makeWorker(db, { nationality: 'NPL', full_name: `Keyboard ${job}` });
      const contract = await makeRegisteredContract(db, { employer_id: alNoor, worker_id: worker.id, terms: { start_date: '2027-03-01', end_date: '2029-02-28', job_title: job } });
      const actor: Actor = { type: 'system', role: 'worker', workerId: worker.id, scopes: scopesFor('worker', undefined) };
      loanIds.push((await applyForLoan(db, actor, { product_id: product.id, contract_id: contract.id, amount_minor: 100000, term_months: 12, consent_to_share_key_terms: true })).id);
    }

    // Two job orders Al Noor posted, waiting for the origin authority: one to verify, one to refuse.
    const employer = org('employer', alNoor, 'ARE');
    for (const title of ['Steel fixer', 'Tiler']) {
      const job = await createJobOrder(db, employer, {
        origin_agency_id: await orgId('Himalayan Manpower Services'), destination_liable_id: await orgId('Dubai Recruitment Partners'), positions: 2,
        required_skills: ['rebar'], required_languages: ['en'], required_certificates: [],
        terms: {
          corridor: 'NPL-ARE', employer_id: alNoor, occupation_isco: '7114', job_title: title,
          workplace: { city: 'Dubai', address: 'Al Quoz Industrial Area 3, Plot 12' }, start_date: '2027-03-01', end_date: '2029-02-28', probation_months: 3,
          wage: { currency: 'AED', basic_monthly_minor: 150000, allowances: [], overtime_rate_pct: 125 },
          hours_per_week: 48, rest_days_per_week: 1, annual_leave_days: 30, accommodation: 'provided', food: 'provided', transport: 'provided',
          costs: { visa: 'employer', work_permit: 'employer', medical_test: 'employer', outbound_travel: 'employer', return_travel: 'employer', insurance: 'employer' },
          worker_recruitment_fee_minor: 0, insurance: { health: true, work_injury: true }, end_of_service_days_per_year: 21, notice_days: 30,
          passport_retained_by_worker: true, languages: ['en', 'ne', 'ar'],
        },
      });
      assert.equal(job.status, 'submitted');
      jobs.push({ id: job.id, reference: job.reference });
    }
  });

  /** What a screen reader announces for the focused element: its label (for=, aria-label) or its text. */
  const focusedName = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
      return (el.getAttribute('aria-label') ?? label ?? el.innerText ?? '').trim();
    });

  /** Presses Tab until the focused element is named exactly `name`, as a person would; fails if it is never reached. */
  async function tabTo(page: Page, name: string) {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      if ((await focusedName(page)) === name) return;
    }
    assert.fail(`"${name}" cannot be reached with Tab`);
  }

  /** The error tied to the focused field by aria-describedby (what a screen reader reads with it). */
  const focusedError = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement;
      const ids = el?.getAttribute('aria-describedby');
      return { invalid: el?.getAttribute('aria-invalid') === 'true', text: ids ? ids.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim() : '' };
    });

  async function signIn(page: Page, email: string, home: string) {
    await page.goto(`${server.base}/sign-in`);
    await page.locator('input[type=email]').focus();
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${home}`);
  }

  const until = async (what: string, check: () => Promise<boolean>) => {
    for (let i = 0; i < 100; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.fail(`never happened: ${what}`);
  };

  it('the lender approves, declines (the missing reason named at its field), disburses and records a refund (a missing amount named), by keyboard', async () => {
    const en = catalog('en');
    const db = server.database.db;
    const statuses = async () => (await db.selectFrom('loans').select(['id', 'status', 'decision_reason', 'disbursed_on']).where('id', 'in', loanIds).execute());
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
    context.setDefaultTimeout(60_000); // the machine is shared: a slow answer is not a failure
    const page = await context.newPage();
    await signIn(page, 'lender@demo.corridor', '/lender');
    await page.getByRole('heading', { level: 1, name: en['loans.lenderTitle']! }).waitFor();
    await page.getByRole('button', { name: en['loans.approve']! }).first().waitFor();

    // Approve the first application: the date of the disbursement takes the focus the Approve button had.
    await tabTo(page, en['loans.approve']!);
    await page.keyboard.press('Enter');
    await until('one application approved', async () => (await statuses()).some((l) => l.status === 'approved'));
    await until('the disbursement date has the focus', async () => (await focusedName(page)) === en['loans.disbursedOn']);
    const approved = (await statuses()).find((l) => l.status === 'approved')!.id;
    const other = loanIds.find((id) => id !== approved)!;

    // Decline the other: its reason is asked in the page; sent empty, the API's problem is named at the reason.
    await tabTo(page, en['loans.decline']!);
    await page.keyboard.press('Enter');
    await until('the reason has the focus', async () => (await focusedName(page)) === en['loans.declineReason']);
    await tabTo(page, en['picker.lender.confirmDecline']!);
    await page.keyboard.press('Enter');
    await page.locator('textarea[aria-invalid=true]').waitFor();
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focusedName(page), en['loans.declineReason']);
    const declineError = await focusedError(page);
    assert.ok(declineError.invalid && declineError.text.length > 0, `the reason's problem is tied to it: ${JSON.stringify(declineError)}`);
    assert.equal((await statuses()).find((l) => l.id === other)!.status, 'applied', 'nothing decided without a reason');
    await page.keyboard.type('The contract wage is too low for this amount');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await until('the application declined', async () => (await statuses()).find((l) => l.id === other)!.status === 'declined');
    assert.equal((await statuses()).find((l) => l.id === other)!.decision_reason, 'The contract wage is too low for this amount');

    // Disburse the approved loan, dated today (the date field's default).
    await tabTo(page, en['loans.disburse']!);
    await page.keyboard.press('Enter');
    await until('the loan disbursed', async () => (await statuses()).find((l) => l.id === approved)!.status === 'disbursed');
    assert.equal((await statuses()).find((l) => l.id === approved)!.disbursed_on, new Date().toISOString().slice(0, 10));

    // The refund still owed to the demo borrower (AED 20): sent without an amount, the amount is named; then recorded.
    const amountLabel = en['loans.refundAmount']!.replace('{currency}', 'AED');
    await tabTo(page, en['loans.recordRefundButton']!);
    await page.keyboard.press('Enter');
    await page.locator('input[name=amount][aria-invalid=true]').waitFor();
    await tabTo(page, amountLabel);
    const amountError = await focusedError(page);
    assert.ok(amountError.invalid && amountError.text.length > 0, `the amount's problem is tied to it: ${JSON.stringify(amountError)}`);
    await page.keyboard.type('20.00');
    await tabTo(page, en['loans.refundReference']!);
    await page.keyboard.type('SAJILO-RF-0002');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: en['loans.refundRecorded']! }).waitFor();
    const refund = await db.selectFrom('loan_refund_payments').select(['amount_minor', 'currency']).where('reference', '=', 'SAJILO-RF-0002').executeTakeFirstOrThrow();
    assert.deepEqual(refund, { amount_minor: 2000, currency: 'AED' });
    await noAxeViolations(page, 'lender desk after keyboard use');
    await context.close();
  });

  it('the origin authority verifies a job order and refuses another (the missing reason named at its field), by keyboard', async () => {
    const en = catalog('en');
    const db = server.database.db;
    const job = (id: string) => db.selectFrom('job_orders').select(['status', 'decision_reason']).where('id', '=', id).executeTakeFirstOrThrow();
    const [toVerify, toRefuse] = jobs as [{ id: string; reference: string }, { id: string; reference: string }];
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await signIn(page, 'dofe@demo.corridor', '/authority');
    await page.goto(`${server.base}/recruitment`);
    await page.getByRole('heading', { level: 1, name: en['recruitment.desk.title']! }).waitFor();
    await page.getByRole('cell', { name: toVerify.reference, exact: true }).waitFor();

    // Verify: the notice saying so takes the focus the button had.
    await tabTo(page, en['recruitment.desk.verify']!.replace('{ref}', toVerify.reference));
    await page.keyboard.press('Enter');
    const verified = en['recruitment.desk.verified']!.replace('{ref}', toVerify.reference);
    await page.getByRole('status').filter({ hasText: verified }).waitFor();
    await until('the notice has the focus', async () => (await focusedName(page)) === verified);
    assert.equal((await job(toVerify.id)).status, 'verified');

    // Refuse: the reason is asked in the page and has the focus; sent empty, it is named there and nothing changes.
    await tabTo(page, en['picker.recruit.refuse']!.replace('{ref}', toRefuse.reference));
    await page.keyboard.press('Enter');
    const reasonLabel = en['picker.recruit.refuseReason']!.replace('{ref}', toRefuse.reference);
    await until('the reason has the focus', async () => (await focusedName(page)) === reasonLabel);
    await tabTo(page, en['picker.recruit.confirmRefuse']!);
    await page.keyboard.press('Enter');
    await page.locator('textarea[aria-invalid=true]').waitFor();
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focusedName(page), reasonLabel);
    const reasonError = await focusedError(page);
    assert.ok(reasonError.invalid && reasonError.text.length > 0, `the reason's problem is tied to it: ${JSON.stringify(reasonError)}`);
    assert.equal((await job(toRefuse.id)).status, 'submitted', 'nothing refused without a reason');
    await noAxeViolations(page, 'recruitment desk with a field problem');

    await page.keyboard.type('The employer named no accommodation address');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: en['picker.recruit.refused']!.replace('{ref}', toRefuse.reference) }).waitFor();
    assert.deepEqual(await job(toRefuse.id), { status: 'refused', decision_reason: 'The employer named no accommodation address' });
    await noAxeViolations(page, 'recruitment desk after keyboard use');
    await context.close();
  });
});
