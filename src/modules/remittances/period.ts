import { z } from 'zod';

const QUARTER = /^([0-9]{4})_([1-4])Q$/;

/** A quarter as RPW writes it: 2025_1Q. */
export const Period = z.string().regex(QUARTER, 'expected a quarter as YYYY_nQ, e.g. 2025_1Q');

export const isPeriod = (text: string) => QUARTER.test(text);

/** The quarter a day falls in, in RPW's form. */
export function periodOf(day: Date): string {
  return `${day.getUTCFullYear()}_${Math.floor(day.getUTCMonth() / 3) + 1}Q`;
}

/** Sorts quarters in time order (the text order already is, but say so once). */
export const byPeriod = (a: string, b: string) => a.localeCompare(b);
