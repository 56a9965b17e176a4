/** Calendar arithmetic on date strings, in whole days, without Date or time zones. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function realDate(y: string, m: string, d: string): string | undefined {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${y}-${m}-${d}`;
}

/** `YYYY-MM-DD` that names a real day, returned as is; otherwise undefined. */
export function parseIsoDate(text: string): string | undefined {
  const m = ISO_DATE.exec(text);
  return m ? realDate(m[1]!, m[2]!, m[3]!) : undefined;
}

/** `YYYYMMDD` that names a real day, returned as `YYYY-MM-DD`. */
export function parseCompactDate(text: string): string | undefined {
  const m = COMPACT_DATE.exec(text);
  return m ? realDate(m[1]!, m[2]!, m[3]!) : undefined;
}

/** `HHMM` on a 24-hour clock, returned as `HH:MM`. */
export function parseHhmm(text: string): string | undefined {
  if (!/^\d{4}$/.test(text)) return undefined;
  const hours = Number(text.slice(0, 2));
  const minutes = Number(text.slice(2));
  return hours <= 23 && minutes <= 59 ? `${text.slice(0, 2)}:${text.slice(2)}` : undefined;
}

/** Days since 1970-01-01 of a valid `YYYY-MM-DD` (Howard Hinnant's days_from_civil). */
export function dayNumber(isoDate: string): number {
  let y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  const d = Number(isoDate.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Days from start to end, both included. */
export function inclusiveDays(start: string, end: string): number {
  return dayNumber(end) - dayNumber(start) + 1;
}
