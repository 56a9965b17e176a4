import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createIntl } from '@formatjs/intl';
import { z } from 'zod';
import { zodProblems } from '../../src/core/validation.js';
import { DOMAIN_CODES, type FieldError, problemMessage, problemMessageId } from '../../web/src/api/problem-messages.js';
import { catalog } from './catalogs.js';

const LANGUAGES = ['en', 'ar', 'hi', 'ne', 'bn', 'tl', 'ur', 'id'];

// The problems the server really sends for these inputs (the same code path as a 422).
const Form = z.object({
  name: z.string().min(3),
  note: z.string().max(5),
  amount: z.number().int().min(100),
  days: z.number().max(30),
  email: z.email(),
  kind: z.enum(['cash', 'account']),
  tags: z.array(z.string()).min(1),
  step: z.number().multipleOf(5),
  age: z.number(),
});
const problems = zodProblems(
  Form.safeParse({ name: 'ab', note: 'too long', amount: 7, days: 31, email: 'not-an-email', kind: 'card', tags: [], step: 7 }).error!,
);

describe('field problems in the page\u2019s language', () => {
  it('get a catalog message for every code the server sends for plain field limits', () => {
    assert.equal(problems.length, 9);
    for (const p of problems) assert.ok(problemMessageId(p), `${p.pointer} (${p.code}) has a catalog message`);
  });

  for (const lang of LANGUAGES) {
    it(`${lang}: states the same limits as the server, in the language`, () => {
      const intl = createIntl({ locale: lang, messages: catalog(lang), onError: (e) => assert.fail(e.message) });
      const en = createIntl({ locale: 'en', messages: catalog('en') });
      const text = (p: (typeof problems)[number], i = intl) => problemMessage(p, (id, values) => i.formatMessage({ id }, values));
      const by = Object.fromEntries(problems.map((p) => [p.pointer, p]));
      const digits = (s: string) => new Intl.NumberFormat(lang).format(Number(s));
      assert.match(text(by['/name']!), new RegExp(digits('3')));
      assert.match(text(by['/amount']!), new RegExp(digits('100')));
      assert.match(text(by['/days']!), new RegExp(digits('30')));
      assert.match(text(by['/kind']!), /cash, account/);
      assert.match(text(by['/email']!), /name@example\.org/);
      if (lang !== 'en') for (const p of problems) assert.notEqual(text(p), text(p, en), `${lang} ${p.pointer} is translated`);
    });
  }

  it('keeps the server\u2019s own words for a problem without a code (a rule of the domain)', () => {
    const intl = createIntl({ locale: 'ar', messages: catalog('ar') });
    const rule = { pointer: '/wage', message: 'below the corridor minimum of AED 1,000' };
    assert.equal(problemMessage(rule, (id, values) => intl.formatMessage({ id }, values)), rule.message);
  });
});

/**
 * The codes the server gives the rules of the domain (src/modules/**): read from the source, where
 * each is written as `code: '...'` (or chosen by a condition), or as the code argument of a module's
 * problem helper (`problem(...)`, `add(...)`).
 */
function codesRaisedInSource(): Map<string, string> {
  const root = fileURLToPath(new URL('../../src/', import.meta.url));
  const found = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts') && !file.endsWith('.test.ts'))
        readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
          const where = `${file.slice(root.length)}:${i + 1}`;
          for (const m of line.matchAll(/\bcode(?::|\s*=)\s*([^,}]+)/g)) for (const c of m[1]!.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) found.set(c[1]!, where);
          if (/\b(problem|add)\(/.test(line)) for (const c of line.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) found.set(c[1]!, where);
        });
    }
  };
  walk(root);
  return found;
}

describe('rules of the domain in the person\u2019s language', () => {
  const raised = codesRaisedInSource();

  it('every code the server raises for a rule of the domain is one the pages word', () => {
    assert.ok(raised.size >= 70, `found ${raised.size} codes in src/`);
    for (const sample of ['loan.amount_outside_limits', 'refund.above_owed', 'refund.paid_before_disbursement', 'remittance.corridor_not_served'])
      assert.ok(raised.has(sample), `${sample} is found in src/`);
    for (const [code, where] of raised) assert.ok(DOMAIN_CODES.has(code), `${code} (${where}) is in DOMAIN_CODES`);
    assert.deepEqual([...DOMAIN_CODES].filter((c) => !raised.has(c)), [], 'no code is worded that the server no longer raises');
  });

  for (const lang of LANGUAGES) {
    it(`${lang}: has a message for every code`, () => {
      const messages = catalog(lang);
      const missing = [...raised.keys()].filter((code) => !messages[`field.rule.${code}`]);
      assert.deepEqual(missing, [], `${lang} lacks messages`);
    });
  }

  // Problems as the server sends them (src/modules/loans, src/modules/remittances).
  const above: FieldError = {
    pointer: '/amount_minor', message: "must be between 50000 and 400000 (the product's limits)", code: 'loan.amount_outside_limits',
    params: { min: { amount_minor: 50000, currency: 'AED' }, max: { amount_minor: 400000, currency: 'AED' } },
  };
  const cap: FieldError = {
    pointer: '/amount_minor', message: 'the monthly instalment would be 35700, above 15% of the wage (22500): borrow less or over more months', code: 'loan.instalment_above_cap',
    params: { instalment: { amount_minor: 35700, currency: 'AED' }, share_percent: 15, cap: { amount_minor: 22500, currency: 'AED' } },
  };
  const early: FieldError = { pointer: '/paid_on', message: 'must not be before the disbursement (2026-02-20)', code: 'refund.paid_before_disbursement', params: { disbursed_on: '2026-02-20' } };
  const served: FieldError = { pointer: '/destination_country', message: 'your organisation does not serve ARE to NPL', code: 'remittance.corridor_not_served', params: { from: 'ARE', to: 'NPL' } };

  for (const lang of ['ar', 'ne']) {
    it(`${lang}: states the rule with its amounts and dates written for the language`, () => {
      const intl = createIntl({ locale: lang, messages: catalog(lang), onError: (e) => assert.fail(e.message) });
      const text = (e: FieldError) => problemMessage(e, (id, values) => intl.formatMessage({ id }, values), lang);
      const aed = (minor: number) => new Intl.NumberFormat(lang, { style: 'currency', currency: 'AED' }).format(minor / 100);
      const number = (n: number) => new Intl.NumberFormat(lang).format(n);

      const limits = text(above);
      assert.equal(limits, catalog(lang)['field.rule.loan.amount_outside_limits']!.replace('{min}', aed(50000)).replace('{max}', aed(400000)));
      assert.notEqual(limits, above.message);

      const instalment = text(cap);
      for (const part of [aed(35700), aed(22500), number(15)]) assert.ok(instalment.includes(part), `${instalment} states ${part}`);

      // A calendar date as the language writes it; ISO where the runtime has no dates for the language (as the pages do).
      const day = Intl.DateTimeFormat.supportedLocalesOf([lang]).length
        ? new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date('2026-02-20T00:00:00Z'))
        : '2026-02-20';
      assert.ok(text(early).includes(day), `${text(early)} states ${day}`);
      assert.equal(text(served), catalog(lang)['field.rule.remittance.corridor_not_served']!.replace('{from}', 'ARE').replace('{to}', 'NPL'));
    });
  }

  it('keeps the server\u2019s words for a code the pages do not know', () => {
    const intl = createIntl({ locale: 'ar', messages: catalog('ar') });
    const unknown = { pointer: '/x', message: 'a rule added later', code: 'loan.something_new', params: { n: 1 } };
    assert.equal(problemMessage(unknown, (id, values) => intl.formatMessage({ id }, values), 'ar'), unknown.message);
  });
});
