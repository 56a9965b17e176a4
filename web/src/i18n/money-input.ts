/**
 * Money as people type it, to and from integer minor units, by the digits alone: never through
 * floating point ("0.1 + 0.2"), whatever the currency's minor unit.
 */

/** Digits of a currency's minor unit (AED 2, KWD 3, JPY 0), from the browser's own ISO 4217 data. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * "2000.5" AED -> 200050. A decimal comma is read as a point. Undefined when the text is not a
 * plain non-negative amount or has more decimals than the currency has.
 */
export function toMinor(text: string, currency: string | number): number | undefined {
  const digits = typeof currency === 'number' ? currency : minorDigits(currency);
  const match = /^(\d{1,13})(?:[.,](\d*))?$/.exec(text.trim());
  if (!match || (match[2] ?? '').length > digits) return undefined;
  return Number(`${match[1]}${(match[2] ?? '').padEnd(digits, '0')}`);
}

/** Minor units to the decimal text a person types: 150000 AED -> "1500.00". */
export function minorToText(minor: number, currency: string | number): string {
  const digits = typeof currency === 'number' ? currency : minorDigits(currency);
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  const sign = minor < 0 ? '-' : '';
  return digits === 0 ? sign + text : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/**
 * For a request body: the minor units, or else the text as typed, so that the API refuses it at
 * its field (in the person's language) instead of the page guessing a number. Typed as a number
 * because that is what the body declares; only an amount the API will refuse is not one.
 */
export const minorOrTyped = (text: string, currency: string | number): number => (toMinor(text, currency) ?? text) as unknown as number;
