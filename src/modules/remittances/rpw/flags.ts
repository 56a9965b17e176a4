import { compareDecimal } from '../money-text.js';

/** What is odd in a survey, counted as its rows are checked. */
export interface RpwFlags {
  /** `transparent` is no. */
  not_transparent: number;
  /** Offered rate blank or zero at USD 200. */
  rate_missing: number;
  /** Offered rate 1 where the reference rate is far from 1: a placeholder. */
  rate_placeholder: number;
  /** Offered rate above the reference rate (parallel rates): kept as it is. */
  negative_margin: number;
}

export type RpwCounts = RpwFlags & { not_comparable: number };

export const noCounts = (): RpwCounts => ({ not_comparable: 0, not_transparent: 0, rate_missing: 0, rate_placeholder: 0, negative_margin: 0 });

/**
 * Counts one row the way the view remittance_quote_costs judges it (comparable_200 and the USD 200
 * margin), with exact decimal comparisons: counted here, in the worker thread, instead of by a
 * second pass over the loaded rows. A test holds the two to the same answer.
 */
export function countRow(counts: RpwCounts, transparent: boolean | null, rate200: string | null, reference: string): void {
  const missing = rate200 === null || compareDecimal(rate200, '0') === 0;
  const placeholder = !missing && compareDecimal(rate200, '1') === 0 && (compareDecimal(reference, '1.5') > 0 || compareDecimal(reference, '0.5') < 0);
  const comparable = transparent !== false && !missing && !placeholder;
  if (transparent === false) counts.not_transparent++;
  if (missing) counts.rate_missing++;
  if (placeholder) counts.rate_placeholder++;
  if (!comparable) counts.not_comparable++;
  else if (compareDecimal(rate200!, reference) > 0) counts.negative_margin++;
}
