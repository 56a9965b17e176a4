import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { AppError } from '../../../core/errors.js';

/** Debian's Chromium (scripts/ensure-system-packages.sh installs it with fonts-noto-core): never a downloaded browser. */
export const CHROMIUM = '/usr/bin/chromium';

export interface PdfOptions {
  /** HTML printed at the foot of every page (Chromium's footer template). */
  footer?: string;
}

export interface PdfRendererOptions {
  executablePath?: string;
  /** Renders at once; more wait their turn. */
  concurrency?: number;
  /** Renders waiting at most; more are refused as unavailable (503) rather than queued without end. */
  maxWaiting?: number;
}

const unavailable = (message: string) => new AppError('unavailable', message);

/**
 * Prints HTML to PDF with headless Chromium: one browser, launched on first use and reused
 * (relaunched if it dies), a fresh context per document (JavaScript off, closed after use),
 * a bounded number of renders at once. Close it with the server.
 */
export class PdfRenderer {
  private readonly executablePath: string;
  private readonly concurrency: number;
  private readonly maxWaiting: number;
  private browser: Promise<Browser> | undefined;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private closed = false;

  constructor(options: PdfRendererOptions = {}) {
    this.executablePath = options.executablePath ?? CHROMIUM;
    this.concurrency = options.concurrency ?? 2;
    this.maxWaiting = options.maxWaiting ?? 32;
  }

  async render(html: string, options: PdfOptions = {}): Promise<Buffer> {
    await this.acquire();
    try {
      const browser = await this.launch();
      const context = await browser.newContext({ javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({
          format: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          displayHeaderFooter: options.footer !== undefined,
          headerTemplate: '<span></span>',
          footerTemplate: options.footer ?? '<span></span>',
          tagged: true,
        });
      } finally {
        await context.close().catch(() => undefined);
      }
    } finally {
      this.release();
    }
  }

  /** Renders HTML to a PNG screenshot (for checking a document by eye). */
  async screenshot(html: string, width = 794): Promise<Buffer> {
    await this.acquire();
    try {
      const browser = await this.launch();
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 1123 } });
      try {
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        return await page.screenshot({ fullPage: true });
      } finally {
        await context.close().catch(() => undefined);
      }
    } finally {
      this.release();
    }
  }

  /** Documents open in the browser right now (each print opens one and closes it): 0 when idle. */
  async openDocuments(): Promise<number> {
    const browser = await this.browser?.catch(() => undefined);
    return browser ? browser.contexts().length : 0;
  }

  async close(): Promise<void> {
    this.closed = true;
    const browser = this.browser;
    this.browser = undefined;
    if (browser) await (await browser.catch(() => undefined))?.close().catch(() => undefined);
  }

  private launch(): Promise<Browser> {
    if (this.closed) return Promise.reject(unavailable('The PDF renderer is shutting down'));
    if (!this.browser) {
      if (!existsSync(this.executablePath))
        return Promise.reject(
          unavailable(`PDF rendering is not available: Chromium is not installed at ${this.executablePath} (apt-get install chromium fonts-noto-core)`),
        );
      const launched = chromium
        .launch({
          executablePath: this.executablePath,
          args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        })
        .then((browser) => {
          browser.on('disconnected', () => {
            if (this.browser === launched) this.browser = undefined;
          });
          return browser;
        })
        .catch((error: unknown) => {
          if (this.browser === launched) this.browser = undefined;
          throw unavailable(`PDF rendering is not available: Chromium did not start (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
        });
      this.browser = launched;
    }
    return this.browser;
  }

  private acquire(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.maxWaiting) return Promise.reject(unavailable('Too many documents are being printed: try again in a moment'));
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
