import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import { makeOrganisation, makeUser, type MadeUser } from '../helpers/factories.js';
import { chooseLanguage, noAxeViolations, skipBrowser, type WebServer, webSuite } from './browser.js';
import { catalog } from './catalogs.js';

const DESKTOP = { width: 1280, height: 900 };
const en = catalog('en');
const m = (id: string) => {
  const text = en[id];
  if (text === undefined) throw new Error(`no message ${id}`);
  return text;
};
/** An English message with its ICU arguments filled in (simple arguments only). */
const fill = (id: string, values: Record<string, string>) => m(id).replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);

/** The text of the error tied to a field by aria-describedby, or '' when the field is not marked invalid. */
async function fieldError(field: Locator): Promise<string> {
  return field.evaluate((el) => {
    if (el.getAttribute('aria-invalid') !== 'true') return '';
    const id = el.getAttribute('aria-describedby');
    return (id && document.getElementById(id)?.textContent) || '';
  });
}

async function signIn(page: Page, base: string, email: string, password: string, home: string) {
  await page.goto(`${base}/sign-in`);
  await page.locator('input[type=email]').fill(email);
  await page.locator('input[type=password]').fill(password);
  await page.locator('input[type=password]').press('Enter');
  await page.waitForURL(`**${home}`);
}

describe('the web application: the administrator\'s desk and the remembered language in Chromium', { skip: skipBrowser }, () => {
  let server: WebServer;
  let browser: Browser;
  let admin: MadeUser;
  webSuite((web) => ({ server, browser } = web));
  before(async () => {
    admin = await makeUser(server.database, { role: 'platform_admin', display_name: 'Platform desk' });
  });

  const desktop = () => browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
  const tab = async (page: Page, times = 1) => {
    for (let i = 0; i < times; i++) await page.keyboard.press('Tab');
  };

  it('an administrator lands on /admin, enrols an organisation, creates an account and an API token by keyboard, then revokes the token', async () => {
    const context = await desktop();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base });
    const page = await context.newPage();
    await signIn(page, server.base, admin.email, admin.password, '/admin');
    await page.getByRole('heading', { level: 1, name: m('admin.organisations.title') }).waitFor();

    // Organisation: a malformed country is named next to its field, and nothing typed is lost.
    const kind = page.getByLabel(m('admin.organisations.kind'), { exact: true });
    await kind.focus();
    await page.keyboard.press('ArrowDown'); // employer -> recruitment agency
    await page.keyboard.press('ArrowDown'); // -> wage agent
    assert.equal(await kind.inputValue(), 'wage_agent');
    await tab(page);
    await page.keyboard.type('Zafran Wage Services');
    await tab(page);
    await page.keyboard.type('A1E');
    await tab(page);
    await page.keyboard.type('777000111');
    await page.keyboard.press('Enter');
    const country = page.getByLabel(m('admin.organisations.countryField'));
    await page.waitForFunction(() => document.querySelector('[aria-invalid=true]') !== null);
    assert.equal(await fieldError(country), m('field.invalid_format'), 'the problem in the page\'s language');
    assert.equal(await page.getByLabel(m('admin.organisations.name'), { exact: true }).inputValue(), 'Zafran Wage Services');
    await country.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('are');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: fill('admin.organisations.created', { name: 'Zafran Wage Services' }) }).waitFor();
    const row = page.locator('tr', { has: page.getByRole('rowheader', { name: 'Zafran Wage Services' }) });
    await row.waitFor();
    assert.match(await row.innerText(), /ARE/);
    assert.match(await row.innerText(), new RegExp(m('admin.kind.wage_agent').replace(/[()]/g, '.')));
    await noAxeViolations(page, 'administrator: organisations (en)');

    // Suspend it with a reason, by keyboard; then reactivate it.
    await page.getByRole('button', { name: fill('admin.organisations.suspend', { name: 'Zafran Wage Services' }) }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel(m('admin.organisations.reason')).waitFor();
    await page.keyboard.type('Licence under review');
    await tab(page);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: fill('admin.organisations.suspended', { name: 'Zafran Wage Services' }) }).waitFor();
    // The notice comes with the API's answer; the list is read again just after it.
    await row.filter({ hasText: m('admin.orgStatus.suspended') }).waitFor();
    await page.getByRole('button', { name: fill('admin.organisations.reactivate', { name: 'Zafran Wage Services' }) }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Licence renewed');
    await tab(page);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: fill('admin.organisations.reactivated', { name: 'Zafran Wage Services' }) }).waitFor();
    const stored = await server.database.db.selectFrom('organisations').select(['id', 'status', 'country', 'kind']).where('name', '=', 'Zafran Wage Services').executeTakeFirstOrThrow();
    assert.deepEqual([stored.status, stored.country, stored.kind], ['active', 'ARE', 'wage_agent']);

    // Accounts: an invalid email is named next to it; then the account is made, its one-time password shown once.
    await page.getByRole('link', { name: m('admin.users.title') }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: m('admin.users.title') }).waitFor();
    const email = page.getByLabel(m('admin.users.email'), { exact: true });
    await email.focus();
    await page.keyboard.type('payroll.zafran');
    await tab(page);
    await page.keyboard.type('Payroll desk');
    await tab(page); // role: organisation administrator (the default)
    await tab(page);
    await page.keyboard.type('Zafran'); // picks the organisation by its name
    assert.equal(await page.getByLabel(m('admin.users.organisation'), { exact: true }).inputValue(), stored.id);
    await tab(page);
    await page.keyboard.type('Bahasa'); // its language: Indonesian
    await page.getByRole('button', { name: m('admin.users.submit') }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[aria-invalid=true]') !== null);
    assert.equal(await fieldError(email), m('field.invalid_format.email'));
    assert.equal(await page.getByLabel(m('admin.users.name'), { exact: true }).inputValue(), 'Payroll desk');
    await email.focus();
    await page.keyboard.press('End');
    await page.keyboard.type('@zafran.example');
    await page.keyboard.press('Enter');
    await page.getByText(fill('admin.users.created', { email: 'payroll.zafran@zafran.example' })).waitFor();
    const oneTime = await page.getByLabel(m('admin.users.oneTimePassword')).inputValue();
    assert.ok(oneTime.length >= 12, 'a one-time password is shown');
    const account = await server.database.db.selectFrom('users').selectAll().where('email', '=', 'payroll.zafran@zafran.example').executeTakeFirstOrThrow();
    assert.deepEqual([account.role, account.organisation_id, account.language, account.must_change_password], ['org_admin', stored.id, 'id', true]);
    const accountRow = page.locator('tr', { has: page.getByRole('rowheader', { name: 'payroll.zafran@zafran.example' }) });
    await accountRow.waitFor();
    await noAxeViolations(page, 'administrator: accounts (en)');
    // Disable the account (PATCH /users/:id), then restore it, by keyboard.
    await page.getByRole('button', { name: fill('admin.users.disable', { email: 'payroll.zafran@zafran.example' }) }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: fill('admin.users.disabled', { email: 'payroll.zafran@zafran.example' }) }).waitFor();
    assert.match(await accountRow.innerText(), new RegExp(m('admin.users.stateDisabled')));
    const disabledAt = async () =>
      (await server.database.db.selectFrom('users').select('disabled_at').where('id', '=', account.id).executeTakeFirstOrThrow()).disabled_at;
    assert.ok(await disabledAt());
    await page.getByRole('button', { name: fill('admin.users.enable', { email: 'payroll.zafran@zafran.example' }) }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: fill('admin.users.enabled', { email: 'payroll.zafran@zafran.example' }) }).waitFor();
    assert.equal(await disabledAt(), null);

    // API token: a scope a wage agent may not hold is refused next to the scopes; then made, copied once, and revoked.
    await page.getByRole('link', { name: m('admin.tokens.title') }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: m('admin.tokens.title') }).waitFor();
    await page.getByLabel(m('admin.tokens.organisation'), { exact: true }).focus();
    await page.keyboard.type('Zafran');
    await tab(page);
    await page.keyboard.type('payroll upload');
    await page.getByRole('checkbox', { name: 'contracts:register' }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: m('admin.tokens.submit') }).focus();
    await page.keyboard.press('Enter');
    const scopes = page.getByRole('group', { name: m('admin.tokens.scopes') });
    await page.waitForFunction(() => document.querySelector('fieldset[aria-describedby]') !== null);
    const scopeError = await scopes.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')!)?.textContent ?? '');
    assert.match(scopeError, /contracts:register is not allowed/);
    assert.equal(await page.getByLabel(m('admin.tokens.name'), { exact: true }).inputValue(), 'payroll upload');
    await page.getByRole('checkbox', { name: 'contracts:register' }).focus();
    await page.keyboard.press('Space');
    for (const scope of ['wages:submit', 'self:read']) {
      await page.getByRole('checkbox', { name: scope }).focus();
      await page.keyboard.press('Space');
    }
    await page.getByRole('button', { name: m('admin.tokens.submit') }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(fill('admin.tokens.created', { name: 'payroll upload' })).waitFor();
    const secret = await page.getByLabel(m('admin.tokens.secret')).inputValue();
    assert.match(secret, /^cor_/);
    await page.getByRole('button', { name: m('admin.copy'), exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(m('admin.copied')).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), secret);
    const asToken = () => fetch(`${server.base}/api/v1/auth/me`, { headers: { authorization: `Bearer ${secret}` } });
    const meByToken = await asToken();
    assert.equal(meByToken.status, 200);
    assert.equal(((await meByToken.json()) as { organisation: { id: string } }).organisation.id, stored.id);
    await noAxeViolations(page, 'administrator: tokens with the secret shown (en)');
    // The secret is shown once: the list never has it.
    await page.getByRole('button', { name: m('admin.tokens.secretDone') }).focus();
    await page.keyboard.press('Enter');
    assert.ok(!(await page.locator('main').innerText()).includes(secret));

    await page.getByRole('button', { name: fill('admin.tokens.revoke', { name: 'payroll upload' }) }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('alertdialog').waitFor();
    await page.getByRole('button', { name: m('admin.tokens.confirmRevoke'), exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: fill('admin.tokens.revoked', { name: 'payroll upload' }) }).waitFor();
    assert.equal((await asToken()).status, 401, 'a revoked token is refused');
    await context.close();
  });

  it('has no axe violations on the three administration pages in Arabic (right to left)', async () => {
    const context = await desktop();
    const page = await context.newPage();
    await signIn(page, server.base, admin.email, admin.password, '/admin');
    await chooseLanguage(page, 'ar');
    await page.waitForFunction(() => document.documentElement.lang === 'ar' && document.documentElement.dir === 'rtl');
    const ar = catalog('ar');
    for (const [path, title] of [['/admin', 'admin.organisations.title'], ['/admin/users', 'admin.users.title'], ['/admin/tokens', 'admin.tokens.title']] as const) {
      await page.getByRole('link', { name: ar[title]! }).first().click();
      await page.waitForURL(`**${path}`);
      await page.getByRole('heading', { level: 1, name: ar[title]! }).waitFor();
      await page.locator('tbody tr').first().waitFor();
      await noAxeViolations(page, `administrator ${path} (ar)`);
    }
    // A refused form names each problem next to its field in Arabic, and stays axe-clean.
    await page.getByRole('link', { name: ar['admin.organisations.title']! }).first().click();
    await page.getByRole('button', { name: ar['admin.organisations.submit']!, exact: true }).click();
    const country = page.getByLabel(ar['admin.organisations.countryField']!);
    await page.waitForFunction(() => document.querySelector('[aria-invalid=true]') !== null);
    assert.equal(await fieldError(country), ar['field.invalid_format']);
    assert.notEqual(await fieldError(page.getByLabel(ar['admin.organisations.name']!, { exact: true })), '');
    await noAxeViolations(page, 'administrator: organisation form refused (ar)');
    // Put the administrator's language back for the other tests.
    await chooseLanguage(page, 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await context.close();
  });

  it('a person who is not an administrator is turned away from /admin and has no administration link', async () => {
    const context = await desktop();
    const page = await context.newPage();
    await signIn(page, server.base, 'alnoor@demo.corridor', DEMO_PASSWORD, '/employer');
    assert.equal(await page.getByRole('link', { name: m('admin.navLink') }).count(), 0);
    for (const path of ['/admin', '/admin/users', '/admin/tokens']) {
      await page.goto(`${server.base}${path}`);
      await page.waitForURL('**/employer');
      assert.equal(await page.getByRole('heading', { name: m('admin.organisations.title') }).count(), 0);
    }
    const refused = await page.evaluate(async () => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrf_token: string };
      const body = JSON.stringify({ kind: 'employer', name: 'Not mine to enrol', country: 'ARE' });
      return (await fetch('/api/v1/organisations', { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrf_token } })).status;
    });
    assert.equal(refused, 403);
    await context.close();
  });

  it('the language a person picks is kept on their account: signing in again in a new browser shows it', async () => {
    const ministry = await makeOrganisation(server.database, { kind: 'destination_authority', country: 'ARE' });
    const person = await makeUser(server.database, { role: 'org_staff', organisation_id: ministry.id });
    const languageOf = async () =>
      (await server.database.db.selectFrom('users').select('language').where('id', '=', person.id).executeTakeFirstOrThrow()).language;

    const first: BrowserContext = await desktop();
    const page = await first.newPage();
    await signIn(page, server.base, person.email, person.password, '/authority');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me') && r.request().method() === 'PATCH');
    await chooseLanguage(page, 'ar');
    assert.equal((await saved).status(), 200);
    await page.waitForFunction(() => document.documentElement.lang === 'ar');
    assert.equal(await languageOf(), 'ar');
    await first.close();

    // Another device: nothing remembered in this browser, so the account's language applies after sign-in.
    const second = await desktop();
    const other = await second.newPage();
    await other.goto(`${server.base}/sign-in`);
    await other.waitForFunction(() => document.documentElement.lang === 'en');
    await other.locator('input[type=email]').fill(person.email);
    await other.locator('input[type=password]').fill(person.password);
    await other.locator('input[type=password]').press('Enter');
    await other.waitForURL('**/authority');
    await other.waitForFunction(() => document.documentElement.lang === 'ar' && document.documentElement.dir === 'rtl');
    await other.getByRole('button', { name: catalog('ar')['layout.signOut']! }).waitFor();
    await second.close();

    // A language picked on the sign-in page, before signing in, is kept on the account too.
    const third = await desktop();
    const phone = await third.newPage();
    await phone.goto(`${server.base}/sign-in`);
    await chooseLanguage(phone, 'hi');
    await phone.waitForFunction(() => document.documentElement.lang === 'hi');
    await phone.locator('input[type=email]').fill(person.email);
    await phone.locator('input[type=password]').fill(person.password);
    await phone.locator('input[type=password]').press('Enter');
    await phone.waitForURL('**/authority');
    await phone.waitForFunction(() => document.documentElement.lang === 'hi');
    assert.equal(await languageOf(), 'hi');
    await third.close();
  });
});
