import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { isStructurallySame, parse } from '@formatjs/icu-messageformat-parser';
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
