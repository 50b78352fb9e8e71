import { describe, expect, it } from 'vitest';
import type { ServingRow } from '../../../lib/fodmap/table';
import { applyServingRow } from '../../../lib/fodmap/tags';
import type { FoodTagging } from '../../../lib/foods/types';

function row(over: Partial<ServingRow>): ServingRow {
  return {
    food: 'Test food',
    usdaHint: '',
    greenMaxG: 30,
    amberFromG: null,
    redFromG: null,
    subgroupsAbove: [],
    unlimited: false,
    source: 'https://example.org',
    note: '[tertiary] test',
    tier: 'tertiary',
    ...over,
  };
}

const base: FoodTagging = {
  allergens: [],
  tags: [
    { code: 'nightshade', certainty: 'contains', rationale: 'r', source: 'rule-a' },
    { code: 'high-fodmap', certainty: 'contains', rationale: 'r', source: 'rule-b' },
    { code: 'fodmap-fructan', certainty: 'contains', rationale: 'r', source: 'rule-b' },
    { code: 'fructan-onion', certainty: 'contains', rationale: 'r', source: 'rule-b' },
    { code: 'fodmap-gos', certainty: 'may-contain', rationale: 'r', source: 'rule-c' },
  ],
  inflammation: { class: 'neutral', rationale: 'r', evidence: 'weak', source: 'x' },
};

const summary = (t: FoodTagging) =>
  t.tags.map((x) => [x.code, x.certainty, x.greenMaxG ?? null, x.subgroupsAbove ?? null]);

describe('applyServingRow', () => {
  it('leaves a food without a row as the rules tagged it', () => {
    expect(applyServingRow(base, undefined)).toBe(base);
  });

  it('removes every FODMAP tag of an unlimited food and keeps the others', () => {
    expect(summary(applyServingRow(base, row({ unlimited: true, greenMaxG: 500 })))).toEqual([
      ['nightshade', 'contains', null, null],
    ]);
  });

  it('gives the row subgroups with the green serve; perseitol counts as sorbitol', () => {
    const out = applyServingRow(base, row({ greenMaxG: 60, subgroupsAbove: ['perseitol'] }));
    expect(summary(out)).toEqual([
      ['nightshade', 'contains', null, null],
      ['high-fodmap', 'contains', 60, ['fodmap-sorbitol']],
      ['fodmap-sorbitol', 'contains', 60, ['fodmap-sorbitol']],
    ]);
    expect(out.tags[1]?.source).toBe('fodmap-servings:Test food');
  });

  it('keeps a fructan part the rules found when the row names fructans, dosed alike', () => {
    const out = applyServingRow(base, row({ greenMaxG: 75, subgroupsAbove: ['fructans', 'GOS'] }));
    expect(summary(out)).toEqual([
      ['nightshade', 'contains', null, null],
      ['high-fodmap', 'contains', 75, ['fodmap-fructan', 'fodmap-gos']],
      ['fodmap-fructan', 'contains', 75, ['fodmap-fructan', 'fodmap-gos']],
      ['fodmap-gos', 'contains', 75, ['fodmap-fructan', 'fodmap-gos']],
      ['fructan-onion', 'contains', 75, ['fodmap-fructan', 'fodmap-gos']],
    ]);
  });

  it('gives a dose-limited high-fodmap tag to a row with a green serve but no subgroups', () => {
    expect(summary(applyServingRow(base, row({ greenMaxG: 20 })))).toEqual([
      ['nightshade', 'contains', null, null],
      ['high-fodmap', 'contains', 20, ['high-fodmap']],
    ]);
  });

  it.each([
    ['0', 0],
    ['blank', null],
  ])('a green serve of %s gives the tags without a dose', (_label, green) => {
    const out = applyServingRow(base, row({ greenMaxG: green, subgroupsAbove: ['fructans'] }));
    expect(summary(out)).toEqual([
      ['nightshade', 'contains', null, null],
      ['high-fodmap', 'contains', null, null],
      ['fodmap-fructan', 'contains', null, null],
      ['fructan-onion', 'contains', null, null],
    ]);
    expect(out.tags[1]?.rationale).toMatch(/not in the elimination phase/);
  });
});
