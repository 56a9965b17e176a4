/** RPW's speed labels ("speed actual"), fastest first. */
export const SPEEDS = ['Less than one hour', 'Same day', 'Next day', '2 days', '3-5 days', '6 days or more'] as const;
export type Speed = (typeof SPEEDS)[number];

/** Not eligible for SmaRT: slower than five days (PRODUCT.md 5.5). */
export const TOO_SLOW_FOR_SMART: Speed = '6 days or more';

const BY_LOWER = new Map<string, Speed>(SPEEDS.map((s) => [s.toLowerCase(), s]));

/** The label as RPW spells it, whatever the case and spacing of the input; undefined when it is not one. */
export function speedLabel(text: string): Speed | undefined {
  // A survey repeats the same few spellings on every row: each is normalised once.
  let label = SEEN.get(text);
  if (label === undefined && !SEEN.has(text)) {
    label = BY_LOWER.get(text.trim().replace(/\s+/g, ' ').toLowerCase());
    if (SEEN.size < 1000) SEEN.set(text, label);
  }
  return label;
}
const SEEN = new Map<string, Speed | undefined>();
