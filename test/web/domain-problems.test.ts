import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import { DEMO_BORROWER } from '../../src/demo/seed-loans.js';
import { chooseLanguage, noAxeViolations, PHONE, skipBrowser, type WebServer, webSuite } from './browser.js';
import { catalog } from './catalogs.js';

/**
 * A rule of the domain broken on a worker's form is stated in the worker's language: the API
 * sends the rule's code and its amounts (web/src/api/problem-messages.ts words them), and the
 * page shows the sentence next to the field, with the amounts written for the language.
 */
describe('the web application: a rule of the domain in the worker\u2019s language', { skip: skipBrowser }, () => {
  let server: WebServer;
  let browser: Browser;
  webSuite((started) => ({ server, browser } = started));

  it('a worker asks for a loan above the product\u2019s limit in Arabic and reads why next to the amount, in Arabic', async () => {
    const db = server.database.db;
    const worker = await db.selectFrom('workers').select('id').where('person_id', '=', DEMO_BORROWER.person_id).executeTakeFirstOrThrow();
    const loansOf = () => db.selectFrom('loans').select('id').where('worker_id', '=', worker.id).execute();
    const before = (await loansOf()).length;
    const product = await db.selectFrom('loan_products').select(['min_amount_minor', 'max_amount_minor', 'currency']).where('status', '=', 'active').executeTakeFirstOrThrow();

    const context = await browser.newContext({ viewport: PHONE, locale: 'en-US', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${server.base}/sign-in`);
    await page.locator('input[type=email]').fill(DEMO_BORROWER.email);
    await page.locator('input[type=password]').fill(DEMO_PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL('**/worker');
    await chooseLanguage(page, 'ar');
    await page.waitForFunction(() => document.documentElement.lang === 'ar');

    const ar = catalog('ar');
    await page.goto(`${server.base}/worker/loans/apply`);
    await page.getByRole('heading', { level: 1, name: ar['loans.apply.title']! }).waitFor();
    const amount = page.locator('input[name=amount]');
    await amount.fill(String((Number(product.max_amount_minor) / 100) * 2));
    await page.locator('input[name=term]').fill('12');
    const quote = page.waitForResponse((r) => r.url().endsWith('/api/v1/loans/quote'));
    await page.getByRole('button', { name: ar['loans.apply.seeCost']! }).click();
    const answer = await quote;
    assert.equal(answer.status(), 422);
    const problem = (await answer.json()) as { errors: { pointer: string; code?: string; message: string }[] };
    const sent = problem.errors.find((e) => e.pointer === '/amount_minor')!;
    assert.equal(sent.code, 'loan.amount_outside_limits');

    await page.locator('input[name=amount][aria-invalid=true]').waitFor();
    const errorId = await amount.getAttribute('aria-describedby');
    const shown = (await page.locator(`[id="${errorId}"]`).innerText()).trim();
    // The product's limits, written as Arabic writes money (the browser's own Intl), in the catalog's sentence.
    const [min, max] = await page.evaluate(
      ({ lo, hi, currency }) => [lo, hi].map((minor) => new Intl.NumberFormat('ar', { style: 'currency', currency }).format(minor / 100)),
      { lo: Number(product.min_amount_minor), hi: Number(product.max_amount_minor), currency: product.currency },
    );
    assert.equal(shown, ar['field.rule.loan.amount_outside_limits']!.replace('{min}', min!).replace('{max}', max!));
    assert.notEqual(shown, sent.message, 'not the server\u2019s English');
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    await noAxeViolations(page, 'loan application with a rule broken (ar)');
    assert.equal((await loansOf()).length, before, 'nothing stored');

    // The language is saved on the account: back to English for whoever signs in next.
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH');
    await chooseLanguage(page, 'en');
    assert.ok((await saved).ok());
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await context.close();
  });
});
