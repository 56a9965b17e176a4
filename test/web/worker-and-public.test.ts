import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import { chooseLanguage, noAxeViolations, PHONE, skipBrowser, type WebServer, webSuite } from './browser.js';
import { catalog } from './catalogs.js';

const JS_BUDGET = 150 * 1024;

describe('the web application: worker and public journeys in Chromium', { skip: skipBrowser }, () => {
  let server: WebServer;
  let browser: Browser;
  let registeredNo: string;

  webSuite((web) => ({ server, browser } = web));
  before(async () => {
    const row = await server.database.db.selectFrom('contracts').select('contract_no').where('status', 'in', ['active', 'registered']).executeTakeFirstOrThrow();
    registeredNo = row.contract_no;
  });

  const phone = () => browser.newContext({ viewport: PHONE, locale: 'en-US', isMobile: true, hasTouch: true });


  async function signInByKeyboard(page: Page, email: string) {
    await page.goto(`${server.base}/`);
    await page.waitForURL('**/sign-in');
    await page.locator('input[type=email]').focus();
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
  }


  it('a worker on a phone signs in, reads the offer in Nepali (summary first) and accepts it', async () => {
    const context = await phone();
    const page = await context.newPage();
    const offer = await server.database.db.selectFrom('contracts').select('id').where('status', '=', 'offered').executeTakeFirstOrThrow();
    const offerId = offer.id;
    await signInByKeyboard(page, 'gita@demo.corridor');
    await page.waitForURL('**/worker');
    await chooseLanguage(page, 'ne');
    const ne = catalog('ne');
    await page.getByRole('heading', { name: ne['worker.offers']! }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'ne');

    await page.locator('a[href^="/worker/contracts/"]').first().click();
    const summary = page.getByRole('heading', { name: ne['summary.title']! });
    await summary.waitFor();
    const full = page.getByRole('heading', { name: ne['terms.title']! });
    assert.ok((await summary.boundingBox())!.y < (await full.boundingBox())!.y, 'the plain-words summary comes before the full terms');
    await noAxeViolations(page, 'the offer in Nepali');

    await page.getByRole('button', { name: ne['offer.accept']! }).click();
    await page.getByText(ne['status.accepted']!).first().waitFor();
    const stored = await server.database.db
      .selectFrom('contracts')
      .innerJoin('contract_versions', 'contract_versions.contract_id', 'contracts.id')
      .select(['contracts.status', 'contract_versions.accepted_language'])
      .where('contracts.id', '=', offerId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(stored, { status: 'accepted', accepted_language: 'ne' });
    await context.close();
  });

  it('never shows a worker another worker\u2019s contract, even by editing the address', async () => {
    const other = await server.database.db.selectFrom('contracts').select('id').where('contract_no', '=', registeredNo).executeTakeFirstOrThrow();
    const context = await phone();
    const page = await context.newPage();
    await signInByKeyboard(page, 'gita@demo.corridor');
    await page.waitForURL('**/worker');
    await chooseLanguage(page, 'en'); // Gita's account says Nepali; the choice is remembered over it
    await page.goto(`${server.base}/worker/contracts/${other.id}`);
    await page.getByRole('alert').getByText(catalog('en')['problem.notFound']!).waitFor();
    await context.close();
  });

  it('verifies a contract offline from its QR link, and refuses an altered one', async () => {
    const link = await server.app.inject({ method: 'GET', url: `/api/v1/verify/${encodeURIComponent(registeredNo)}/link` });
    const url = new URL(link.json<{ url: string }>().url);
    const fragment = url.hash.slice(1);
    const en = catalog('en');

    const context = await phone();
    const page = await context.newPage();
    await page.goto(`${server.base}/verify/${encodeURIComponent(registeredNo)}`);
    await page.getByRole('heading', { name: en['verify.genuine']! }).waitFor();
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 10_000 }).catch(() => undefined);

    await context.setOffline(true);
    await page.evaluate((h) => {
      location.hash = h;
    }, fragment);
    await page.getByText(en['verify.checkedOffline']!).waitFor();
    await page.getByRole('heading', { name: en['verify.genuine']! }).waitFor();

    const payload = JSON.parse(Buffer.from(fragment, 'base64url').toString('utf8')) as { terms: { wage_minor: number } };
    payload.terms.wage_minor += 100;
    await page.evaluate((h) => {
      location.hash = h;
    }, Buffer.from(JSON.stringify(payload)).toString('base64url'));
    await page.getByRole('heading', { name: en['verify.notGenuine']! }).waitFor();

    // Reloaded with no network at all: the service worker's copy opens the page and checks the code.
    await page.goto(`${server.base}/verify/${encodeURIComponent(registeredNo)}#${fragment}`);
    await page.getByRole('heading', { name: en['verify.genuine']! }).waitFor();
    await context.close();
  });

  for (const lang of ['en', 'ar'] as const) {
    it(`has no axe violations on the worker's and the public pages in ${lang}`, async () => {
      const context: BrowserContext = await phone();
      const page = await context.newPage();
      await page.goto(`${server.base}/sign-in`);
      await chooseLanguage(page, lang);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      if (lang === 'ar') assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
      await noAxeViolations(page, `sign-in (${lang})`);
      await page.goto(`${server.base}/verify/${encodeURIComponent(registeredNo)}`);
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      await noAxeViolations(page, `verify (${lang})`);
      await page.goto(`${server.base}/`);
      await page.locator('input[type=email]').fill('ram@demo.corridor');
      await page.locator('input[type=password]').fill(DEMO_PASSWORD);
      await page.locator('form button[type=submit]').click();
      await page.waitForURL('**/worker');
      await page.locator('a[href^="/worker/contracts/"]').first().waitFor();
      await noAxeViolations(page, `worker home (${lang})`);
      await page.locator('a[href^="/worker/contracts/"]').first().click();
      await page.locator('.registry img').waitFor();
      await noAxeViolations(page, `registered contract (${lang})`);
      await page.goto(`${server.base}/worker/wages`);
      await page.locator('main h1').waitFor();
      await noAxeViolations(page, `wages (${lang})`);
      await context.close();
    });
  }

  it('loads the worker home with under 150 KB of compressed JavaScript, and on slow 3G', async (t) => {
    const context = await phone();
    await context.request.post(`${server.base}/api/v1/auth/login`, { data: { email: 'ram@demo.corridor', password: DEMO_PASSWORD } });
    const page = await context.newPage();
    const scripts = new Map<string, Promise<Buffer>>();
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.set(response.url(), response.body());
    });
    // DevTools' "Slow 3G": 400 kbit/s each way, 2 s round trips.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 2000, downloadThroughput: 50_000, uploadThroughput: 50_000 });
    const started = Date.now();
    await page.goto(`${server.base}/worker`);
    await page.locator('a[href^="/worker/contracts/"]').first().waitFor({ timeout: 60_000 });
    const seconds = (Date.now() - started) / 1000;
    let compressed = 0;
    for (const body of scripts.values()) compressed += gzipSync(await body, { level: 9 }).length;
    t.diagnostic(`worker home: ${scripts.size} scripts, ${(compressed / 1024).toFixed(1)} KB gzip; usable after ${seconds.toFixed(1)} s on slow 3G`);
    assert.ok(compressed < JS_BUDGET, `first-load JS ${compressed} bytes gzip exceeds ${JS_BUDGET}`);
    assert.ok(seconds < 30, `the worker home took ${seconds} s on slow 3G`);
    await context.close();
  });
});
