import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createIntl } from '@formatjs/intl';
import { z } from 'zod';
import { zodProblems } from '../../src/core/validation.js';
import { problemMessage, problemMessageId } from '../../web/src/api/problem-messages.js';
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
