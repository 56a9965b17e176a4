import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import QRCode from 'qrcode';
import { verificationLink } from '../../src/modules/contracts/verification/qr-code.js';
import { CHROMIUM, noAxeViolations, PHONE, skipBrowser, startWebServer, type WebServer } from './browser.js';
import { catalog } from './catalogs.js';

const W = 640;
const H = 480;

/**
 * A camera that films a printed QR code: Chromium's fake capture device plays a Y4M video,
 * here one frame (looped) with the code drawn black on white in the luma plane.
 */
function qrVideo(dir: string, name: string, text: string): string {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const scale = Math.floor((H - 40) / (size + 8));
  const side = (size + 8) * scale;
  const x0 = Math.floor((W - side) / 2);
  const y0 = Math.floor((H - side) / 2);
  const luma = Buffer.alloc(W * H, 0x80); // a grey table around the white paper
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      const row = Math.floor(y / scale) - 4;
      const col = Math.floor(x / scale) - 4;
      const dark = row >= 0 && col >= 0 && row < size && col < size && qr.modules.get(row, col);
      luma[(y0 + y) * W + x0 + x] = dark ? 16 : 235;
    }
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 0x80);
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F5:1 Ip A1:1 C420jpeg\n`), Buffer.from('FRAME\n'), luma, chroma]));
  return path;
}

describe('the public verification page scans a contract\u2019s QR code with the phone\u2019s camera', { skip: skipBrowser }, () => {
  let server: WebServer;
  let dir: string;
  before(async () => {
    server = await startWebServer();
    dir = mkdtempSync(join(tmpdir(), 'qr-video-'));
  });
  after(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function scan(video: string) {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
    });
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-US', isMobile: true, hasTouch: true });
    await context.grantPermissions(['camera'], { origin: server.base });
    const page = await context.newPage();
    await page.goto(`${server.base}/verify`);
    await page.getByRole('button', { name: catalog('en')['verify.scan']! }).click();
    return { browser, page };
  }

  it('opens the scanned contract and checks it on the phone, as genuine', async () => {
    const { contract_no } = await server.database.db
      .selectFrom('contracts').select('contract_no').where('status', 'in', ['registered', 'active']).executeTakeFirstOrThrow();
    const link = await verificationLink(server.database.db, 'https://corridor.example.gov', contract_no);
    const { browser, page } = await scan(qrVideo(dir, 'contract.y4m', link));
    try {
      await page.waitForURL(`**/verify/${contract_no}#*`, { timeout: 20_000 });
      await page.getByText(catalog('en')['verify.genuine']!).waitFor();
      await noAxeViolations(page, 'a scanned contract');
    } finally {
      await browser.close();
    }
  });

  it('says so when the code is not a contract, and stays on the page', async () => {
    const { browser, page } = await scan(qrVideo(dir, 'other.y4m', 'https://example.org/menu?table=4'));
    try {
      await page.getByRole('alert').getByText(catalog('en')['verify.scanNotOurs']!).waitFor({ timeout: 20_000 });
      assert.match(page.url(), /\/verify$/);
    } finally {
      await browser.close();
    }
  });
});
