/** RPW's speed labels ("speed actual"), fastest first. */
export const SPEEDS = ['Less than one hour', 'Same day', 'Next day', '2 days', '3-5 days', '6 days or more'] as const;
export type Speed = (typeof SPEEDS)[number];

/** Not eligible for SmaRT: slower than five days (PRODUCT.md 5.5). */
export const TOO_SLOW_FOR_SMART: Speed = '6 days or more';

const BY_LOWER = new Map<string, Speed>(SPEEDS.map((s) => [s.toLowerCase(), s]));

/** The label as RPW spells it, whatever the case and spacing of the input; undefined when it is not one. */
export function speedLabel(text: string): Speed | undefined {
  return BY_LOWER.get(text.trim().replace(/\s+/g, ' ').toLowerCase());
}
