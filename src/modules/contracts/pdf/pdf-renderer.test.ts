import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { AppError } from '../../../core/errors.js';
import { CHROMIUM, PdfRenderer } from './pdf-renderer.js';

const page = (text: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${text}</title></head><body><p>${text}</p></body></html>`;

const isUnavailable = (error: unknown) => error instanceof AppError && error.code === 'unavailable' && error.status === 503;

describe('the PDF renderer', () => {
  it('refuses as unavailable (503), naming the fix, when Chromium is not installed', async () => {
    const renderer = new PdfRenderer({ executablePath: '/nonexistent/chromium' });
    await assert.rejects(renderer.render(page('x')), (error) => isUnavailable(error) && /apt-get install chromium/.test((error as Error).message));
    await renderer.close();
  });

  describe('with Debian Chromium', { skip: existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}` }, () => {
    const renderer = new PdfRenderer({ concurrency: 1, maxWaiting: 1 });
    after(() => renderer.close());

    it('prints HTML to a PDF, and closes each document after printing', async () => {
      const pdf = await renderer.render(page('hello'), { footer: '<span class="pageNumber"></span>' });
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.equal(await renderer.openDocuments(), 0);
    });

    it('prints a bounded number at once: one running, one waiting, the next refused as unavailable', async () => {
      const results = await Promise.allSettled([renderer.render(page('a')), renderer.render(page('b')), renderer.render(page('c'))]);
      assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'fulfilled', 'rejected']);
      assert.ok(isUnavailable((results[2] as PromiseRejectedResult).reason));
      assert.equal(await renderer.openDocuments(), 0);
      // and the slots are free again
      assert.ok((await renderer.render(page('d'))).length > 0);
    });

    it('starts the browser again if it died', async () => {
      await renderer.render(page('before'));
      const browser = await (renderer as unknown as { browser: Promise<import('playwright-core').Browser> }).browser;
      await browser.close();
      assert.ok((await renderer.render(page('after'))).length > 0);
    });
  });
});
