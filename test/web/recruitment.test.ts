import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import { DEMO_RECRUIT } from '../../src/demo/seed-recruitment.js';
import { chooseLanguage, noAxeViolations, PHONE, skipBrowser, type WebServer, webSuite } from './browser.js';
import { catalog } from './catalogs.js';


describe('the web application: fair recruitment for the worker, the employer, the agency and the origin authority', { skip: skipBrowser }, () => {
  let server: WebServer;
  let browser: Browser;
  webSuite((started) => ({ server, browser } = started));

  async function signIn(page: Page, email: string) {
    await page.goto(`${server.base}/sign-in`);
    // The first page of a fresh server can take long on a loaded machine (chunks, PGlite warming up).
    await page.locator('input[type=email]').waitFor({ timeout: 90_000 });
    await page.locator('input[type=email]').fill(email);
    await page.locator('input[type=password]').fill(DEMO_PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  }

  for (const lang of ['ne', 'ar']) {
    it(`the recruit on a phone sees what he paid as months of pay, and the breach, in ${lang}`, async () => {
      const context = await browser.newContext({ viewport: PHONE, locale: 'en-US', isMobile: true, hasTouch: true });
      const page = await context.newPage();
      await signIn(page, DEMO_RECRUIT.email);
      await chooseLanguage(page, lang);
      await page.goto(`${server.base}/worker/recruitment`);
      const c = catalog(lang);
      await page.getByRole('heading', { level: 1, name: c['recruitment.worker.title']! }).waitFor();
      await page.locator('article.card').first().waitFor();
      const text = await page.locator('main').innerText();
      assert.ok(text.includes(c['recruitment.worker.breach']!), 'the breach notice is shown');
      assert.ok(text.includes(c['recruitment.worker.months']!.split('{months}')[0]!.trim().slice(0, 6)), 'SDG 10.7.1 in plain words');
      assert.match(text, /0[.,٫]89|٠٫٨٩/);
      assert.equal(await page.locator('html').getAttribute('lang'), lang);
      if (lang === 'ar') assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
      await noAxeViolations(page, `worker recruitment costs (${lang})`);
      await context.close();
    });
  }

  it('the recruit declares a payment: an unknown currency is shown at its field and nothing is stored; a good one is saved', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-US', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await signIn(page, DEMO_RECRUIT.email);
    await chooseLanguage(page, 'en');
    await page.goto(`${server.base}/worker/recruitment`);
    const c = catalog('en');
    await page.getByRole('heading', { name: c['recruitment.worker.declareTitle']! }).waitFor();
    const before = await server.database.db.selectFrom('recruitment_cost_declarations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    await page.getByLabel(c['recruitment.item.amount']!).fill('500');
    await page.getByLabel(c['recruitment.item.currency']!).fill('XYZ');
    await page.getByRole('button', { name: c['recruitment.worker.submit']!, exact: true }).click();
    await page.locator('.field-error').first().waitFor();
    const after1 = await server.database.db.selectFrom('recruitment_cost_declarations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after1.n), Number(before.n));
    await page.getByLabel(c['recruitment.item.currency']!).fill('AED');
    await page.getByRole('button', { name: c['recruitment.worker.submit']!, exact: true }).click();
    await page.getByText(c['recruitment.worker.saved']!).waitFor();
    await context.close();
  });

  it('the origin authority sees the job order, the breaches and the differing declarations, and upholds a breach', async () => {
    const c = catalog('en');
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, 'dofe@demo.corridor');
    await page.goto(`${server.base}/recruitment`);
    await page.getByRole('heading', { level: 1, name: c['recruitment.desk.title']! }).waitFor();
    await page.getByRole('cell', { name: c['recruitment.status.verified']! }).first().waitFor();
    await page.getByRole('heading', { name: c['recruitment.desk.differences']! }).waitFor();
    await noAxeViolations(page, 'origin authority recruitment desk');
    await page.getByRole('button', { name: c['recruitment.desk.uphold']! }).first().click();
    await page.getByText(c['recruitment.breach.upheld']!).first().waitFor();
    await context.close();
  });

  it('the employer opens the shortlist with the reasons and selects a candidate; the agency sees the order', async () => {
    const c = catalog('en');
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, 'alnoor@demo.corridor');
    await page.goto(`${server.base}/recruitment`);
    await page.getByRole('button', { name: /^Shortlist for JO-NPL-ARE-/ }).first().click();
    await page.getByText('same occupation (ISCO 7112)').first().waitFor();
    await noAxeViolations(page, 'employer shortlist');
    await page.getByRole('button', { name: /^Select / }).first().click();
    await page.getByRole('status').waitFor();
    const selections = await server.database.db.selectFrom('job_order_selections').select(['contract_id']).execute();
    assert.equal(selections.length, 2);
    assert.ok(selections.every((s) => s.contract_id), 'each selection has its contract offer');
    const agency = await browser.newContext({ locale: 'en-US' });
    const agencyPage = await agency.newPage();
    await signIn(agencyPage, 'himalayan@demo.corridor');
    await agencyPage.goto(`${server.base}/recruitment`);
    await agencyPage.getByRole('button', { name: /^Shortlist for JO-NPL-ARE-/ }).first().waitFor();
    await noAxeViolations(agencyPage, 'agency recruitment desk');
    await agency.close();
    await context.close();
  });
});
