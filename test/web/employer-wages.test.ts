import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_RECRUIT } from '../../src/demo/seed-recruitment.js';
import { chooseLanguage, noAxeViolations, signInAt, skipBrowser, type WebServer, webSuite } from './browser.js';
import { catalog } from './catalogs.js';

const DESKTOP = { width: 1280, height: 900 };
const EMPLOYER = 'alnoor@demo.corridor';
const en = catalog('en');

/** The problem the page shows for a field: the text its aria-describedby points at, when it is marked invalid. */
const fieldError = (field: Locator) =>
  field.evaluate((el) => {
    if (el.getAttribute('aria-invalid') !== 'true') return '';
    const id = el.getAttribute('aria-describedby');
    return (id && document.getElementById(id)?.textContent) || '';
  });

const tableRows = (page: Page, heading: string) => page.locator(`table[aria-labelledby="${heading}"] tbody tr`).allInnerTexts();

describe("the web application: the employer's own wage compliance in Chromium", { skip: skipBrowser }, () => {
  let server: WebServer;
  let browser: Browser;
  let pembaContract: string;
  webSuite((started) => ({ server, browser } = started));
  before(async () => {
    const row = await server.database.db
      .selectFrom('contracts as c')
      .innerJoin('workers as w', 'w.id', 'c.worker_id')
      .select('c.contract_no')
      .where('w.person_id', '=', DEMO_RECRUIT.person_id)
      .where('c.status', '=', 'registered')
      .executeTakeFirstOrThrow();
    pembaContract = row.contract_no;
  });

  const desktop = () => browser.newContext({ viewport: DESKTOP, locale: 'en-US' });

  /** From the employer's home to its wage page, waiting for the chart, its table and the open cases. */
  async function openWages(page: Page, lang: string) {
    const t = catalog(lang);
    await page.getByRole('link', { name: t['employerWages.navLink']! }).click();
    await page.waitForURL('**/employer/wages');
    await page.getByRole('heading', { level: 1, name: t['employerWages.title']! }).waitFor();
    await page.locator('.chart > [role=img]').waitFor();
    await page.locator('table[aria-labelledby=employer-compliance] tbody tr').first().waitFor();
    await page.locator('table[aria-labelledby=employer-months] tbody tr').first().waitFor();
    await page.locator('#employer-cases ~ ul .card').first().waitFor();
  }

  it('in Arabic, right to left: a blank reason is named at its fields in Arabic; axe passes; the account goes back to English', async () => {
    const context = await desktop();
    const page = await context.newPage();
    await signInAt(page, server.base, EMPLOYER, '/employer');
    await chooseLanguage(page, 'ar');
    try {
      await arabicPage(page);
    } finally {
      // The language is saved on the account: put it back for the other tests, whatever happened.
      const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH');
      await chooseLanguage(page, 'en');
      assert.equal((await saved).status(), 200);
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await context.close();
    }
  });

  async function arabicPage(page: Page) {
    await page.waitForFunction(() => document.documentElement.lang === 'ar' && document.documentElement.dir === 'rtl');
    await openWages(page, 'ar');
    const ar = catalog('ar');
    assert.equal(await page.locator('.chart > [role=img]').getAttribute('aria-label'), ar['employerWages.compliance.label']);
    await noAxeViolations(page, 'employer wages (ar)');

    // Nothing chosen, nothing typed: both problems come back, each at its field, in the page's language.
    const card = page.locator('#employer-cases ~ ul .card').filter({ hasText: pembaContract });
    await card.getByLabel(ar['employerWages.form.category']!, { exact: true }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const text = card.getByLabel(ar['employerWages.form.text']!, { exact: true });
    await page.waitForFunction(() => document.querySelectorAll('[aria-invalid=true]').length === 2);
    assert.match(await fieldError(text), /^استخدم /u);
    const reasonError = await fieldError(card.getByLabel(ar['employerWages.form.category']!, { exact: true }));
    assert.ok(reasonError.includes(ar['cases.category.bank_error']!) && !reasonError.includes('bank_error'), `the reasons by name: ${reasonError}`);
    await noAxeViolations(page, 'employer wages with field problems (ar)');
  }

  it("sees its months, the chart's table and its workers, and gives a reason for Pemba's unpaid August with the keyboard", async () => {
    const context = await desktop();
    const page = await context.newPage();
    await signInAt(page, server.base, EMPLOYER, '/employer');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await openWages(page, 'en');

    // The chart is one image named for what it shows; its numbers are in the table beside it.
    assert.equal(await page.locator('.chart > [role=img]').getAttribute('aria-label'), en['employerWages.compliance.label']);
    const months = await tableRows(page, 'employer-compliance');
    assert.equal(months.length, 3, months.join('\n'));
    for (const [i, month] of ['September 2026', 'August 2026', 'July 2026'].entries()) assert.ok(months[i]!.startsWith(month), months.join('\n'));
    const api = (await page.evaluate(async () => (await fetch('/api/v1/wages/compliance')).json())) as { months: { employer_name: string; period: string; paid: number; contracts: number }[] };
    assert.ok(api.months.every((m) => m.employer_name === 'Al Noor Construction LLC'), 'its own compliance only');
    const august = api.months.find((m) => m.period === '2026-08')!;
    assert.equal(august.paid, august.contracts - 1, 'all paid in August but Pemba');
    assert.ok(months[1]!.includes(String(august.contracts)) && months[1]!.includes(String(august.paid)), months[1]);

    // Its workers in a month: by initials, amounts in the page's language from minor units.
    const period = page.getByLabel(en['employerWages.month']!, { exact: true });
    assert.equal(await period.inputValue(), '2026-09');
    await period.focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => (document.querySelector('#employer-months-period') as HTMLSelectElement).value === '2026-08');
    await page.locator('table[aria-labelledby=employer-months] tbody tr').filter({ hasText: en['wageStatus.unpaid']! }).waitFor();
    const workers = await tableRows(page, 'employer-months');
    const pemba = workers.find((r) => r.includes(pembaContract))!;
    assert.ok(pemba.includes('P.S.') && pemba.includes(en['wageStatus.unpaid']!), pemba);
    assert.match(pemba, /AED\s?1,800\.00/u, 'the expected wage from minor units');
    const results = (await page.evaluate(async () => (await fetch('/api/v1/wages/results/contracts')).json())) as { results: { employer_name: string }[] };
    assert.ok(results.results.length > 0 && results.results.every((r) => r.employer_name === 'Al Noor Construction LLC'), 'its own workers only');

    // The unpaid August, by keyboard only: a reason chosen, a blank explanation refused at its field, nothing lost.
    const card = page.locator('#employer-cases ~ ul .card').filter({ hasText: pembaContract });
    const category = card.getByLabel(en['employerWages.form.category']!, { exact: true });
    const text = card.getByLabel(en['employerWages.form.text']!, { exact: true });
    await category.focus();
    await page.keyboard.press('ArrowDown'); // -> paid outside the wage system
    assert.equal(await category.inputValue(), 'paid_outside_wps');
    await page.keyboard.press('Tab');
    await page.keyboard.type('   ');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('textarea[aria-invalid=true]') !== null);
    assert.equal(await fieldError(text), 'Use at least 1 character.');
    assert.equal(await fieldError(category), '', 'the reason chosen was fine');
    assert.equal(await category.inputValue(), 'paid_outside_wps', 'nothing chosen is lost');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'TEXTAREA', 'the keyboard is taken to the field named');
    await page.keyboard.type('Paid in cash on 3 September; receipt signed by the worker.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: /August 2026/ }).waitFor();
    await card.getByText(en['escalations.awaitingWorker']!).waitFor();
    assert.equal(await card.locator('form').count(), 0, 'no second reason while the worker has not answered');

    const stored = await server.database.db
      .selectFrom('wage_escalations as e')
      .innerJoin('contracts as c', 'c.id', 'e.contract_id')
      .select(['e.justification_category', 'e.justification_text'])
      .where('c.contract_no', '=', pembaContract)
      .executeTakeFirstOrThrow();
    assert.deepEqual(stored, { justification_category: 'paid_outside_wps', justification_text: 'Paid in cash on 3 September; receipt signed by the worker.' });
    await noAxeViolations(page, 'employer wages (en)');
    await context.close();
  });

  it("another employer sees none of Al Noor's workers or cases", async () => {
    const context = await desktop();
    const page = await context.newPage();
    await signInAt(page, server.base, 'efs@demo.corridor', '/employer');
    const seen = await page.evaluate(async () => ({
      results: ((await (await fetch('/api/v1/wages/results/contracts')).json()) as { results: unknown[] }).results.length,
      cases: ((await (await fetch('/api/v1/wages/escalations')).json()) as { escalations: unknown[] }).escalations.length,
    }));
    assert.deepEqual(seen, { results: 0, cases: 0 });
    await context.close();
  });
});
