import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { isStructurallySame, parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { FILE_PROBLEM_PARAMS } from '../../src/modules/wages/salary-files/problem-codes.js';
import { catalog } from './catalogs.js';

const LANGUAGES = ['en', 'ar', 'hi', 'ne', 'bn', 'tl', 'ur', 'id'];

describe('the web catalogs', () => {
  const en = catalog('en');

  it('exist for the eight languages of the worker\u2019s pages, and no others', () => {
    const files = readdirSync(new URL('../../web/src/i18n/catalogs/', import.meta.url)).map((f) => f.replace(/\.json$/, ''));
    assert.deepEqual(files.sort(), [...LANGUAGES].sort());
  });

  for (const lang of LANGUAGES) {
    it(`${lang}: has every message, each valid ICU with the same arguments as English`, () => {
      const messages = catalog(lang);
      assert.deepEqual(Object.keys(messages).sort(), Object.keys(en).sort());
      for (const [id, text] of Object.entries(messages)) {
        const ast = parse(text);
        const same = isStructurallySame(parse(en[id]!), ast);
        assert.ok(same.success, `${lang} ${id}: ${same.error?.message ?? ''}`);
      }
    });
  }
});

/** The argument names a message uses, at any depth (plural and select branches included). */
function argumentNames(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.tag) {
      argumentNames(el.children, into);
      continue;
    }
    into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) argumentNames(option.value, into);
  }
  return into;
}

describe('salary-file problems in every language (wages.file_problem.<code>)', () => {
  const codes = Object.keys(FILE_PROBLEM_PARAMS) as (keyof typeof FILE_PROBLEM_PARAMS)[];

  it('the server declares its codes (src/modules/wages/salary-files/problem-codes.ts)', () => {
    assert.ok(codes.length >= 100, `${codes.length} codes`);
    for (const sample of ['iban_length', 'uae_control_total', 'csv_column_missing', 'employer_unknown_or_not_mandated']) assert.ok(codes.includes(sample as never), sample);
  });

  for (const lang of LANGUAGES) {
    it(`${lang}: words every code with exactly the parameters the server sends`, () => {
      const messages = catalog(lang);
      for (const code of codes) {
        const text = messages[`wages.file_problem.${code}`];
        assert.ok(text, `${lang} has wages.file_problem.${code}`);
        assert.deepEqual([...argumentNames(parse(text))].sort(), [...FILE_PROBLEM_PARAMS[code]].sort(), `${lang} wages.file_problem.${code}: its arguments are the parameters sent`);
      }
      const stale = Object.keys(messages).filter((id) => id.startsWith('wages.file_problem.') && !codes.includes(id.slice('wages.file_problem.'.length) as never));
      assert.deepEqual(stale, [], `${lang}: no message for a code the server does not send`);
    });
  }
});
