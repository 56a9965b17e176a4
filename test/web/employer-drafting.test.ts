import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import { chooseLanguage, noAxeViolations, skipBrowser, type WebServer, webSuite } from './browser.js';
import { catalog } from './catalogs.js';

const DESKTOP = { width: 1280, height: 900 };

/** The text of the field labelled `label`'s error, tied to it by aria-describedby (what a screen reader reads with the field). */
async function errorOf(page: Page, label: string): Promise<string> {
  const input = page.getByLabel(label, { exact: true });
  const describedBy = await input.getAttribute('aria-describedby');
  if (!describedBy) return '';
  return page.locator(`[id="${describedBy}"]`).innerText();
}

/** Replaces a field's value as a person does: focus, select all, type. */
async function retype(page: Page, label: string, text: string) {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

describe('the web application: an employer drafts a contract, sees every breach, fixes it and offers it', { skip: skipBrowser }, () => {
  let server: WebServer;
  let browser: Browser;
  let workerId: string;

  webSuite((web) => ({ server, browser } = web));
  before(async () => {
    // A demo worker under contract with Al Noor: the employer may draft for her, and picks her by name.
    workerId = (await server.database.db.selectFrom('workers').select('id').where('full_name', '=', 'Maya Rai').executeTakeFirstOrThrow()).id;
  });

  it('drafts from the corridor template, sees the wage breach next to the wage, fixes it, saves, offers and tracks the status (keyboard only)', async () => {
    const en = catalog('en');
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
    context.setDefaultTimeout(60_000); // the machine is shared: a slow answer is not a failure
    const page = await context.newPage();

    // Sign in by keyboard; the employer lands on its contracts.
    await page.goto(`${server.base}/sign-in`);
    await page.locator('input[type=email]').focus();
    await page.keyboard.type('alnoor@demo.corridor');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/employer');
    await page.getByRole('heading', { level: 1, name: en['employer.title']!.replace('{organisation}', 'Al Noor Construction LLC') }).waitFor();

    // The navigation leads to drafting; the corridor's rules in force fill in the template.
    await page.getByRole('navigation').getByRole('link', { name: en['employer.nav.draft']! }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/employer/contracts/new');
    await page.getByRole('heading', { level: 1, name: en['employer.draft.title']! }).waitFor();
    const basicLabel = en['employer.draft.basic']!.replace('{currency}', 'AED');
    assert.equal(await page.getByLabel(basicLabel, { exact: true }).inputValue(), '1000.00', 'the minimum wage of the rules in force is the default');
    assert.equal(await page.getByLabel(en['employer.draft.hours']!, { exact: true }).inputValue(), '48');
    assert.equal(await page.getByLabel(en['employer.draft.leave']!, { exact: true }).inputValue(), '30');

    // The job, typed field after field with Tab; the worker not chosen yet.
    await page.getByLabel(en['employer.draft.occupation']!, { exact: true }).focus();
    await page.keyboard.type('7112');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Mason');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Dubai');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Plot 12, Al Quoz Industrial Area 3');
    // A wage below the minimum, then Enter: the draft is checked against the rules.
    await retype(page, basicLabel, '900.00');
    await page.keyboard.press('Enter');

    // The API's 422 names the worker field: its words are shown next to it, and nothing typed is lost.
    await page.waitForFunction(() => document.querySelectorAll('.field-error').length > 0);
    assert.equal(await errorOf(page, en['picker.worker']!), en['form.required']);
    assert.equal(await page.getByLabel(en['employer.draft.jobTitle']!, { exact: true }).inputValue(), 'Mason');
    assert.equal(await page.getByLabel(basicLabel, { exact: true }).inputValue(), '900.00');

    // The worker, by name: the search narrows the workers Al Noor may contract, the select takes the choice (Tab, arrow).
    const picker = page.getByLabel(en['picker.worker']!, { exact: true });
    await picker.locator('option').nth(2).waitFor({ state: 'attached' }); // before searching, every worker Al Noor may contract is listed
    await page.getByLabel(en['picker.search']!, { exact: true }).focus();
    await page.keyboard.type('maya');
    await page.waitForFunction(() => document.querySelectorAll('select option').length >= 2 && [...document.querySelectorAll('select')].some((s) => s.options.length === 2 && s.options[1]!.text.includes('Maya Rai')));
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'SELECT', 'Tab leads from the search to the list');
    await page.keyboard.press('ArrowDown');
    assert.equal(await picker.inputValue(), workerId);
    assert.equal(await picker.locator('option:checked').innerText(), en['picker.option']!.replace('{name}', 'Maya Rai').replace('{nationality}', 'NPL').replace('{last4}', '0004'));
    // Back to a text field, and Enter checks the draft again: now every breach of the rules is named, the wage's next to the wage.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: en['employer.draft.breachesTitle']!.replace('{count}', '1') }).waitFor();
    const wageError = await errorOf(page, basicLabel);
    assert.match(wageError, /900\.00/, 'the offered wage, as money');
    assert.match(wageError, /1,000\.00/, 'the minimum the rule allows, as money');
    assert.ok(wageError.startsWith('The basic wage offered'), `the breach in plain words: ${wageError}`);
    assert.equal(await errorOf(page, en['employer.draft.hours']!), '', 'no breach on a field within the rules');
    await noAxeViolations(page, 'drafting with a breach (en)');

    // The same page in Arabic, right to left, with the breach in Arabic words.
    await chooseLanguage(page, 'ar');
    const ar = catalog('ar');
    await page.getByRole('heading', { level: 1, name: ar['employer.draft.title']! }).waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    const arWage = await errorOf(page, ar['employer.draft.basic']!.replace('{currency}', 'AED'));
    assert.ok(arWage.startsWith(ar['employer.breach.wage_below_minimum']!.split('{')[0]!), `the breach in Arabic: ${arWage}`);
    await noAxeViolations(page, 'drafting with a breach (ar)');
    await chooseLanguage(page, 'en');
    await page.getByRole('heading', { level: 1, name: en['employer.draft.title']! }).waitFor();

    // Fixed: the check finds nothing; saved; offered.
    await retype(page, basicLabel, '1200.00');
    await page.keyboard.press('Enter');
    await page.getByText(en['employer.draft.clean']!.replace('{version}', '1')).waitFor();
    assert.equal(await errorOf(page, basicLabel), '');

    await page.getByRole('button', { name: en['employer.draft.save']! }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/employer\/contracts\/[0-9a-f-]{36}$/);
    const draftNo = (await page.getByRole('heading', { level: 1 }).innerText()).replace(en['employer.draft.titleSaved']!.replace('{number}', ''), '').trim();
    assert.match(draftNo, /^NPL-ARE-\d{4}-\d{7}$/);
    // The saved draft keeps its worker, shown by name (not editable: another worker needs another contract).
    const savedWorker = page.getByLabel(en['picker.worker']!, { exact: true });
    await page.waitForFunction((name) => [...document.querySelectorAll('input[readonly]')].some((i) => (i as HTMLInputElement).value.startsWith(name)), 'Maya Rai');
    assert.equal(await savedWorker.inputValue(), en['picker.option']!.replace('{name}', 'Maya Rai').replace('{nationality}', 'NPL').replace('{last4}', '0004'));
    await page.getByText(en['employer.draft.saved']!.replace('{number}', draftNo)).waitFor();
    assert.ok((await page.locator('main').innerText()).includes(en['employer.draft.status']!.replace('{status}', en['status.draft']!)));

    await page.getByRole('button', { name: en['employer.draft.offer']! }).focus();
    await page.keyboard.press('Enter');
    const offered = en['employer.draft.offered']!.replace('{number}', draftNo).replace('{status}', en['employer.stage.offered']!);
    await page.getByText(offered).waitFor();
    assert.equal(await page.getByRole('button', { name: en['employer.draft.offer']! }).count(), 0, 'an offered contract is no longer edited');
    const stored = await server.database.db.selectFrom('contracts').select(['status']).where('contract_no', '=', draftNo).executeTakeFirstOrThrow();
    assert.equal(stored.status, 'offered');

    // Back on its contracts, the employer tracks the status.
    await page.getByRole('link', { name: en['employer.backToContracts']! }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/employer');
    const row = page.getByRole('row').filter({ hasText: draftNo });
    await row.waitFor();
    assert.ok((await row.innerText()).includes(en['employer.stage.offered']!));
    await noAxeViolations(page, 'employer contracts (en)');
    await chooseLanguage(page, 'ar');
    await page.getByRole('row').filter({ hasText: draftNo }).getByText(ar['employer.stage.offered']!).waitFor();
    await noAxeViolations(page, 'employer contracts (ar)');
    await context.close();
  });

  it('an offer with a breach is refused and every breach stays named at its field', async () => {
    const en = catalog('en');
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
    context.setDefaultTimeout(60_000); // the machine is shared: a slow answer is not a failure
    const page = await context.newPage();
    await page.goto(`${server.base}/sign-in`);
    await page.locator('input[type=email]').fill('alnoor@demo.corridor');
    await page.locator('input[type=password]').fill(DEMO_PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL('**/employer');
    // The account keeps the language last picked (Arabic, above): this one reads English.
    await chooseLanguage(page, 'en');
    await page.goto(`${server.base}/employer/contracts/new`);
    await page.getByLabel(en['picker.worker']!, { exact: true }).selectOption(workerId);
    await page.getByLabel(en['employer.draft.occupation']!, { exact: true }).fill('7112');
    await page.getByLabel(en['employer.draft.jobTitle']!, { exact: true }).fill('Mason');
    await page.getByLabel(en['employer.draft.city']!, { exact: true }).fill('Dubai');
    await page.getByLabel(en['employer.draft.address']!, { exact: true }).fill('Plot 12');
    await page.getByLabel(en['employer.draft.hours']!, { exact: true }).fill('60');
    await page.getByLabel(en['employer.draft.cost.visa']!, { exact: true }).selectOption('worker');
    await page.getByRole('button', { name: en['employer.draft.offer']! }).click();
    await page.waitForURL(/\/employer\/contracts\/[0-9a-f-]{36}$/);
    await page.getByText(en['employer.draft.fixFirst']!).waitFor();
    assert.match(await errorOf(page, en['employer.draft.hours']!), /60.*48/);
    assert.match(await errorOf(page, en['employer.draft.cost.visa']!), /Visa/);
    const no = (await page.getByRole('heading', { level: 1 }).innerText()).split(' ').pop()!;
    const stored = await server.database.db.selectFrom('contracts').select('status').where('contract_no', '=', no).executeTakeFirstOrThrow();
    assert.equal(stored.status, 'draft', 'saved as a draft, not offered');
    await context.close();
  });
});
