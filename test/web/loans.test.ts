import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import { DEMO_BORROWER } from '../../src/demo/seed-loans.js';
import { chooseLanguage, noAxeViolations, PHONE, skipBrowser, type WebServer, webSuite } from './browser.js';
import { catalog } from './catalogs.js';


describe('the web application: pre-departure loans for the worker, the lender and the authorities', { skip: skipBrowser }, () => {
  let server: WebServer;
  let browser: Browser;
  webSuite((started) => ({ server, browser } = started));

  async function signIn(page: Page, email: string, home: string) {
    await page.goto(`${server.base}/sign-in`);
    await page.locator('input[type=email]').fill(email);
    await page.locator('input[type=password]').fill(DEMO_PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL(`**${home}`);
  }

  for (const lang of ['ne', 'ar']) {
    it(`the borrower on a phone sees the loan, the balance and the deferred month in ${lang}`, async () => {
      const context = await browser.newContext({ viewport: PHONE, locale: 'en-US', isMobile: true, hasTouch: true });
      const page = await context.newPage();
      await signIn(page, DEMO_BORROWER.email, '/worker');
      await chooseLanguage(page, lang);
      await page.goto(`${server.base}/worker/loans`);
      const c = catalog(lang);
      await page.getByRole('heading', { level: 1, name: c['loans.workerTitle']! }).waitFor();
      await page.locator('.repayment').first().waitFor();
      const text = await page.locator('main').innerText();
      assert.ok(text.includes(c['loans.balance']!), 'the balance is shown');
      assert.ok(text.includes(c['loans.outcome.deferred']!), 'the month the employer did not pay is shown as deferred');
      assert.equal(await page.locator('.repayment').count(), 3, 'three wage months matched');
      assert.equal(await page.locator('html').getAttribute('lang'), lang);
      if (lang === 'ar') assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
      await noAxeViolations(page, `worker loans (${lang})`);
      await context.close();
    });
  }

  it('the lender sees its portfolio and the disbursed loan; the authority sees the totals', async () => {
    const c = catalog('en');
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    // A lender lands on its desk.
    await signIn(page, 'lender@demo.corridor', '/lender');
    await page.getByRole('heading', { level: 1, name: c['loans.lenderTitle']! }).waitFor();
    await page.getByRole('cell', { name: 'NPL-ARE' }).first().waitFor();
    assert.ok((await page.locator('main').innerText()).includes(c['loans.state.disbursed']!));
    await noAxeViolations(page, 'lender desk');
    await context.close();

    const authority = await browser.newContext({ locale: 'en-US' });
    const p2 = await authority.newPage();
    await signIn(p2, 'dofe@demo.corridor', '/authority');
    await p2.goto(`${server.base}/authority/loans`);
    await p2.getByRole('heading', { level: 1, name: c['loans.totalsTitle']! }).waitFor();
    await p2.getByRole('cell', { name: 'NPL-ARE' }).waitFor();
    await noAxeViolations(p2, 'authority loan totals');
    await authority.close();
  });
});
