/** The languages of the worker's pages (PRODUCT.md 6); names are written in their own script. */
export const LANGUAGES = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'hi', name: 'हिन्दी', dir: 'ltr' },
  { code: 'ne', name: 'नेपाली', dir: 'ltr' },
  { code: 'bn', name: 'বাংলা', dir: 'ltr' },
  { code: 'tl', name: 'Tagalog', dir: 'ltr' },
  { code: 'ur', name: 'اردو', dir: 'rtl' },
  { code: 'id', name: 'Bahasa Indonesia', dir: 'ltr' },
] as const;

export type Lang = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'corridor.lang';

export const isLang = (value: unknown): value is Lang => LANGUAGES.some((l) => l.code === value);
export const dirOf = (lang: Lang) => LANGUAGES.find((l) => l.code === lang)!.dir;
export const nameOf = (code: string) => LANGUAGES.find((l) => l.code === code)?.name ?? code;

/** The language the person chose on this device, if any: it wins over the account's and the browser's. */
export function rememberedLang(): Lang | undefined {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLang(stored) ? stored : undefined;
  } catch {
    return undefined; // storage blocked (private mode): fall back to the browser's languages
  }
}

export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered on this device; the choice still holds for this visit.
  }
}

export function initialLang(): Lang {
  const remembered = rememberedLang();
  if (remembered) return remembered;
  for (const tag of navigator.languages ?? []) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'fil') return 'tl';
    if (isLang(base)) return base;
  }
  return 'en';
}
