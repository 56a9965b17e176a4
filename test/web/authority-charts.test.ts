import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { chooseLanguage, noAxeViolations, signInAt, skipBrowser, type WebServer, webSuite } from './browser.js';
import { catalog } from './catalogs.js';

const DESKTOP = { width: 1280, height: 900 };

/** The rows of the table labelled by a heading, as text. */
const tableRows = (page: Page, heading: string) =>
  page.locator(`table[aria-labelledby="${heading}"] tbody tr`).allInnerTexts();

describe('the web application: the authorities\' compliance charts in Chromium', { skip: skipBrowser }, () => {
  let server: WebServer;
  let browser: Browser;
  webSuite((started) => ({ server, browser } = started));

  const desktop = () => browser.newContext({ viewport: DESKTOP, locale: 'en-US' });

  /** Opens the charts from the authority's navigation and waits for the three charts and their tables. */
  async function openCharts(page: Page, lang: string) {
    const t = catalog(lang);
    await page.getByRole('link', { name: t['charts.navLink']! }).click();
    await page.waitForURL('**/authority/compliance');
    await page.getByRole('heading', { level: 1, name: t['charts.title']! }).waitFor();
    for (const title of ['charts.compliance.title', 'charts.statuses.title', 'charts.stages.title'])
      await page.getByRole('heading', { level: 2, name: t[title]! }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.chart > [role=img]').length >= 3);
    await page.locator('table[aria-labelledby=chart-statuses] tbody tr').first().waitFor();
  }

  it('the destination authority sees compliance by month, statuses by employer and contracts by stage, each with its table', async () => {
    const context = await desktop();
    const page = await context.newPage();
    await signInAt(page, server.base, 'mohre@demo.corridor', '/authority');
    await openCharts(page, 'en');
    const en = catalog('en');

    // Each chart is one image named for what it shows; its numbers are in the table beside it.
    const labels = await page.locator('.chart > [role=img]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    assert.equal(labels.length, 3);
    assert.equal(labels[0], en['charts.compliance.label']);

    // Compliance by month: the demo reconciled July to September 2026 for the employers paid through the demo bank.
    const compliance = await tableRows(page, 'chart-compliance');
    assert.ok(compliance.some((r) => r.includes('Al Noor Construction LLC')), compliance.join('\n'));
    const header = await page.locator('table[aria-labelledby=chart-compliance] thead').innerText();
    for (const month of ['July 2026', 'August 2026', 'September 2026']) assert.ok(header.includes(month), header);

    // Statuses of the latest month by employer, and the month can be changed by keyboard.
    const statuses = await tableRows(page, 'chart-statuses');
    assert.ok(statuses.length >= 1);
    const month = page.getByLabel(en['charts.period']!, { exact: true });
    assert.equal(await month.inputValue(), '2026-09');
    await month.focus();
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction(() => (document.querySelector('#chart-period') as HTMLSelectElement).value === '2026-08');
    await page.getByRole('img', { name: /August 2026/ }).waitFor();

    // Contracts by stage: the same counts as the API's single statement, for this authority's side.
    const api = await page.evaluate(async () => (await fetch('/api/v1/contracts/stages')).json()) as { stages: { status: string; contracts: number }[]; total: number };
    assert.ok(api.total > 0);
    const stageRows = await tableRows(page, 'chart-stages');
    assert.equal(stageRows.length, api.stages.length);
    const registered = api.stages.find((s) => s.status === 'registered')!;
    assert.ok(stageRows.some((r) => r.includes(en['charts.stage.registered']!) && r.includes(String(registered.contracts))));
    assert.equal(api.stages.find((s) => s.status === 'draft')!.contracts, 0, 'the destination never sees a draft');
    assert.match(await page.locator('table[aria-labelledby=chart-stages] tfoot').innerText(), new RegExp(`${api.total}`));
    await noAxeViolations(page, 'authority charts (en)');
    await context.close();
  });

  it('has no axe violations on the charts page in Arabic, right to left', async () => {
    const context = await desktop();
    const page = await context.newPage();
    await signInAt(page, server.base, 'mohre@demo.corridor', '/authority');
    await chooseLanguage(page, 'ar');
    await page.waitForFunction(() => document.documentElement.lang === 'ar' && document.documentElement.dir === 'rtl');
    await openCharts(page, 'ar');
    assert.ok((await tableRows(page, 'chart-stages')).some((r) => r.includes(catalog('ar')['charts.stage.registered']!)));
    await noAxeViolations(page, 'authority charts (ar)');
    await context.close();
  });

  it('the origin authority sees its nationals\' side; a worker and an employer are turned away', async () => {
    const context = await desktop();
    const page = await context.newPage();
    await signInAt(page, server.base, 'dofe@demo.corridor', '/authority');
    await openCharts(page, 'en');
    assert.ok((await tableRows(page, 'chart-compliance')).length >= 1);
    await context.close();

    for (const [email, home] of [['ram@demo.corridor', '/worker'], ['alnoor@demo.corridor', '/employer']] as const) {
      const other = await desktop();
      const p = await other.newPage();
      await signInAt(p, server.base, email, home);
      assert.equal(await p.getByRole('link', { name: catalog('en')['charts.navLink']! }).count(), 0);
      await p.goto(`${server.base}/authority/compliance`);
      await p.waitForURL(`**${home}`);
      const status = await p.evaluate(async () => (await fetch('/api/v1/contracts/stages')).status);
      assert.equal(status, 403, email);
      await other.close();
    }
  });
});
