import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';

// The verifier ships to phones and browsers: it may import only its own files.
describe('the verifier module is dependency-free', () => {
  const dir = new URL('./', import.meta.url);
  const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

  it('has sources to check', () => assert.ok(sources.length >= 5));

  for (const file of sources) {
    it(`${file} imports only ./ siblings and no Node globals`, () => {
      const text = readFileSync(new URL(file, dir), 'utf8');
      const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
      for (const s of specifiers) assert.match(s, /^\.\/[a-z0-9-]+\.js$/, `${file} imports ${s}`);
      assert.doesNotMatch(text, /\b(Buffer|process|require)\b/, `${file} uses a Node-only global`);
    });
  }
});
