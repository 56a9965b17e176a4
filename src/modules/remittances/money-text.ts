/**
 * Decimal text to integer minor units, exactly (no floating point on the way): "734.5"
 * in a 2-digit currency is 73450. Undefined when the text is not a plain non-negative
 * decimal or has more decimals than the currency has (trailing zeros aside).
 */
export function minorUnits(text: string, digits: number): number | undefined {
  // One pass over the characters, no regular expression: this runs for four cells of every survey row.
  const n = text.length;
  let value = 0;
  let whole = 0;
  let i = 0;
  for (; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    value = value * 10 + d;
    whole++;
  }
  let decimals = 0;
  if (i < n) {
    if (text.charCodeAt(i) !== 46 /* . */) return undefined;
    for (i++; i < n; i++) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return undefined;
      // Trailing zeros past the currency's digits change nothing; any other digit there is a fraction of a minor unit.
      if (decimals === digits) {
        if (d !== 0) return undefined;
        continue;
      }
      value = value * 10 + d;
      decimals++;
    }
    if (whole === 0 && n === 1) return undefined; // "." alone
  } else if (whole === 0) return undefined;
  value *= 10 ** (digits - decimals);
  // Past 2^53 the sum is no longer exact, and it stays past it: refused, not rounded.
  return Number.isSafeInteger(value) ? value : undefined;
}

/** A rate as exact decimal text for a numeric column: plain digits, or undefined. */
export function rateText(text: string): string | undefined {
  if (/^[0-9]+(\.[0-9]+)?$/.test(text) || /^\.[0-9]+$/.test(text)) return text.startsWith('.') ? `0${text}` : text;
  // Spreadsheets sometimes write 1.5E-05: accept scientific notation, exactly.
  const m = /^([0-9]+(?:\.[0-9]+)?)[eE]([+-]?[0-9]{1,3})$/.exec(text);
  if (!m) return undefined;
  return shiftDecimal(m[1]!, Number(m[2]));
}

function shiftDecimal(mantissa: string, exponent: number): string {
  const [whole, fraction = ''] = mantissa.split('.');
  const digits = whole! + fraction;
  let point = whole!.length + exponent;
  let padded = digits;
  if (point <= 0) {
    padded = '0'.repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) padded = digits.padEnd(point, '0');
  const text = `${padded.slice(0, point)}.${padded.slice(point)}`.replace(/\.?0*$/, '').replace(/^0+(?=[0-9])/, '');
  return text === '' ? '0' : text;
}

/** Compares two plain non-negative decimals ("36.5", "0.25", "007") exactly: -1, 0 or 1. */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  // Rounding to the nearest double keeps order: doubles that differ order the decimals; only equal ones
  // (the same value, or two too close for a double to part) need the digits compared.
  const x = Number(a);
  const y = Number(b);
  if (x !== y) return x < y ? -1 : 1;
  const [aw = '', af = ''] = a.split('.');
  const [bw = '', bf = ''] = b.split('.');
  const wa = aw.replace(/^0+/, '');
  const wb = bw.replace(/^0+/, '');
  if (wa.length !== wb.length) return wa.length < wb.length ? -1 : 1;
  if (wa !== wb) return wa < wb ? -1 : 1;
  const n = Math.max(af.length, bf.length);
  const fa = af.padEnd(n, '0');
  const fb = bf.padEnd(n, '0');
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

/** Minor units back to decimal text, for messages and CSV output. */
export function majorText(minor: number, digits: number): string {
  if (digits === 0) return String(minor);
  const s = String(Math.abs(minor)).padStart(digits + 1, '0');
  return `${minor < 0 ? '-' : ''}${s.slice(0, -digits)}.${s.slice(-digits)}`;
}
