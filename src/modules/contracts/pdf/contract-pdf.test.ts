import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { contractWorld, type ContractWorld, offeredContract, registeredContract } from '../test-contracts.js';
import { CHROMIUM } from './pdf-renderer.js';
import { chromium } from 'playwright-core';
import { fontStack } from './contract-document.js';
import { translator } from './messages.js';

const POPPLER = ['/usr/bin/pdftotext', '/usr/bin/pdffonts', '/usr/bin/pdftoppm'];
const skip = !existsSync(CHROMIUM)
  ? `Debian's chromium is not installed at ${CHROMIUM}: run scripts/ensure-system-packages.sh as root`
  : POPPLER.some((p) => !existsSync(p))
    ? 'poppler-utils (pdftotext, pdffonts, pdftoppm) is not installed: run scripts/ensure-system-packages.sh as root'
    : false;

/** Set CORRIDOR_PDF_EXAMPLES=DIR to keep the pages rendered to PNG (docs/examples/contract-pdf-*.png come from here). */
const KEEP = process.env.CORRIDOR_PDF_EXAMPLES;

const work = mkdtempSync(join(tmpdir(), 'corridor-pdf-'));
function saved(name: string, pdf: Buffer): string {
  const file = join(work, name);
  writeFileSync(file, pdf);
  return file;
}
const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
/** The digest is printed in two lines of four groups (beside other columns in the layout): each line must be there whole. */
const hasDigest = (words: string, digest: string) => {
  const flat = words.replace(/\s+/g, '');
  return flat.includes(digest.slice(0, 32)) && flat.includes(digest.slice(32));
};
const fonts = (file: string) => execFileSync('pdffonts', [file], { encoding: 'utf8' });
/** Page 1 as a PNG (poppler renders the embedded fonts as Chromium shaped them): for a person to look at. */
function firstPagePng(file: string, name: string): string {
  const prefix = join(KEEP ?? work, name);
  execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
  return `${prefix}.png`;
}

describe('the worker\u2019s copy of a registered contract as a PDF', { skip }, () => {
  let w: ContractWorld;
  let id: string;
  let contractNo: string;
  let digest: string;
  let offeredId: string;

  before(async () => {
    w = await contractWorld();
    id = await registeredContract(w);
    const view = (await w.call('GET', `/api/v1/contracts/${id}`, w.worker)).json();
    contractNo = view.contract_no;
    digest = view.versions.find((v: { version: number }) => v.version === view.registered_version).terms_digest;
    offeredId = (await offeredContract(w)).id;
  });
  after(async () => {
    await w?.t.close();
    rmSync(work, { recursive: true, force: true });
  });

  const pdf = (who: ContractWorld['worker'] | undefined, lang: string, contract = id) => w.call('GET', `/api/v1/contracts/${contract}/pdf?lang=${lang}`, who);
  const pdfReads = async () =>
    (await w.db.selectFrom('audit_events').select(['action', 'actor_organisation_id', 'details']).where('action', '=', 'contract.pdf.read').execute());

  it('Nepali for the worker: a PDF with the number, the digest and the words of the ne catalog, in Noto Sans Devanagari', async () => {
    const res = await pdf(w.worker, 'ne');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.match(String(res.headers['content-disposition']), new RegExp(`attachment; filename="contract-${contractNo}-ne\\.pdf"`));
    const bytes = res.rawPayload;
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    const file = saved('ne.pdf', bytes);
    const words = text(file);
    assert.ok(words.includes(contractNo), 'the contract number is printed');
    assert.ok(hasDigest(words, digest), 'the digest is printed whole');
    const ne = translator('ne');
    for (const id of ['pdf.title', 'pdf.number', 'terms.basic', 'summary.title'])
      assert.ok(words.includes(ne(id)), `${id} in Nepali: ${ne(id)}`);
    assert.ok(words.includes('Ram Bahadur Gurung'), "the worker's name");
    assert.ok(words.includes('Al Noor Construction LLC'), "the employer's name");
    assert.match(fonts(file), /NotoSansDevanagari/, 'the Devanagari text is set in Noto Sans Devanagari (embedded)');
    const png = firstPagePng(file, 'contract-pdf-ne');
    assert.ok(existsSync(png));
    assert.deepEqual(await pdfReads(), [], "the worker's own copy is not a read of someone else's data");
  });

  it('Arabic: right to left, set in Noto Sans Arabic, the number and the digest left to right', async () => {
    const res = await pdf(w.worker, 'ar');
    assert.equal(res.statusCode, 200, res.body);
    const file = saved('ar.pdf', res.rawPayload);
    const words = text(file);
    assert.ok(words.includes(contractNo));
    assert.ok(hasDigest(words, digest), 'the digest');
    assert.match(fonts(file), /NotoSansArabic/, 'the Arabic text is set in Noto Sans Arabic (embedded)');
    assert.doesNotMatch(fonts(file), /Type 3/, 'no text drawn as bitmaps');
    firstPagePng(file, 'contract-pdf-ar');
  });

  it('Chromium shapes with the fonts the document names: Arabic letters join, Devanagari and Bengali conjuncts form', async () => {
    // Joined (or conjunct) text is narrower than the same letters kept apart by a zero-width non-joiner;
    // text set without shaping (or in a font without the tables) measures the same both ways.
    const ZWNJ = '\u200c';
    const cases: [lang: string, word: string][] = [['ar', 'سلسلة'], ['ne', 'सम्झौता क्ष स्थ'], ['bn', 'চুক্তি ক্ষ']];
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      for (const [lang, word] of cases) {
        const apart = [...word].join(ZWNJ);
        await page.setContent(
          `<html lang="${lang}"><body style="font-family:${fontStack(lang)};font-size:40px">` +
            `<span id="a">${word}</span><br><span id="b">${apart}</span></body></html>`,
        );
        await page.evaluate(() => document.fonts.ready);
        const [joined, separate] = await page.evaluate(() => ['a', 'b'].map((id) => document.getElementById(id)!.getBoundingClientRect().width));
        assert.ok(joined! < separate! * 0.95, `${lang} ${word}: shaped ${joined} px, letters apart ${separate} px`);
      }
    } finally {
      await browser.close();
    }
  });

  it('the other languages of the platform print, each in its own script', async () => {
    const expected: Record<string, RegExp> = { bn: /NotoSansBengali/, hi: /NotoSansDevanagari/, ur: /NotoNastaliqUrdu/, en: /NotoSans-/, tl: /NotoSans-/, id: /NotoSans-/ };
    for (const [lang, font] of Object.entries(expected)) {
      const res = await pdf(w.worker, lang);
      assert.equal(res.statusCode, 200, `${lang}: ${res.body}`);
      const file = saved(`${lang}.pdf`, res.rawPayload);
      assert.match(fonts(file), font, lang);
      assert.ok(text(file).includes(contractNo), lang);
    }
  });

  it('the employer and both authorities may print it, and each print is audited with the worker', async () => {
    for (const who of [w.employer, w.origin, w.destination]) assert.equal((await pdf(who, 'en')).statusCode, 200);
    const reads = await pdfReads();
    assert.equal(reads.length, 3);
    assert.deepEqual(
      reads.map((r) => r.actor_organisation_id),
      [w.employer.id, w.origin.id, w.destination.id],
    );
    const details = reads[0]!.details as Record<string, unknown>;
    assert.equal(details.contract_no, contractNo);
    assert.equal(details.worker_id, w.worker.id);
    assert.equal(details.language, 'en');
  });

  it('404 for another worker, another employer, another origin authority and an unknown id; 401 without credentials', async () => {
    for (const who of [w.otherWorker, w.otherEmployer, w.otherOrigin]) {
      const res = await pdf(who, 'ne');
      assert.equal(res.statusCode, 404, res.body);
      assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(res.json().code, 'not_found');
    }
    assert.equal((await pdf(w.worker, 'ne', '00000000-0000-4000-8000-000000000000')).statusCode, 404);
    assert.equal((await pdf(undefined, 'ne')).statusCode, 401);
  });

  it('409 for a contract without registered terms (an offer)', async () => {
    const res = await pdf(w.worker, 'ne', offeredId);
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json().code, 'conflict');
    assert.equal(res.json().contract_status, 'offered');
  });

  it('an amendment on offer does not change the copy: it prints the terms in force', async () => {
    const amended = await registeredContract(w);
    const res = await w.call('POST', `/api/v1/contracts/${amended}/amend`, w.employer, { terms: w.terms({ job_title: 'Site foreman' }) });
    assert.equal(res.statusCode, 200, res.body);
    const view = res.json();
    const inForce = view.versions.find((v: { version: number }) => v.version === view.registered_version).terms_digest;
    const file = saved('amended.pdf', (await pdf(w.worker, 'en', amended)).rawPayload);
    const words = text(file);
    assert.ok(hasDigest(words, inForce), 'the digest in force');
    assert.ok(words.includes('Bricklayer'), 'the job in force');
    assert.ok(!words.includes('Site foreman'), 'not the amended job');
  });

  it('422 with a pointer for a language neither the contract nor the platform has, or no language at all; nothing audited', async () => {
    const before = await w.counts();
    for (const query of ['?lang=xx', '?lang=fr', '?lang=NE!', '']) {
      const res = await w.call('GET', `/api/v1/contracts/${id}/pdf${query}`, w.employer);
      assert.equal(res.statusCode, 422, `${query}: ${res.body}`);
      const problem = res.json();
      assert.equal(problem.code, 'validation_failed');
      assert.ok(problem.errors.some((e: { pointer: string }) => e.pointer === '/lang'), `${query}: ${res.body}`);
    }
    assert.deepEqual(await w.counts(), before);
  });
});
