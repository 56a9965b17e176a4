/**
 * The repayment schedule of a loan, exact (docs/loans.md "Schedule"): amounts are integer minor
 * units, the rate is a decimal (decimal.js), never a float.
 *   monthly rate  r = annual_rate_bp / 10000 / 12
 *   instalment    A = P x r / (1 - (1 + r)^-n), or P / n when r = 0, rounded half up to the minor unit
 *   each month    interest = round_half_up(balance x r); principal = min(A - interest, balance)
 *   last month    principal = the whole remaining balance (it absorbs the rounding)
 * So the principal parts add up to P exactly and the balance never goes below zero.
 */
import { Decimal } from 'decimal.js';

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export interface ScheduledInstalment {
  seq: number;
  /** First day of the wage month, YYYY-MM-01. */
  due_month: string;
  principal_minor: number;
  interest_minor: number;
  amount_minor: number;
  /** Principal still owed after this instalment. */
  balance_after_minor: number;
}

export const monthlyRate = (annualRateBp: number) => new D(annualRateBp).div(10000).div(12);

/** The annuity payment, rounded half up to the minor unit. */
export function annuityMinor(principalMinor: number, annualRateBp: number, months: number): number {
  const r = monthlyRate(annualRateBp);
  const p = new D(principalMinor);
  const a = r.isZero() ? p.div(months) : p.mul(r).div(new D(1).minus(r.plus(1).pow(-months)));
  return a.toDecimalPlaces(0, D.ROUND_HALF_UP).toNumber();
}

/** YYYY-MM-01 plus k months. */
export function addMonths(month: string, k: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const t = y * 12 + (m - 1) + k;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}-01`;
}

export function schedule(principalMinor: number, annualRateBp: number, months: number, firstMonth: string): ScheduledInstalment[] {
  if (!Number.isSafeInteger(principalMinor) || principalMinor < 0) throw new RangeError('principal must be a non-negative integer of minor units');
  if (!Number.isInteger(months) || months < 1) throw new RangeError('term must be at least one month');
  const r = monthlyRate(annualRateBp);
  const a = annuityMinor(principalMinor, annualRateBp, months);
  let balance = principalMinor;
  const out: ScheduledInstalment[] = [];
  for (let seq = 1; seq <= months; seq++) {
    const interest = new D(balance).mul(r).toDecimalPlaces(0, D.ROUND_HALF_UP).toNumber();
    const principal = seq === months ? balance : Math.max(0, Math.min(a - interest, balance));
    balance -= principal;
    out.push({
      seq,
      due_month: addMonths(firstMonth, seq - 1),
      principal_minor: principal,
      interest_minor: interest,
      amount_minor: principal + interest,
      balance_after_minor: balance,
    });
  }
  return out;
}

/** The largest instalment of the schedule: what the cap on the share of the wage is checked against. */
export const largestInstalment = (rows: ScheduledInstalment[]) => rows.reduce((m, r) => Math.max(m, r.amount_minor), 0);
