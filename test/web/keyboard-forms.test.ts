import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createIntl } from '@formatjs/intl';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import { chooseLanguage, noAxeViolations, PHONE, skipBrowser, type WebServer, webSuite } from './browser.js';
import { catalog } from './catalogs.js';

/**
 * Forms used with the keyboard alone (Tab to move, Enter or Space to act), in right-to-left
 * languages: the worker declining an offer, the public looking a contract up, a provider
 * publishing a price. Field problems from the API are shown in the page's language.
 */
describe('the web application by keyboard alone, right to left', { skip: skipBrowser }, () => {
  let server: WebServer;
  let browser: Browser;
  webSuite((started) => ({ server, browser } = started));

  /** Presses Tab until the focused element has this accessible text (or value), as a person would; fails if never reached. */
  async function tabTo(page: Page, text: string) {
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return '';
        const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : '';
        return `${el.getAttribute('aria-label') ?? ''}|${label ?? ''}|${el.innerText ?? ''}`;
      });
      if (focused.includes(text)) return;
    }
    assert.fail(`"${text}" cannot be reached with Tab`);
  }

  async function signIn(page: Page, email: string) {
    await page.goto(`${server.base}/sign-in`);
    await page.locator('input[type=email]').focus();
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
  }

  it('a worker on a phone declines an offer in Arabic: the missing reason is named, then the decline is kept', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-US', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const offer = await server.database.db.selectFrom('contracts').select('id').where('status', '=', 'offered').executeTakeFirstOrThrow();
    await signIn(page, 'gita@demo.corridor');
    await page.waitForURL('**/worker');
    await chooseLanguage(page, 'ar');
    const ar = catalog('ar');
    await page.goto(`${server.base}/worker/contracts/${offer.id}`);
    await page.getByRole('heading', { name: ar['offer.title']! }).waitFor();
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');

    await tabTo(page, ar['offer.decline']!);
    await page.keyboard.press('Enter');
    await page.getByLabel(ar['offer.reason']!).waitFor();
    await tabTo(page, ar['offer.confirmDecline']!);
    await page.keyboard.press('Enter');
    const reason = page.getByLabel(ar['offer.reason']!);
    await page.locator('textarea[aria-invalid=true]').waitFor();
    assert.equal(await page.locator('.field-error').innerText(), ar['form.required']);
    assert.equal((await server.database.db.selectFrom('contracts').select('status').where('id', '=', offer.id).executeTakeFirstOrThrow()).status, 'offered');

    await reason.focus();
    await page.keyboard.type('الأجر أقل مما وُعدت به');
    await tabTo(page, ar['offer.confirmDecline']!);
    await page.keyboard.press('Enter');
    await page.getByText(ar['status.declined']!).first().waitFor();
    const stored = await server.database.db.selectFrom('contracts').select('status').where('id', '=', offer.id).executeTakeFirstOrThrow();
    assert.equal(stored.status, 'declined');
    await noAxeViolations(page, 'the declined offer in Arabic');
    await context.close();
  });

  it('anyone on a phone looks a contract up by its number in Urdu, with the keyboard', async () => {
    const { contract_no } = await server.database.db
      .selectFrom('contracts').select('contract_no').where('status', 'in', ['registered', 'active']).executeTakeFirstOrThrow();
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-US', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${server.base}/verify`);
    await chooseLanguage(page, 'ur');
    const ur = catalog('ur');
    await page.getByRole('heading', { name: ur['verify.lookupTitle']! }).waitFor();
    await tabTo(page, ur['verify.number']!);
    await page.keyboard.press('Enter'); // nothing typed yet: named next to the field, nowhere to go
    assert.equal(await page.locator('.field-error').innerText(), ur['form.required']);
    await page.keyboard.type(contract_no);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/verify/${contract_no}`);
    await page.getByText(contract_no).first().waitFor();
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    await noAxeViolations(page, 'a verified contract in Urdu');
    await context.close();
  });

  it('a provider publishing a price by keyboard in Arabic sees a missing field named in Arabic, not in the server\u2019s English', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, 'remit@demo.corridor');
    await page.waitForURL('**/provider');
    await chooseLanguage(page, 'ar');
    const ar = catalog('ar');
    await page.getByRole('heading', { level: 1, name: ar['remit.provider.title']! }).waitFor();
    await tabTo(page, ar['remit.provider.publish']!);
    await page.keyboard.press('Enter');
    // The form must be on the page before Tab looks for its field (a race seen once in CI).
    await page.getByLabel(ar['remit.provider.instrument']!).first().waitFor();
    await tabTo(page, ar['remit.provider.instrument']!);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    for (const [field, value] of [['remit.provider.fee', '5'], ['remit.provider.rateField', '36.58'], ['remit.provider.fee', '5'], ['remit.provider.rateField', '36.58']] as const) {
      await tabTo(page, ar[field]!);
      await page.keyboard.type(value);
    }
    await page.keyboard.press('Enter');
    await page.locator('[aria-invalid=true]').first().waitFor();
    const intl = createIntl({ locale: 'ar', messages: catalog('ar') });
    assert.equal(await page.locator('.field-error').first().innerText(), intl.formatMessage({ id: 'field.too_small.string' }, { minimum: 1 }));
    assert.ok(!/[A-Za-z]{3}/.test(await page.locator('.field-error').first().innerText()), 'no English words in the field problem');
    await noAxeViolations(page, 'provider form with a field problem in Arabic');
    await context.close();
  });
});
