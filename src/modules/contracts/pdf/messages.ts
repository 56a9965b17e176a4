import { readFileSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';

/**
 * The words of the PDF come from the web application's catalogs (web/src/i18n/catalogs): one
 * source for every label the worker reads, on the phone and on paper. Each message is ICU
 * MessageFormat, formatted here with intl-messageformat for the document's language.
 */
export const PLATFORM_LANGUAGES = ['en', 'ar', 'hi', 'ne', 'bn', 'tl', 'ur', 'id'] as const;
export type PlatformLanguage = (typeof PLATFORM_LANGUAGES)[number];

const RTL = new Set(['ar', 'ur', 'fa', 'ps', 'he', 'dv', 'ckb', 'sd', 'ug', 'yi']);

export const isPlatformLanguage = (tag: string): tag is PlatformLanguage => (PLATFORM_LANGUAGES as readonly string[]).includes(tag);

/** The primary language subtag: 'ne-NP' → 'ne'. */
export const baseOf = (tag: string) => tag.toLowerCase().split('-')[0]!;

export const directionOf = (tag: string): 'rtl' | 'ltr' => (RTL.has(baseOf(tag)) ? 'rtl' : 'ltr');

type Catalog = Record<string, string>;
const catalogs = new Map<PlatformLanguage, Catalog>();

function catalog(lang: PlatformLanguage): Catalog {
  let found = catalogs.get(lang);
  if (!found) {
    const file = new URL(`../../../../web/src/i18n/catalogs/${lang}.json`, import.meta.url);
    found = JSON.parse(readFileSync(file, 'utf8')) as Catalog;
    catalogs.set(lang, found);
  }
  return found;
}

/** The catalog a document in `tag` takes its words from: the language's own, else English (a corridor language without a catalog yet). */
export const catalogLanguage = (tag: string): PlatformLanguage => {
  const base = baseOf(tag);
  return isPlatformLanguage(base) ? base : base === 'fil' ? 'tl' : 'en';
};

export type Values = Record<string, string | number>;
export type Translate = (id: string, values?: Values) => string;

/** A formatter of catalog messages in `tag`; an id missing from the catalogs is a programming error and throws. */
export function translator(tag: string): Translate {
  const lang = catalogLanguage(tag);
  const messages = catalog(lang);
  const compiled = new Map<string, IntlMessageFormat>();
  return (id, values) => {
    let format = compiled.get(id);
    if (!format) {
      const text = messages[id] ?? catalog('en')[id];
      if (text === undefined) throw new Error(`no message ${id} in the web catalogs`);
      format = new IntlMessageFormat(text, lang === 'tl' ? 'fil' : lang);
      compiled.set(id, format);
    }
    return String(format.format(values));
  };
}

// As the web application's language picker names them (web/src/i18n/languages.ts).
const NAMES: Record<string, string> = { tl: 'Tagalog', id: 'Bahasa Indonesia' };

/** The language's name in its own script ("नेपाली"), as the web application names it. */
export function nativeName(tag: string): string {
  if (NAMES[tag]) return NAMES[tag];
  try {
    return new Intl.DisplayNames([tag], { type: 'language', fallback: 'code' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
