import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { chooseLanguage, noAxeViolations, signInAt, skipBrowser, type WebServer, webSuite } from './browser.js';
import { catalog } from './catalogs.js';

const DESKTOP = { width: 1280, height: 900 };
const en = catalog('en');

/** A catalog message with its plain arguments filled in (no plurals). */
const say = (text: string | undefined, values: Record<string, string | number> = {}) =>
  Object.entries(values).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, String(v)), text ?? '');

/** The parts of a message around its arguments: what any language shows whatever digits it writes numbers with. */
const fixedParts = (text: string | undefined) => (text ?? '').split(/\{[a-z]+\}/).map((s) => s.trim()).filter(Boolean);

/** Presses Tab until `target` has the focus, as a person without a mouse does. */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  assert.fail(`Tab never reached ${target.toString()}`);
}

/** Text as a person reads it: Intl puts no-break spaces in money and dates; bidi isolates are invisible. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/[\u2066-\u2069]/g, '').trim();

async function rows(page: Page, labelledBy: string): Promise<string[]> {
  const body = page.locator(`table[aria-labelledby="${labelledBy}"] tbody tr`);
  await body.first().waitFor();
  return (await body.allInnerTexts()).map(plain);
}

/** The cells of a version's row in the versions table: version, from, status, proposed by, origin's and destination's approval. */
async function versionCells(page: Page, version: number): Promise<string[]> {
  const row = page.locator('table[aria-labelledby="rules-versions"] tbody tr').filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${version}$`) }) });
  await row.waitFor();
  return (await row.locator('td').allInnerTexts()).map(plain);
}
const versionRow = async (page: Page, version: number) => (await versionCells(page, version)).join('\t');

/** POST as the signed-in person, with the session's CSRF token: the answer the API gives. */
const post = (page: Page, url: string) =>
  page.evaluate(async (u) => {
    const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrf_token: string };
    const res = await fetch(u, { method: 'POST', headers: { 'x-csrf-token': me.csrf_token } });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }, url);

describe('the web application: the authorities read the corridor rules and approve a proposed version in Chromium', { skip: skipBrowser }, () => {
  let server: WebServer;
  let browser: Browser;
  webSuite((started) => ({ server, browser } = started));

  const desktop = () => browser.newContext({ viewport: DESKTOP, locale: 'en-US' });

  it('the origin authority sees its own proposal awaiting the destination: no Approve, only Withdraw; approving it again changes nothing', async () => {
    const context = await desktop();
    const page = await context.newPage();
    await signInAt(page, server.base, 'dofe@demo.corridor', '/authority');
    await page.getByRole('link', { name: en['rules.navLink']! }).click();
    await page.waitForURL('**/authority/rules');
    await page.getByRole('heading', { level: 1, name: say(en['rules.titleOf'], { corridor: 'NPL-ARE' }) }).waitFor();
    await page.getByRole('heading', { level: 2, name: say(en['rules.inForce'], { version: 1, date: 'Jan 1, 2026' }) }).waitFor();

    const v2 = await versionRow(page, 2);
    assert.ok(v2.includes(en['rules.status.pending']!) && v2.includes(en['rules.proposer.origin']!) && v2.includes(en['rules.versions.awaiting']!), v2);
    await page.getByRole('link', { name: say(en['rules.versions.openVersion'], { version: 2 }) }).click();
    await page.waitForURL('**/authority/rules?corridor=NPL-ARE&version=2');
    await page.getByRole('heading', { level: 2, name: say(en['rules.open.title'], { version: 2 }) }).waitFor();
    await page.getByText(say(en['rules.open.awaitingOther'], { date: 'Jul 1, 2027' })).waitFor();
    await page.getByRole('button', { name: say(en['rules.withdraw'], { version: 2 }) }).waitFor();
    assert.equal(await page.getByRole('button', { name: say(en['rules.approve'], { version: 2 }) }).count(), 0);

    // Its side approved when it proposed: the API answers with the version unchanged, still awaiting the destination.
    const again = await post(page, '/api/v1/corridors/NPL-ARE/versions/2/approve');
    assert.equal(again.status, 200);
    assert.equal(again.body.status, 'pending');
    assert.equal(again.body.destination_approved_at, null);
    await page.reload();
    assert.ok((await versionRow(page, 2)).includes(en['rules.status.pending']!));
    await context.close();
  });

  it('the destination authority reads the rules, sees what the proposal changes and approves it with the keyboard only; the origin\u2019s stale Withdraw is refused in Arabic', async () => {
    // The origin has version 2 open, in Arabic, before the destination approves it.
    const originContext = await desktop();
    const origin = await originContext.newPage();
    await signInAt(origin, server.base, 'dofe@demo.corridor', '/authority');
    await chooseLanguage(origin, 'ar');
    await origin.waitForFunction(() => document.documentElement.lang === 'ar' && document.documentElement.dir === 'rtl');
    await origin.goto(`${server.base}/authority/rules?corridor=NPL-ARE&version=2`);
    const withdraw = origin.locator('section[aria-labelledby=rules-open] .actions button');
    await withdraw.waitFor();
    for (const part of fixedParts(catalog('ar')['rules.withdraw'])) assert.ok((await withdraw.innerText()).includes(part));

    const context = await desktop();
    const page = await context.newPage();
    await signInAt(page, server.base, 'mohre@demo.corridor', '/authority');
    await tabTo(page, page.getByRole('link', { name: en['rules.navLink']! }));
    await page.keyboard.press('Enter');
    await page.waitForURL('**/authority/rules');

    // The rules in force today, every one in plain words.
    await page.getByRole('heading', { level: 2, name: say(en['rules.inForce'], { version: 1, date: 'Jan 1, 2026' }) }).waitFor();
    const inForce = plain(await page.locator('section[aria-labelledby=rules-in-force] dl').innerText());
    for (const words of ['AED 1,000.00', '48 hours', '1 day', '30 days', '6 months', '24 months', en['rules.value.noFee']!, 'English, Nepali, and Arabic', en['rules.value.allOccupations']!, say(en['rules.value.payDay'], { day: 10 }), en['rules.value.loanDefault']!])
      assert.ok(inForce.includes(words), `${words} in\n${inForce}`);
    assert.ok((await versionRow(page, 1)).includes(en['rules.status.inForce']!));
    assert.ok((await versionRow(page, 2)).includes(en['rules.status.pending']!));

    // The origin's proposal, term by term against version 1.
    await tabTo(page, page.getByRole('link', { name: say(en['rules.versions.openVersion'], { version: 2 }) }));
    await page.keyboard.press('Enter');
    await page.waitForURL('**version=2');
    await page.getByText(say(en['rules.open.awaitingYou'], { date: 'Jul 1, 2027' })).waitFor();
    const changes = await rows(page, 'rules-changes');
    const change = (label: string) => changes.find((r) => r.startsWith(en[label]!)) ?? '';
    assert.equal(changes.length, 7, changes.join('\n'));
    assert.match(change('rules.term.valid_from'), /Jan 1, 2026\s+Jul 1, 2027/);
    assert.match(change('rules.term.min_monthly_wage'), /AED 1,000\.00\s+AED 1,150\.00/);
    assert.match(change('rules.term.min_wage_by_occupation'), /None\s+7112 .+: AED 1,300\.00/);
    assert.match(change('rules.term.max_probation_months'), /6 months\s+3 months/);
    assert.match(change('rules.term.grace_days'), /5 days\s+3 days/);
    assert.ok(change('rules.term.loan_rate').endsWith('10%'), change('rules.term.loan_rate'));
    assert.ok(change('rules.term.loan_instalment').endsWith(say(en['rules.value.ofWage'], { pct: '15%' })));
    await noAxeViolations(page, 'corridor rules with a proposal (en)');

    // Approve, confirm: Tab, Enter, Enter.
    await tabTo(page, page.getByRole('button', { name: say(en['rules.approve'], { version: 2 }) }));
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('button', { name: say(en['rules.confirm.approve'], { version: 2 }) });
    await page.waitForFunction(() => document.activeElement?.closest('[role=group]') !== null);
    assert.ok(await confirm.evaluate((el) => el === document.activeElement), 'the question takes the focus');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText(say(en['rules.done.approved'], { version: 2, date: 'Jul 1, 2027' })).waitFor();
    // The message can come before the list of versions is read again.
    const versions = page.locator('table[aria-labelledby="rules-versions"]');
    await versions.getByText(en['rules.status.approved']!, { exact: true }).first().waitFor();
    const [, , status, proposedBy, byOrigin, byDestination] = await versionCells(page, 2);
    assert.equal(status, en['rules.status.approved']);
    assert.equal(proposedBy, en['rules.proposer.origin']);
    const approvedOn = say(en['rules.versions.approvedOn'], { when: '' });
    assert.ok(byOrigin!.startsWith(approvedOn) && byDestination!.startsWith(approvedOn), `approved by both sides: ${byOrigin} | ${byDestination}`);
    assert.equal(await page.getByRole('button', { name: say(en['rules.approve'], { version: 2 }) }).count(), 0);
    // Still version 1 today: version 2 applies from July 2027.
    await page.getByRole('heading', { level: 2, name: say(en['rules.inForce'], { version: 1, date: 'Jan 1, 2026' }) }).waitFor();
    await noAxeViolations(page, 'corridor rules after approval (en)');
    await context.close();

    // The origin's page still offers Withdraw; the API refuses (409) and the page says so in Arabic.
    const ar = catalog('ar');
    await withdraw.click();
    await origin.keyboard.press('Enter');
    const alert = origin.locator('section[aria-labelledby=rules-open] [role=alert]');
    await alert.waitFor();
    for (const part of fixedParts(ar['rules.problem.changed'])) assert.ok((await alert.innerText()).includes(part), await alert.innerText());
    await origin.waitForFunction((text) => document.querySelector('table[aria-labelledby=rules-versions] tbody')?.textContent?.includes(text), ar['rules.status.approved']!);
    await noAxeViolations(origin, 'corridor rules (ar)');

    // The language is kept on the account: back to English.
    await chooseLanguage(origin, 'en');
    await origin.waitForFunction(() => document.documentElement.lang === 'en');
    await origin.waitForFunction(async () => ((await (await fetch('/api/v1/auth/me')).json()) as { user: { language: string } }).user.language === 'en');
    await originContext.close();
  });

  it('the destination proposes new rules: each problem at its field, then version 3 awaits the origin, and is withdrawn with the keyboard', async () => {
    const context = await desktop();
    const page = await context.newPage();
    await signInAt(page, server.base, 'mohre@demo.corridor', '/authority');
    await page.goto(`${server.base}/authority/rules`);
    await tabTo(page, page.getByRole('button', { name: en['rules.propose.open']! }));
    await page.keyboard.press('Enter');
    const field = (label: string) => page.getByLabel(label, { exact: true });
    const wage = field(say(en['rules.propose.inCurrency'], { label: en['rules.term.min_monthly_wage']!, currency: 'AED' }));
    const hours = field(en['rules.term.max_hours_per_week']!);
    await field(en['rules.term.valid_from']!).waitFor();
    assert.ok(await field(en['rules.term.valid_from']!).evaluate((el) => el === document.activeElement), 'the form takes the focus');
    assert.equal(await wage.inputValue(), '1000.00', 'starts from the rules in force');
    assert.equal(await hours.inputValue(), '48');

    // Not an amount: said at the field before anything is sent.
    await field(en['rules.term.valid_from']!).fill('2028-01-01');
    await wage.fill('a thousand');
    await hours.press('Enter');
    const errorOf = async (input: Locator) => {
      const id = await input.getAttribute('aria-describedby');
      return id ? page.locator(`[id="${id}"]`).innerText() : '';
    };
    await page.waitForFunction(() => document.querySelector('[aria-invalid=true]') !== null);
    assert.equal(await errorOf(wage), say(en['rules.propose.badAmount'], { currency: 'AED' }));

    // The API's refusal (more than 84 hours a week) at the hours field; nothing stored.
    await wage.fill('1200.50');
    await hours.fill('90');
    await hours.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('[aria-invalid=true]').length === 1 && document.querySelector('[role=alert]') !== null);
    assert.match(await errorOf(hours), /84/);
    assert.equal(await errorOf(wage), '');
    assert.equal(((await page.evaluate(async () => (await fetch('/api/v1/corridors/NPL-ARE')).json())) as { versions: unknown[] }).versions.length, 2);

    await hours.fill('45');
    await hours.press('Enter');
    await page.getByRole('status').getByText(say(en['rules.done.proposed'], { version: 3 })).waitFor();
    await page.waitForURL('**version=3');
    await page.getByText(say(en['rules.open.awaitingOther'], { date: 'Jan 1, 2028' })).waitFor();
    const changes = await rows(page, 'rules-changes');
    assert.ok(changes.some((r) => /AED 1,000\.00\s+AED 1,200\.50/.test(r)), changes.join('\n'));
    const [, , status, proposedBy, byOrigin, byDestination] = await versionCells(page, 3);
    assert.equal(status, en['rules.status.pending']);
    assert.equal(proposedBy, en['rules.proposer.destination']);
    assert.equal(byOrigin, en['rules.versions.awaiting']);
    assert.ok(byDestination!.startsWith(say(en['rules.versions.approvedOn'], { when: '' })));
    assert.equal(await page.getByRole('button', { name: say(en['rules.approve'], { version: 3 }) }).count(), 0);

    // Withdrawn: Tab, Enter, Enter.
    await tabTo(page, page.getByRole('button', { name: say(en['rules.withdraw'], { version: 3 }) }));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.closest('[role=group]') !== null);
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText(say(en['rules.done.withdrawn'], { version: 3 })).waitFor();
    await page.getByText(en['rules.open.withdrawn']!).waitFor();
    assert.equal((await versionCells(page, 3))[2], en['rules.status.withdrawn']);
    await noAxeViolations(page, 'corridor rules after a withdrawal (en)');
    await context.close();
  });

  it('a worker and an employer are turned away from /authority/rules and cannot approve', async () => {
    for (const [email, home] of [['ram@demo.corridor', '/worker'], ['alnoor@demo.corridor', '/employer']] as const) {
      const context = await desktop();
      const page = await context.newPage();
      await signInAt(page, server.base, email, home);
      await page.goto(`${server.base}/authority/rules`);
      await page.waitForURL(`**${home}`);
      assert.equal(await page.getByRole('heading', { level: 1, name: say(en['rules.titleOf'], { corridor: 'NPL-ARE' }) }).count(), 0);
      assert.equal((await post(page, '/api/v1/corridors/NPL-ARE/versions/2/approve')).status, 403, email);
      await context.close();
    }
  });
});
