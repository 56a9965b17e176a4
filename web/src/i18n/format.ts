import { useMemo } from 'react';
import { useIntl } from 'react-intl';

/** Money arrives in integer minor units; the currency says how many digits its minor unit has. */
export function formatMoney(locale: string, minor: number, currency: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

// Dates in the API are calendar dates (YYYY-MM-DD) or months (YYYY-MM): shown in UTC so no time zone shifts a day.
const asUtc = (day: string) => new Date(`${day.length === 7 ? `${day}-01` : day.slice(0, 10)}T00:00:00Z`);

// Some browsers lack date and list data for a language (Chromium has none for Nepali): rather
// than English month names or an English "and", show ISO dates and plain commas there.
const hasDates = (locale: string) => Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
const hasLists = (locale: string) => Intl.ListFormat.supportedLocalesOf([locale]).length > 0;
const isoDay = { format: (d: Date) => d.toISOString().slice(0, 10) };
const isoMonth = { format: (d: Date) => d.toISOString().slice(0, 7) };

export function useFormat() {
  const { locale } = useIntl();
  return useMemo(() => {
    const dated = hasDates(locale);
    const day = dated ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }) : isoDay;
    const month = dated ? new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }) : isoMonth;
    const list = hasLists(locale) ? new Intl.ListFormat(locale) : new Intl.ListFormat('en', { type: 'unit', style: 'narrow' });
    const instant = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const number = new Intl.NumberFormat(locale);
    return {
      locale,
      money: (minor: number, currency: string) => formatMoney(locale, minor, currency),
      day: (value: string) => day.format(asUtc(value)),
      month: (value: string) => month.format(asUtc(value)),
      instant: (value: string) => instant.format(new Date(value)),
      number: (value: number) => number.format(value),
      list: (items: string[]) => list.format(items),
    };
  }, [locale]);
}
