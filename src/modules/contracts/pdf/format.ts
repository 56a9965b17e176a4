/**
 * Numbers, money, dates and lists for a document language, with Intl (Node's full ICU), the
 * way the web application shows them (web/src/i18n/format.ts). Money stays exact: the minor
 * units become a decimal string, never a float.
 */
export interface Formats {
  money(minor: number, currency: string): string;
  day(isoDate: string): string;
  instant(at: Date): string;
  number(value: number): string;
  list(items: string[]): string;
}

const intlTag = (tag: string) => (tag.toLowerCase().split('-')[0] === 'tl' ? 'fil' : tag);

/** '123456' with 2 minor digits → '1234.56'; with 0 → '123456'. */
export function minorToDecimal(minor: number, digits: number): string {
  if (!Number.isSafeInteger(minor)) throw new Error(`not an integer amount: ${minor}`);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

export function formats(tag: string): Formats {
  const locale = intlTag(tag);
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const instant = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
  const number = new Intl.NumberFormat(locale);
  const list = new Intl.ListFormat(locale);
  return {
    money: (minor, currency) => {
      const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
      const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
      // Intl formats a decimal string exactly (ECMA-402 NumberFormat v3).
      return format.format(minorToDecimal(minor, digits) as unknown as number);
    },
    day: (isoDate) => day.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)),
    instant: (at) => `${instant.format(at)} UTC`,
    number: (value) => number.format(value),
    list: (items) => list.format(items),
  };
}
