import { readFileSync } from 'node:fs';

/** A web catalog, so the browser tests look for the words a person sees in that language. */
export function catalog(lang: string): Record<string, string> {
  return JSON.parse(readFileSync(new URL(`../../web/src/i18n/catalogs/${lang}.json`, import.meta.url), 'utf8')) as Record<string, string>;
}
