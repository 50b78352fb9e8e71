/** Shown where USDA SR21 has no value for a nutrient: unknown, never 0. */
export const NO_DATA = 'no data';

const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * A summed amount in words. `unknown` ingredients had no value, so the known sum is a lower
 * bound: "at least 8.4 g (1 ingredient without data)". With nothing known: "no data".
 */
export function describeAmount(value: number | null, unit: string, unknown = 0): string {
  if (value === null) return NO_DATA;
  const amount = `${round1(value)} ${unit}`;
  if (unknown <= 0) return amount;
  return `at least ${amount} (${unknown} ${unknown === 1 ? 'ingredient' : 'ingredients'} without data)`;
}
