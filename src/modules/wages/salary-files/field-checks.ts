import { parseAmount } from './amount.js';
import { parseIsoDate } from './calendar.js';
import { ibanChecksumValid } from './iban.js';
import type { LineReport } from './problems.js';

export function checkAmount(report: LineReport, field: string, text: string, decimals = 2): number | undefined {
  const amount = parseAmount(text, decimals);
  if (amount.ok) return amount.minor;
  report.error(field, amount.reason, amount.code, amount.params);
  return undefined;
}

export function checkDigits(report: LineReport, field: string, text: string, min: number, max: number): number | undefined {
  if (text.length >= min && text.length <= max && /^\d+$/.test(text)) return Number(text);
  const size = min === max ? `exactly ${min} digits` : `${min} to ${max} digits`;
  report.error(field, `${quoted(text)} is not a whole number of ${size}`, min === max ? 'digits_exact' : 'digits_range', { value: text, min, max });
  return undefined;
}

export function checkIsoDate(report: LineReport, field: string, text: string): string | undefined {
  const date = parseIsoDate(text);
  if (date === undefined) report.error(field, `${quoted(text)} is not a real calendar date; expected YYYY-MM-DD, e.g. 2025-05-31`, 'date_invalid', { value: text });
  return date;
}

/** Exactly `size` digits; shorter digit strings are left-padded with zeros and warned about. */
export function checkPaddedId(report: LineReport, field: string, text: string, size: number): string | undefined {
  if (/^\d+$/.test(text) && text.length <= size) {
    if (text.length < size) {
      report.warn(field, `"${text}" has ${text.length} digits; it was read as ${text.padStart(size, '0')} (left-padded with zeros to ${size} digits)`, 'id_padded', { value: text, length: text.length, padded: text.padStart(size, '0'), digits: size });
    }
    return text.padStart(size, '0');
  }
  report.error(field, `${quoted(text)} is not an ID of ${size} digits (shorter IDs are left-padded with zeros)`, 'id_invalid', { value: text, digits: size });
  return undefined;
}

/** An IBAN of a fixed length per country, with its mod-97 check digits. */
export function checkIban(
  report: LineReport,
  field: string,
  text: string,
  shape: { country: string; length: number; pattern: RegExp; example: string },
  checksum: 'error' | 'warn' = 'error',
): boolean {
  if (text.length !== shape.length) {
    report.error(field, `IBAN "${text}" has ${text.length} characters; a ${shape.country} IBAN has exactly ${shape.length}, e.g. ${shape.example}`, 'iban_length', { value: text, length: text.length, country: shape.country, expected: shape.length, example: shape.example });
    return false;
  }
  if (!shape.pattern.test(text)) {
    report.error(field, `"${text}" is not laid out as a ${shape.country} IBAN, e.g. ${shape.example}`, 'iban_layout', { value: text, country: shape.country, example: shape.example });
    return false;
  }
  if (!ibanChecksumValid(text)) {
    report[checksum === 'error' ? 'error' : 'warn'](field, `IBAN "${text}" fails the ISO 13616 mod-97 check; its check digits or a character are wrong`, 'iban_checksum', { value: text });
    return checksum === 'warn';
  }
  return true;
}

export function quoted(text: string): string {
  return text === '' ? 'the empty value' : `"${text}"`;
}
