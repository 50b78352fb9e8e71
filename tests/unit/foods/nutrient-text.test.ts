import { describe, expect, it } from 'vitest';
import { describeAmount, NO_DATA } from '@/lib/foods/nutrient-text';

describe('describeAmount', () => {
  it.each([
    [8.44, 'g', 0, '8.4 g'],
    [8.44, 'g', 1, 'at least 8.4 g (1 ingredient without data)'],
    [12, 'mg', 3, 'at least 12 mg (3 ingredients without data)'],
    [0, 'g', 2, 'at least 0 g (2 ingredients without data)'],
    [null, 'g', 2, NO_DATA],
    [null, 'g', 0, NO_DATA],
  ])('%s %s with %s unknown → %s', (value, unit, unknown, expected) => {
    expect(describeAmount(value, unit, unknown)).toBe(expected);
  });

  it('never shows a missing value as 0', () => {
    expect(describeAmount(null, 'g')).not.toMatch(/\b0\b/);
  });
});
