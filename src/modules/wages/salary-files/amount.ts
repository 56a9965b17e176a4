/**
 * Decimal amounts as exact integers of minor units. Parsing is string arithmetic:
 * a binary float cannot hold 0.10 exactly, and control totals must match to the fils.
 */

import type { FileProblemCode } from './problem-codes.js';

/** A refused amount says why in English (`reason`) and as a code with its values (problems.ts). */
export type AmountResult = { ok: true; minor: number } | { ok: false; reason: string; code: FileProblemCode; params: Record<string, string | number> };

const DIGITS = /^\d+$/;

/**
 * `^\d+(\.\d{1,decimals})?$`, at most `maxLength` characters, and small enough to stay
 * an exact JavaScript integer once scaled to minor units.
 */
export function parseAmount(text: string, decimals = 2, maxLength = 15): AmountResult {
  const shape = decimals > 0 ? `digits with at most ${decimals} decimals, e.g. ${example(decimals)}` : 'whole digits';
  if (text === '') return { ok: false, reason: `the value is empty; expected an amount (${shape}), 0 when nothing is paid`, code: decimals > 0 ? 'amount_empty' : 'amount_empty_whole', params: decimals > 0 ? { decimals, example: example(decimals) } : {} };
  if (text.length > maxLength) {
    return { ok: false, reason: `"${text}" has ${text.length} characters; at most ${maxLength} are allowed`, code: 'amount_too_long', params: { value: text, length: text.length, max: maxLength } };
  }
  const dot = text.indexOf('.');
  const whole = dot === -1 ? text : text.slice(0, dot);
  const fraction = dot === -1 ? '' : text.slice(dot + 1);
  const valid =
    DIGITS.test(whole) && (dot === -1 || (DIGITS.test(fraction) && fraction.length <= decimals && decimals > 0));
  if (!valid) return { ok: false, reason: `"${text}" is not an amount; expected ${shape}`, code: decimals > 0 ? 'amount_invalid' : 'amount_invalid_whole', params: decimals > 0 ? { value: text, decimals, example: example(decimals) } : { value: text } };
  const digits = (whole + fraction.padEnd(decimals, '0')).replace(/^0+(?=\d)/, '');
  if (digits.length > 15) return { ok: false, reason: `"${text}" is too large to be a salary amount`, code: 'amount_too_large', params: { value: text } };
  return { ok: true, minor: Number(digits) };
}

/** Minor units back to a decimal string with exactly `decimals` places ("1500.00"). */
export function formatMinor(minor: number | bigint, decimals = 2): string {
  const negative = minor < 0;
  let digits = (negative ? -BigInt(minor) : BigInt(minor)).toString();
  if (decimals === 0) return (negative ? '-' : '') + digits;
  digits = digits.padStart(decimals + 1, '0');
  const cut = digits.length - decimals;
  return `${negative ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut)}`;
}

function example(decimals: number): string {
  return `1250.${'5'.padEnd(decimals, '0')}`;
}
