import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ContractTerms } from '../terms.schema.js';
import { validTermsInput } from '../test-terms.js';
import { type ContractDocument, contractDocumentHtml, escapeHtml, fontStack } from './contract-document.js';
import { minorToDecimal, formats } from './format.js';
import { PLATFORM_LANGUAGES, translator } from './messages.js';

const doc = (overrides: Partial<ContractDocument> = {}): ContractDocument => ({
  lang: 'en',
  contractNo: 'NPL-ARE-2026-0000001',
  corridor: 'NPL-ARE',
  status: 'registered',
  employerName: 'Al Noor Construction LLC',
  workerName: 'Ram Bahadur Gurung',
  approvedBy: ['Department of Foreign Employment'],
  registeredBy: ['Ministry of Human Resources and Emiratisation'],
  version: 1,
  digest: 'ab'.repeat(32),
  registeredAt: new Date('2026-02-01T10:00:00Z'),
  terms: ContractTerms.parse(validTermsInput()),
  monthlyFixedMinor: 180000,
  qrSvg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
  verifyUrl: 'https://corridor.example/verify/NPL-ARE-2026-0000001',
  printedAt: new Date('2026-02-02T10:00:00Z'),
  ...overrides,
});

describe('the worker\u2019s copy as HTML', () => {
  it('is written in each platform language with its direction, every label from the web catalogs', () => {
    for (const lang of PLATFORM_LANGUAGES) {
      const html = contractDocumentHtml(doc({ lang }));
      assert.match(html, new RegExp(`<html lang="${lang}" dir="${lang === 'ar' || lang === 'ur' ? 'rtl' : 'ltr'}">`));
      const t = translator(lang);
      for (const id of ['pdf.title', 'pdf.digest', 'terms.title', 'summary.title', 'registry.explain']) assert.ok(html.includes(escapeHtml(t(id))), `${lang} ${id}`);
      assert.ok(html.replace(/<[^>]+>|\s/g, '').includes(doc().digest), 'the digest, in groups');
    }
  });

  it('names the Noto family of the script first', () => {
    assert.match(fontStack('ar'), /^'Noto Sans Arabic'/);
    assert.match(fontStack('ne'), /^'Noto Sans Devanagari'/);
    assert.match(fontStack('bn'), /^'Noto Sans Bengali'/);
    assert.match(fontStack('en'), /^'Noto Sans'/);
  });

  it('escapes what people typed, and fetches nothing', () => {
    const html = contractDocumentHtml(
      doc({ employerName: '<img src=x onerror=alert(1)>', terms: ContractTerms.parse(validTermsInput({ job_title: '"><script>alert(1)</script>' })) }),
    );
    assert.ok(!html.includes('<script'));
    assert.ok(!html.includes('<img'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
  });

  it('prints money exactly from minor units, in the language\u2019s numerals', () => {
    assert.equal(minorToDecimal(150000, 2), '1500.00');
    assert.equal(minorToDecimal(5, 2), '0.05');
    assert.equal(minorToDecimal(-5, 3), '-0.005');
    assert.equal(minorToDecimal(1234, 0), '1234');
    assert.equal(minorToDecimal(9007199254740991, 2), '90071992547409.91');
    assert.equal(formats('en').money(9007199254740991, 'AED'), 'AED\u00a090,071,992,547,409.91');
    assert.equal(formats('ne').money(150000, 'AED'), 'AED\u00a0१,५००.००');
    assert.equal(formats('ne').day('2026-03-01'), '२०२६ मार्च १');
  });
});
