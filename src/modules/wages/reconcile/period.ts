import { z } from 'zod';
import { AppError } from '../../../core/errors.js';

export const Period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM').describe('The month reconciled, YYYY-MM');
export const IsoDate = z.iso.date().describe('YYYY-MM-DD');

export const today = () => new Date().toISOString().slice(0, 10);

/** First day of the month, as PostgreSQL takes it. */
export function monthStart(period: string): string {
  if (!Period.safeParse(period).success) throw new AppError('validation_failed', `Period ${period} is not a month`, [{ field: 'period', message: 'expected YYYY-MM' }]);
  return `${period}-01`;
}

export function checkDate(date: string, field: string): string {
  if (!IsoDate.safeParse(date).success) throw new AppError('validation_failed', `${date} is not a date`, [{ field, message: 'expected YYYY-MM-DD' }]);
  return date;
}
