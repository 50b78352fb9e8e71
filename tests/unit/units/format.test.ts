import { describe, expect, it } from 'vitest';
import {
  formatExactWeight,
  formatPurchaseVolume,
  formatPurchaseWeight,
  formatQuarters,
} from '@/lib/units/format';
import { ceilTo, countUnits } from '@/lib/units/round';

describe('formatPurchaseWeight rounds up to something a counter sells', () => {
  it.each([
    [3, 'metric', '10 g'],
    [101, 'metric', '110 g'],
    [200, 'metric', '200 g'],
    [201, 'metric', '250 g'],
    [412, 'metric', '450 g'],
    [1000, 'metric', '1000 g'],
    [1001, 'metric', '1.1 kg'],
    [2000, 'metric', '2 kg'],
    [5, 'us', '1 oz'],
    [396, 'us', '14 oz'], // 13.97 oz
    [425, 'us', '15 oz'], // 14.99 oz
    [440, 'us', '1 lb'], // 15.5 oz
    [453, 'us', '1 lb'], // 0.999 lb
    [454, 'us', '1 1/4 lb'], // just over a pound
    [500, 'us', '1 1/4 lb'], // 1.10 lb
    [1000, 'us', '2 1/4 lb'], // 2.20 lb
  ] as const)('%d g (%s) → %s', (grams, units, text) => {
    expect(formatPurchaseWeight(grams, units)).toBe(text);
  });
});

describe('formatPurchaseVolume', () => {
  it.each([
    [1, 'metric', '5 ml'],
    [29.57, 'metric', '30 ml'],
    [51, 'metric', '60 ml'],
    [251, 'metric', '300 ml'],
    [1234, 'metric', '1.3 l'],
    [2.46, 'us', '1/2 tsp'], // 0.5 tsp
    [4.929, 'us', '1 tsp'],
    [14.787, 'us', '1 tbsp'],
    [29.574, 'us', '2 tbsp'],
    [36, 'us', '2 1/2 tbsp'], // 2.43 tbsp
    [37, 'us', '3 tbsp'], // 2.502 tbsp
    [59.1, 'us', '1/4 cup'], // 4 tbsp
    [236.6, 'us', '1 cup'],
    [300, 'us', '1 1/2 cups'], // 1.27 cups
  ] as const)('%d ml (%s) → %s', (ml, units, text) => {
    expect(formatPurchaseVolume(ml, units)).toBe(text);
  });
});

describe('formatExactWeight', () => {
  it.each([
    [390, 'metric', 'about 390 g'],
    [2.5, 'metric', 'about 2.5 g'],
    [1234, 'metric', 'about 1.23 kg'],
    [390, 'us', 'about 13.8 oz'],
    [1, 'us', 'about 0.04 oz'],
    [907.2, 'us', 'about 2 lb'],
  ] as const)('%d g (%s) → %s', (grams, units, text) => {
    expect(formatExactWeight(grams, units)).toBe(text);
  });
});

describe('rounding helpers', () => {
  it.each([
    [0.75, '3/4'],
    [1.5, '1 1/2'],
    [2, '2'],
    [0.25, '1/4'],
  ])('formatQuarters(%d) → %s', (value, text) => {
    expect(formatQuarters(value)).toBe(text);
  });

  it('rounds up, forgiving only float noise', () => {
    expect(ceilTo(2.0000000001, 0.5)).toBe(2);
    expect(ceilTo(2.0001, 0.5)).toBe(2.5);
    expect(ceilTo(2.1, 0.5)).toBe(2.5);
    expect(ceilTo(0, 10)).toBe(0);
    expect(() => ceilTo(1, 0)).toThrow();
  });

  it('counts at least one unit for any need', () => {
    expect(countUnits(1, 130)).toBe(1);
    expect(countUnits(390, 130)).toBe(3);
    expect(countUnits(391, 130)).toBe(4);
    expect(countUnits(400, 130)).toBe(4);
    expect(countUnits(0, 130)).toBe(0);
  });
});
