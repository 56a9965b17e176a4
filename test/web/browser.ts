import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/demo-data.js';
import { seedDemo } from '../../src/demo/seed.js';
import { type TestApp, startTestApp } from '../helpers/app.js';

/** Debian's Chromium, installed by scripts/ensure-system-packages.sh: never a downloaded browser. */
export const CHROMIUM = '/usr/bin/chromium';

/** Why the browser tests cannot run here, or false. Only a missing Chromium (not root, not installable) skips them. */
export const skipBrowser = existsSync(CHROMIUM)
  ? false
  : `Debian's chromium is not installed at ${CHROMIUM}: run scripts/ensure-system-packages.sh as root (apt-get install chromium fonts-noto-core)`;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** The web application must be built before the server starts: the server reads web/dist once. */
export function ensureWebBuilt(): void {
  const dist = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url));
  if (existsSync(dist)) return;
  const script = fileURLToPath(new URL('../../scripts/build-web-if-needed.js', import.meta.url));
  const result = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('building the web application failed');
}

export interface WebServer extends TestApp {
  base: string;
}

/** A real server on a socket (port 0), on the test database, with the demo corridor's data. */
export async function startWebServer(): Promise<WebServer> {
  ensureWebBuilt();
  const t = await startTestApp();
  await seedDemo(t.database, t.ctx.config);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  return { ...t, base: `http://127.0.0.1:${port}` };
}

/**
 * For a suite of browser tests: the web server and Chromium started before its tests (handed to
 * `started`) and both stopped after them.
 */
export function webSuite(started: (web: { server: WebServer; browser: Browser }) => void): void {
  let web: { server: WebServer; browser: Browser } | undefined;
  before(async () => {
    const [server, browser] = await Promise.all([startWebServer(), launchChromium()]);
    web = { server, browser };
    started(web);
  });
  after(async () => {
    await web?.browser.close();
    await web?.server.close();
  });
}

/** Signs in on the sign-in page with a demo login (Enter in the password field) and waits for the role's home. */
export async function signInAt(page: Page, base: string, email: string, home: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.locator('input[type=email]').fill(email);
  await page.locator('input[type=password]').fill(DEMO_PASSWORD);
  await page.locator('input[type=password]').press('Enter');
  await page.waitForURL(`**${home}`);
}

/** The phone every worker and public page is tested at. */
export const PHONE = { width: 360, height: 740 };

/** Fails with every axe violation on the page, by rule and element. */
export async function noAxeViolations(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], `axe on ${what}`);
}

/** Picks a language as a person does, with the picker in the header. */
export const chooseLanguage = (page: Page, lang: string) => page.locator('.language-picker select').selectOption(lang);
