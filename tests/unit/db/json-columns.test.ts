import { describe, expect, it } from 'vitest';
import { nutrientsColumn, tableSubgroupsColumn, tagSubgroupsColumn } from '@/lib/foods/columns';
import {
  complianceReasonsColumn,
  mealTypesColumn,
  nutritionFromColumn,
  nutritionUnknownColumn,
  tagCausesColumn,
} from '@/lib/recipes/columns';

describe('stored JSON columns', () => {
  it('an older row without a value reads as the empty value', () => {
    expect(nutrientsColumn.parse(null)).toEqual({});
    expect(tableSubgroupsColumn.parse(undefined)).toEqual([]);
    expect(mealTypesColumn.parse(null)).toEqual([]);
    expect(nutritionUnknownColumn.parse(null)).toEqual({});
    expect(nutritionFromColumn.parse(undefined)).toBeNull();
    expect(tagCausesColumn.parse(null)).toEqual([]);
    expect(complianceReasonsColumn.parse(null)).toEqual([]);
  });

  it('keeps unknown nutrients as null and a dose-free tag without subgroups', () => {
    expect(nutrientsColumn.parse({ energyKcal: 52, vitaminDUg: null })).toEqual({
      energyKcal: 52,
      vitaminDUg: null,
    });
    expect(tagSubgroupsColumn.parse(null)).toBeNull();
    expect(tagSubgroupsColumn.parse(['fodmap-sorbitol'])).toEqual(['fodmap-sorbitol']);
  });

  it('refuses a value of the wrong shape instead of passing it on', () => {
    expect(() => nutrientsColumn.parse({ energyKcal: '52' })).toThrow();
    expect(() => tableSubgroupsColumn.parse(['sugar'])).toThrow();
    expect(() => complianceReasonsColumn.parse([{ code: 'x' }])).toThrow();
  });
});
