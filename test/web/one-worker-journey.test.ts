import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import { DEMO_BORROWER, DEMO_REFUND_REFERENCE } from '../../src/demo/seed-loans.js';
import { DEMO_RECRUIT } from '../../src/demo/seed-recruitment.js';
import { makeRegisteredContract } from '../../src/modules/wages/test-support.js';
import { makeUser } from '../helpers/factories.js';
import { chooseLanguage, noAxeViolations, PHONE, skipBrowser, type WebServer, webSuite } from './browser.js';
import { catalog } from './catalogs.js';

/**
 * Issue 7 "Done means", in the browser on the demo corridor: one worker, Pemba Sherpa, followed
 * through each role's pages — the worker on a phone in Nepali; the agency, the employer, the
 * origin authority and the lender at desktop size — checking the same facts on each: the
 * contract, the costs with SDG 10.7.1, the loan disbursed before departure, three wage months
 * with the one the employer did not pay. Then a worker applies for a loan with the keyboard only.
 */
describe('the web application: follow one worker from the job order to the third wage month', { skip: skipBrowser }, () => {
  let server: WebServer;
  let browser: Browser;
  let contractNo: string;
  let jobOrderRef: string;
  let applicant: { email: string; password: string } | undefined;

  webSuite((web) => ({ server, browser } = web));
  before(async () => {
    const db = server.database.db;
    const row = await db
      .selectFrom('contracts as c')
      .innerJoin('workers as w', 'w.id', 'c.worker_id')
      .innerJoin('job_orders as j', 'j.id', 'c.job_order_id')
      .select(['c.contract_no', 'j.reference'])
      .where('w.person_id', '=', DEMO_RECRUIT.person_id)
      .executeTakeFirstOrThrow();
    contractNo = row.contract_no;
    jobOrderRef = row.reference;
  });

  async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
    await page.goto(`${server.base}/sign-in`);
    // The first page of a fresh server can take long on a loaded machine (chunks, PGlite warming up).
    await page.locator('input[type=email]').waitFor({ timeout: 90_000 });
    await page.locator('input[type=email]').fill(email);
    await page.locator('input[type=password]').fill(password);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  }
  /** Text as shown, with the no-break spaces of currency formats as plain spaces. */
  const norm = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
  const mainText = async (page: Page) => norm(await page.locator('main').innerText());
  /** Whether the text shows the AED amount as Chromium formats it in Nepali (Latin or Devanagari digits, depending on its ICU data). */
  const hasAed = (text: string, major: number) =>
    ['en-US', 'ne'].some((lang) => text.includes(norm(new Intl.NumberFormat(lang, { style: 'currency', currency: 'AED' }).format(major))));

  it('the worker on a phone, in Nepali: his contract, what he paid as months of pay, the loan paid out before departure, three wage months', async () => {
    const ne = catalog('ne');
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-US', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await signIn(page, DEMO_RECRUIT.email);
    await chooseLanguage(page, 'ne');
    await page.getByRole('heading', { name: ne['worker.contracts']! }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'ne');
    assert.ok((await mainText(page)).includes(contractNo), 'the registered contract is listed');
    await noAxeViolations(page, 'worker home (ne)');

    await page.goto(`${server.base}/worker/recruitment`);
    await page.getByRole('heading', { level: 1, name: ne['recruitment.worker.title']! }).waitFor();
    await page.locator('article.card').first().waitFor();
    const costs = await mainText(page);
    assert.ok(costs.includes(contractNo), 'the costs are those of the same contract');
    assert.match(costs, /0[.,]89/, 'SDG 10.7.1: 0.89 months of pay');
    assert.ok(costs.includes(ne['recruitment.worker.breach']!), 'the breach of the fee cap is shown');
    await noAxeViolations(page, 'worker recruitment costs (ne)');

    await page.goto(`${server.base}/worker/loans`);
    await page.getByRole('heading', { level: 1, name: ne['loans.workerTitle']! }).waitFor();
    await page.locator('.repayment').first().waitFor();
    const paidOut = await page.locator('.disbursed').innerText();
    assert.ok(paidOut.includes('Al Noor Construction LLC'), paidOut);
    assert.ok(/2026-06-22|22/.test(paidOut) && /2026-07-01|1/.test(paidOut), `disbursed 22 June, contract starts 1 July: ${paidOut}`);
    assert.equal(await page.locator('.repayment').count(), 3, 'three wage months matched');
    assert.equal(await page.locator('.repayment-deferred').count(), 1, 'one month deferred');
    assert.ok((await page.locator('.repayment-deferred').innerText()).includes(ne['loans.outcome.deferred']!));
    await noAxeViolations(page, 'worker loans (ne)');

    await page.goto(`${server.base}/worker/wages`);
    await page.locator('.wage').first().waitFor();
    assert.equal(await page.locator('.wage').count(), 3);
    assert.equal(await page.locator('.wage-unpaid').count(), 1, 'August: the employer did not pay');
    assert.ok((await page.locator('.wage-unpaid').innerText()).includes(ne['wageStatus.unpaid']!));
    await noAxeViolations(page, 'worker wages (ne)');
    await context.close();
  });

  it('the agency, the employer and the origin authority see the same job order, contract and costs with SDG 10.7.1', async () => {
    const en = catalog('en');
    for (const email of ['himalayan@demo.corridor', 'alnoor@demo.corridor', 'dofe@demo.corridor']) {
      const context = await browser.newContext({ locale: 'en-US' });
      const page = await context.newPage();
      await signIn(page, email);
      await page.goto(`${server.base}/recruitment`);
      await page.getByRole('heading', { level: 1, name: en['recruitment.desk.title']! }).waitFor();
      const order = page.getByRole('row').filter({ hasText: jobOrderRef });
      await order.first().waitFor();
      assert.ok((await order.first().innerText()).includes(en['recruitment.status.verified']!), `${email}: the job order is verified`);
      const cost = page.getByRole('row').filter({ hasText: contractNo });
      await cost.waitFor();
      const text = norm(await cost.innerText());
      assert.ok(text.includes('AED 150.00') && text.includes('AED 1,607.50') && text.includes('0.89'), `${email}: ${text}`);
      if (email === 'dofe@demo.corridor') {
        await page.getByRole('heading', { name: en['recruitment.desk.differences']! }).waitFor();
        assert.ok((await mainText(page)).includes('Paid AED 1,607.50'), 'the breach above the cap');
      }
      await noAxeViolations(page, `recruitment desk (${email})`);
      if (email === 'alnoor@demo.corridor') {
        await page.goto(`${server.base}/employer`);
        await page.getByRole('cell', { name: contractNo }).waitFor();
        await noAxeViolations(page, 'employer home');
      }
      if (email === 'dofe@demo.corridor') {
        await page.goto(`${server.base}/authority/loans`);
        const row = page.getByRole('row').filter({ hasText: 'NPL-ARE' });
        await row.waitFor();
        const cells = await row.getByRole('cell').allInnerTexts();
        const deferred = cells[cells.length - 2];
        assert.equal(deferred, '2', `two months deferred in the corridor (the followed worker's and the demo borrower's): ${cells.join(' | ')}`);
        await noAxeViolations(page, 'origin authority loan totals');
      }
      await context.close();
    }
  });

  it('the lender sees the loan paid out on 22 June 2026, before the contract starts, repaid through the wage system', async () => {
    const en = catalog('en');
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await signIn(page, 'lender@demo.corridor');
    await page.getByRole('heading', { level: 1, name: en['loans.lenderTitle']! }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Jun 22, 2026' });
    await row.waitFor();
    const text = norm(await row.innerText());
    assert.ok(text.includes(en['loans.state.disbursed']!) && text.includes('AED 2,000.00'), text);
    await noAxeViolations(page, 'lender desk');
    await context.close();
  });

  it('refunds: the borrower sees owed, paid and still owed in Nepali; the lender records the rest on its desk (a wrong amount shown at its field)', async () => {
    const ne = catalog('ne');
    const en = catalog('en');
    const phone = await browser.newContext({ viewport: PHONE, locale: 'en-US', isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await signIn(page, DEMO_BORROWER.email);
    await chooseLanguage(page, 'ne');
    await page.goto(`${server.base}/worker/loans`);
    await page.locator('.refund-payment').waitFor();
    const text = await mainText(page);
    for (const key of ['loans.refundsOwed', 'loans.refundsPaid', 'loans.refundsStill']) assert.ok(text.includes(ne[key]!), key);
    const payment = norm(await page.locator('.refund-payment').innerText());
    assert.ok(payment.includes(DEMO_REFUND_REFERENCE) && hasAed(payment, 30), payment);
    await noAxeViolations(page, 'worker loans with a refund (ne)');

    const desk = await browser.newContext({ locale: 'en-US' });
    const lender = await desk.newPage();
    await signIn(lender, 'lender@demo.corridor');
    const form = lender.locator('form').filter({ has: lender.getByRole('heading', { name: en['loans.recordRefund']!.replace('{product}', 'Sajilo pre-departure loan') }) });
    await form.waitFor();
    const payments = () => server.database.db.selectFrom('loan_refund_payments').select(['amount_minor', 'reference']).orderBy('recorded_at').execute();
    await form.getByLabel(en['loans.refundAmount']!.replace('{currency}', 'AED')).fill('25');
    await form.getByLabel(en['loans.refundReference']!).fill('SAJILO-RF-0002');
    await form.getByRole('button', { name: en['loans.recordRefundButton']! }).click();
    await form.locator('.field-error').waitFor();
    // The rule's code with the amount still owed, worded by the catalog (field.rule.refund.above_owed) with the amount as money.
    const refused = norm(await form.locator('.field-error').innerText());
    assert.ok(hasAed(refused, 20) && refused.endsWith(en['field.rule.refund.above_owed']!.split('{owed}')[1]!), refused);
    assert.equal((await payments()).length, 1, 'nothing stored');
    await noAxeViolations(lender, 'lender desk with a refund error');
    await form.getByLabel(en['loans.refundAmount']!.replace('{currency}', 'AED')).fill('20');
    await form.getByRole('button', { name: en['loans.recordRefundButton']! }).click();
    await lender.getByText(en['loans.refundRecorded']!).waitFor();
    assert.deepEqual((await payments()).map((p) => [p.amount_minor, p.reference]), [[3000, DEMO_REFUND_REFERENCE], [2000, 'SAJILO-RF-0002']]);
    await desk.close();

    await page.reload();
    await page.locator('.refund-payment').nth(1).waitFor();
    assert.ok(!(await mainText(page)).includes(ne['loans.refundsStill']!), 'nothing is still owed');
    await phone.close();
  });

  it('a worker with a registered contract applies for a loan with the keyboard only, on a phone, in Nepali', async () => {
    const ne = catalog('ne');
    const db = server.database.db;
    const employer = await db.selectFrom('organisations').select('id').where('name', '=', 'Al Noor Construction LLC').executeTakeFirstOrThrow();
    const { workerId, contractId } = await makeRegisteredContract(db, { employerId: employer.id, start: '2027-03-01', end: '2029-02-28', monthly: 180000 });
    // The worker sees a contract from its offer on: this one was offered and accepted before it was registered.
    await sql`UPDATE contract_versions SET offered_at = now(), accepted_at = now() WHERE contract_id = ${contractId}`.execute(db);
    const user = await makeUser(db, { role: 'worker', worker_id: workerId, email: 'new-recruit@example.test' });
    applicant = user;
    const loansOf = () => db.selectFrom('loans').select(['status', 'amount_minor', 'term_months']).where('worker_id', '=', workerId).execute();

    const context = await browser.newContext({ viewport: PHONE, locale: 'en-US', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${server.base}/sign-in`);
    await page.locator('input[type=email]').waitFor({ timeout: 90_000 });
    await page.locator('input[type=email]').focus();
    await page.keyboard.type(user.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(user.password);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/worker');
    await chooseLanguage(page, 'ne');
    await page.goto(`${server.base}/worker/loans`);
    await page.getByRole('heading', { level: 1, name: ne['loans.workerTitle']! }).waitFor();

    /** Presses Tab (or Shift+Tab) until the focused element is the one described; fails after 60 presses. */
    const tabTo = async (what: { name?: string; text?: string }, back = false) => {
      for (let i = 0; i < 60; i++) {
        const hit = await page.evaluate(({ name, text }) => {
          const el = document.activeElement as HTMLElement | null;
          if (!el) return false;
          return (name !== undefined && el.getAttribute('name') === name) || (text !== undefined && el.textContent?.trim() === text);
        }, what);
        if (hit) return;
        await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
      }
      assert.fail(`could not reach ${JSON.stringify(what)} with the keyboard`);
    };

    await tabTo({ text: ne['loans.apply.link']! });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: ne['loans.apply.title']! }).waitFor();
    // The product's limits are shown at the fields.
    await page.locator('input[name=amount]').waitFor();
    const labels = (await page.locator('label').allInnerTexts()).map(norm);
    assert.ok(labels.some((l) => hasAed(l, 500) && hasAed(l, 5000)), labels.join(' | '));

    // Above the product's limit: the error is at the amount field, in Nepali, and nothing is stored.
    await tabTo({ name: 'amount' });
    await page.keyboard.type('9000');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12');
    await tabTo({ text: ne['loans.apply.seeCost']! });
    await page.keyboard.press('Enter');
    const amount = page.locator('input[name=amount]');
    await page.locator('input[name=amount][aria-invalid=true]').waitFor();
    const errorId = await amount.getAttribute('aria-describedby');
    const error = await page.locator(`[id="${errorId}"]`).innerText();
    assert.ok(error.endsWith(ne['field.rule.loan.amount_outside_limits']!.split('{max}')[1]!), error); // the rule's code, worded in Nepali
    await noAxeViolations(page, 'loan application with a field error (ne)');
    assert.deepEqual(await loansOf(), []);

    // A good amount: the schedule and the total cost are shown before consenting.
    await tabTo({ name: 'amount' }, true);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2000');
    await tabTo({ text: ne['loans.apply.seeCost']! });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: ne['loans.apply.quoteTitle']! }).waitFor();
    const quote = norm(await page.locator('dl.quote').innerText());
    assert.ok(hasAed(quote, 2000), quote);
    assert.ok(quote.includes(ne['loans.apply.total']!), quote);
    await noAxeViolations(page, 'loan quote (ne)');

    // Applying without the consent: the error is at the consent box; nothing stored.
    await tabTo({ text: ne['loans.apply.submit']! });
    await page.keyboard.press('Enter');
    await page.locator('input[name=consent][aria-invalid=true]').waitFor();
    assert.deepEqual(await loansOf(), []);

    await tabTo({ name: 'consent' }, true);
    await page.keyboard.press('Space');
    await tabTo({ text: ne['loans.apply.submit']! });
    await page.keyboard.press('Enter');
    await page.waitForURL('**/worker/loans');
    await page.getByText(ne['loans.apply.applied']!).waitFor();
    assert.deepEqual(await loansOf(), [{ status: 'applied', amount_minor: 200000, term_months: 12 }]);
    await context.close();
  });

  it('the application form in Arabic, right to left, with the cost shown: no axe violations', async () => {
    assert.ok(applicant, 'the previous test made the applicant');
    const ar = catalog('ar');
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-US', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await signIn(page, applicant.email, applicant.password);
    await chooseLanguage(page, 'ar');
    await page.goto(`${server.base}/worker/loans/apply`);
    await page.getByRole('heading', { level: 1, name: ar['loans.apply.title']! }).waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    await page.locator('input[name=amount]').fill('500');
    await page.locator('input[name=term]').fill('12');
    await page.getByRole('button', { name: ar['loans.apply.seeCost']! }).click();
    await page.getByRole('heading', { name: ar['loans.apply.quoteTitle']! }).waitFor();
    await noAxeViolations(page, 'loan application with the cost shown (ar)');
    await context.close();
  });
});
