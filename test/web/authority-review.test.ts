import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createIntl } from '@formatjs/intl';
import type { Browser, Page } from 'playwright-core';
import { scopesFor } from '../../src/core/auth/scopes.js';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import { fileJustification } from '../../src/modules/wages/follow-up/file-justification.js';
import { chooseLanguage, noAxeViolations, PHONE, skipBrowser, type WebServer, webSuite } from './browser.js';
import { catalog } from './catalogs.js';

const DESKTOP = { width: 1280, height: 900 };

/**
 * The authorities' decision on a contract: the origin authority reads the terms, the breaches and
 * what the worker accepted, and rejects with a reason; the destination authority registers one,
 * by keyboard, in Arabic. Then each sees the wage cases in its view.
 */
describe('the web application: authorities review contracts and follow wage cases', { skip: skipBrowser }, () => {
  let server: WebServer;
  let browser: Browser;
  webSuite((started) => ({ server, browser } = started));

  async function signIn(page: Page, email: string) {
    await page.goto(`${server.base}/sign-in`);
    await page.locator('input[type=email]').fill(email);
    await page.locator('input[type=password]').fill(DEMO_PASSWORD);
    await page.locator('form button[type=submit]').click();
  }
  const statusOf = async (id: string) => (await server.database.db.selectFrom('contracts').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

  it('the origin authority sees what the worker accepted, in which language, and rejects only with a reason', async () => {
    // Gita accepts her offer in Nepali on her phone first.
    const offer = await server.database.db.selectFrom('contracts').select(['id', 'contract_no']).where('status', '=', 'offered').executeTakeFirstOrThrow();
    const phone = await browser.newContext({ viewport: PHONE, locale: 'en-US', isMobile: true, hasTouch: true });
    const worker = await phone.newPage();
    await signIn(worker, 'gita@demo.corridor');
    await worker.waitForURL('**/worker');
    await chooseLanguage(worker, 'ne');
    await worker.goto(`${server.base}/worker/contracts/${offer.id}`);
    await worker.getByRole('button', { name: catalog('ne')['offer.accept']! }).click();
    await worker.getByText(catalog('ne')['status.accepted']!).first().waitFor();
    await phone.close();

    const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
    const page = await context.newPage();
    const en = catalog('en');
    await signIn(page, 'dofe@demo.corridor');
    await page.waitForURL('**/authority');
    await page.getByRole('link', { name: `Review ${offer.contract_no}` }).click();
    await page.getByRole('heading', { level: 1, name: `Contract ${offer.contract_no}` }).waitFor();
    await page.getByRole('heading', { name: en['summary.title']! }).waitFor();
    const acceptance = await page.locator('section[aria-labelledby=acceptance-title]').innerText();
    assert.match(acceptance, /after reading the terms in Nepali/);
    const digest = await server.database.db
      .selectFrom('contract_versions').select('terms_digest').where('contract_id', '=', offer.id).where('state', '=', 'accepted').executeTakeFirstOrThrow();
    assert.ok(acceptance.includes(digest.terms_digest), 'the exact terms the worker accepted are named by their digest');
    assert.match(await page.locator('#breaches-title').innerText(), /No breaches/);
    await noAxeViolations(page, 'contract review (en)');

    await page.getByRole('button', { name: en['review.reject']! }).click();
    await page.getByRole('button', { name: en['review.confirmReject']! }).click();
    await page.locator('textarea[aria-invalid=true]').waitFor();
    const intl = createIntl({ locale: 'en', messages: en });
    assert.equal(await page.locator('.field-error').innerText(), intl.formatMessage({ id: 'field.too_small.string' }, { minimum: 1 }));
    assert.equal(await statusOf(offer.id), 'accepted', 'nothing changed without a reason');
    await page.getByLabel(en['review.rejectReason']!).fill('The cook is asked to work 60 hours a week in the annex');
    await page.getByRole('button', { name: en['review.confirmReject']! }).click();
    await page.getByRole('status').filter({ hasText: `Contract ${offer.contract_no} rejected.` }).waitFor();
    assert.equal(await statusOf(offer.id), 'rejected');
    const step = await server.database.db
      .selectFrom('contract_transitions').select('reason').where('contract_id', '=', offer.id).where('to_state', '=', 'rejected').executeTakeFirstOrThrow();
    assert.equal(step.reason, 'The cook is asked to work 60 hours a week in the annex');
    await context.close();
  });

  it('the destination authority registers an approved contract by keyboard, in Arabic', async () => {
    const approved = await server.database.db.selectFrom('contracts').select(['id', 'contract_no']).where('status', '=', 'approved').executeTakeFirstOrThrow();
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, 'mohre@demo.corridor');
    await page.waitForURL('**/authority');
    await chooseLanguage(page, 'ar');
    const ar = catalog('ar');
    const intl = createIntl({ locale: 'ar', messages: ar });
    await page.getByRole('link', { name: intl.formatMessage({ id: 'review.open' }, { no: approved.contract_no }) }).click();
    await page.getByRole('heading', { level: 1, name: intl.formatMessage({ id: 'review.title' }, { no: approved.contract_no }) }).waitFor();
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    await noAxeViolations(page, 'contract review (ar)');
    const register = page.getByRole('button', { name: intl.formatMessage({ id: 'authority.register' }, { no: approved.contract_no }) });
    for (let i = 0; i < 60 && !(await register.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    assert.ok(await register.evaluate((el) => el === document.activeElement), 'the register button is reached with Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: approved.contract_no }).waitFor();
    assert.equal(await statusOf(approved.id), 'registered');
    await context.close();
  });

  it('a worker reads the employer’s reason for an unpaid month on the phone, in Nepali, and contests it', async () => {
    // The demo's journey worker: his employer did not pay August (docs/guide.md); it now files a reason.
    const db = server.database.db;
    const worker = await db.selectFrom('users').select(['worker_id']).where('email', '=', 'pemba@demo.corridor').executeTakeFirstOrThrow();
    const open = await db.selectFrom('wage_escalations').select(['id', 'employer_id']).where('worker_id', '=', worker.worker_id!).where('state', '=', 'open').executeTakeFirstOrThrow();
    const employer = { type: 'system' as const, role: 'org_admin' as const, organisationId: open.employer_id, organisationKind: 'employer' as const, country: 'ARE', scopes: scopesFor('org_admin', 'employer') };
    await fileJustification(db, employer, open.id, { category: 'absence', text: 'He was absent from 3 to 31 August without leave.' });

    const context = await browser.newContext({ viewport: PHONE, locale: 'en-US', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await signIn(page, 'pemba@demo.corridor');
    await page.waitForURL('**/worker');
    await chooseLanguage(page, 'ne');
    const ne = catalog('ne');
    await page.goto(`${server.base}/worker/wages`);
    await page.getByRole('heading', { name: ne['cases.title']! }).waitFor();
    const card = page.locator('section[aria-labelledby=cases-title] li').first();
    assert.match(await card.innerText(), /He was absent from 3 to 31 August/);
    assert.ok((await card.innerText()).includes(ne['cases.category.absence']!), 'the reason’s category in Nepali');
    await noAxeViolations(page, 'wage cases of the worker (ne)');
    await page.getByLabel(ne['cases.comment']!).fill('म काममा थिएँ; हाजिरी पुस्तिका हेर्नुहोस्।');
    await page.getByRole('button', { name: ne['cases.contest']! }).click();
    await card.locator('strong').waitFor();
    const stored = await db.selectFrom('wage_escalations').select(['state', 'worker_response', 'worker_comment']).where('id', '=', open.id).executeTakeFirstOrThrow();
    assert.deepEqual(stored, { state: 'open', worker_response: 'contest', worker_comment: 'म काममा थिएँ; हाजिरी पुस्तिका हेर्नुहोस्।' });
    await context.close();
  });

  it('each authority sees the wage cases in its view, open and closed, with a table', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
    const page = await context.newPage();
    const en = catalog('en');
    await signIn(page, 'mohre@demo.corridor');
    await page.waitForURL('**/authority');
    await chooseLanguage(page, 'en'); // the Arabic chosen above is remembered on the account
    await page.getByRole('link', { name: en['escalations.title']! }).click();
    await page.getByRole('heading', { level: 1, name: en['escalations.title']! }).waitFor();
    const open = await server.database.db.selectFrom('wage_escalations').select((eb) => eb.fn.countAll<string>().as('n')).where('state', '=', 'open').executeTakeFirstOrThrow();
    if (Number(open.n) > 0) {
      await page.locator('table tbody tr').nth(Number(open.n) - 1).waitFor();
      assert.equal(await page.locator('table tbody tr').count(), Number(open.n));
    }
    else await page.getByText(en['escalations.none']!).waitFor();
    await page.getByLabel(en['escalations.state.closed']!).check();
    await page.locator('table, p.muted').first().waitFor();
    await noAxeViolations(page, 'wage cases (en)');
    await context.close();
  });

  it("the origin authority lists every contract of its nationals by status, with only the queue's contracts to approve", async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
    const page = await context.newPage();
    const en = catalog('en');
    await signIn(page, 'dofe@demo.corridor');
    await page.waitForURL('**/authority');
    await chooseLanguage(page, 'en');
    await page.getByLabel(en['authority.show']!).selectOption('registered');
    const registered = await server.database.db
      .selectFrom('contracts').innerJoin('workers', 'workers.id', 'contracts.worker_id')
      .select((eb) => eb.fn.countAll<string>().as('n')).where('contracts.status', '=', 'registered').where('workers.nationality', '=', 'NPL')
      .executeTakeFirstOrThrow();
    assert.ok(Number(registered.n) > 0, 'the demo has registered contracts of Nepali workers');
    await page.locator('table tbody tr').nth(Number(registered.n) - 1).waitFor();
    assert.equal(await page.locator('table tbody tr').count(), Number(registered.n));
    assert.equal(await page.getByRole('button', { name: /^Approve / }).count(), 0, 'a registered contract has nothing to approve');
    await page.getByLabel(en['authority.show']!).selectOption('all');
    const all = await server.database.db
      .selectFrom('contracts').innerJoin('workers', 'workers.id', 'contracts.worker_id')
      .select((eb) => eb.fn.countAll<string>().as('n')).where('workers.nationality', '=', 'NPL')
      // What the origin sees: its nationals' contracts once offered (list-contracts.ts).
      .where((eb) => eb.exists(eb.selectFrom('contract_versions as v').select('v.version')
        .whereRef('v.employer_id', '=', 'contracts.employer_id').whereRef('v.contract_id', '=', 'contracts.id').where('v.offered_at', 'is not', null)))
      .executeTakeFirstOrThrow();
    await page.locator('table tbody tr').nth(Math.min(Number(all.n), 200) - 1).waitFor();
    assert.equal(await page.locator('table tbody tr').count(), Math.min(Number(all.n), 200), 'every contract of its nationals from the offer on');
    await noAxeViolations(page, 'all contracts (en)');
    await context.close();
  });
});
