import { describe, expect, it } from 'vitest';
import { describeMaxPortion, describeServes } from '../../../lib/fodmap/describe';

describe('describeServes', () => {
  it.each([
    [
      { greenMaxG: 30, subgroupsAbove: ['sorbitol'], unlimited: false },
      'low FODMAP up to 30 g (sorbitol above)',
    ],
    [
      { greenMaxG: 60, subgroupsAbove: ['perseitol'], unlimited: false },
      'low FODMAP up to 60 g (sorbitol above)',
    ],
    [
      { greenMaxG: 20, subgroupsAbove: ['fructose', 'sorbitol'], unlimited: false },
      'low FODMAP up to 20 g (fructose and sorbitol above)',
    ],
    [{ greenMaxG: 47, subgroupsAbove: [], unlimited: false }, 'low FODMAP up to 47 g'],
    [
      { greenMaxG: 0, subgroupsAbove: ['fructans'], unlimited: false },
      'not in the elimination phase (high in fructans; no low-FODMAP serve)',
    ],
    [
      { greenMaxG: null, subgroupsAbove: [], unlimited: false },
      'not in the elimination phase (no sourced low-FODMAP serve yet)',
    ],
    [{ greenMaxG: null, subgroupsAbove: [], unlimited: true }, 'no FODMAPs at usual serves'],
  ] as const)('%j → %s', (serves, text) => {
    expect(describeServes({ ...serves, subgroupsAbove: [...serves.subgroupsAbove] }, [])).toBe(
      text,
    );
  });

  it('speaks of rule tags when the table has no row, and says nothing for a plain food', () => {
    expect(describeServes(null, [{ code: 'fodmap-gos', certainty: 'contains' }])).toBe(
      'not in the elimination phase (FODMAPs by rule; no serving data)',
    );
    expect(describeServes(null, [{ code: 'poultry', certainty: 'contains' }])).toBeNull();
  });
});

describe('describeMaxPortion', () => {
  it.each([
    [1.1, 'fits at up to 1 serving per person'],
    [0.8, 'fits at up to 0.5 servings per person'],
    [1.5, 'fits at up to 1.5 servings per person'],
    [2.4, 'fits at up to 2 servings per person'],
  ])('%s → %s', (max, text) => {
    expect(describeMaxPortion(max)).toBe(text);
  });

  it('says nothing without a limit or when no planned portion fits', () => {
    expect(describeMaxPortion(null)).toBeNull();
    expect(describeMaxPortion(Number.POSITIVE_INFINITY)).toBeNull();
    expect(describeMaxPortion(0.4)).toBeNull();
  });
});
