import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import { noAxeViolations, PHONE, skipBrowser, type WebServer, webSuite } from './browser.js';
import { catalog } from './catalogs.js';


describe('the contract PDF from the web application', { skip: skipBrowser }, () => {
  let server: WebServer;
  let browser: Browser;

  webSuite((web) => ({ server, browser } = web));

  async function signIn(page: Page, email: string) {
    await page.goto(`${server.base}/sign-in`);
    await page.locator('input[type=email]').fill(email);
    await page.locator('input[type=password]').fill(DEMO_PASSWORD);
    await page.locator('form button[type=submit]').click();
  }

  /** Follows the link as the browser would (same cookies), and checks a PDF comes back. */
  async function fetchPdf(page: Page, href: string) {
    const res = await page.context().request.get(new URL(href, server.base).toString());
    assert.equal(res.status(), 200, await res.text());
    assert.equal(res.headers()['content-type'], 'application/pdf');
    assert.match(res.headers()['content-disposition'] ?? '', /^attachment; filename="contract-.+\.pdf"$/);
    assert.equal((await res.body()).subarray(0, 5).toString('latin1'), '%PDF-');
  }

  for (const lang of ['ne', 'ar'] as const) {
    it(`the worker's registered contract offers its PDF in the page's language (${lang})`, async () => {
      const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      await signIn(page, 'ram@demo.corridor');
      await page.waitForURL('**/worker');
      await page.locator('.language-picker select').selectOption(lang);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      await page.locator('a[href^="/worker/contracts/"]').first().click();
      await page.locator('.registry img').waitFor();
      const link = page.getByRole('link', { name: catalog(lang)['pdf.download']! });
      const href = (await link.getAttribute('href'))!;
      assert.match(href, new RegExp(`^/api/v1/contracts/[0-9a-f-]{36}/pdf\\?lang=${lang}$`));
      const box = (await link.boundingBox())!;
      assert.ok(box.height >= 44, `a tap target of 44 px (${box.height})`);
      await fetchPdf(page, href);
      await noAxeViolations(page, `the registered contract (${lang})`);
      await context.close();
    });
  }

  it("the employer's list links each registered contract's PDF, and only those", async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    const page = await context.newPage();
    await signIn(page, 'alnoor@demo.corridor');
    await page.waitForURL('**/employer');
    await page.locator('table').waitFor();
    const links = page.getByRole('link', { name: catalog('en')['pdf.download']! });
    const count = await links.count();
    const registered = await server.database.db
      .selectFrom('contracts')
      .innerJoin('organisations', 'organisations.id', 'contracts.employer_id')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('organisations.name', '=', 'Al Noor Construction LLC')
      .where('contracts.status', 'in', ['registered', 'active', 'completed', 'terminated'])
      .executeTakeFirstOrThrow();
    assert.ok(count > 0);
    assert.equal(count, Math.min(Number(registered.n), 200));
    await fetchPdf(page, (await links.first().getAttribute('href'))!);
    await context.close();
  });
});
