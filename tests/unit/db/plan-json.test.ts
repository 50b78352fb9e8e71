import { describe, expect, it } from 'vitest';
import { EMPTY_DAY_TOTALS, explanationJson, storedScoreJson } from '@/db/queries/plan-json';

const totals = {
  energyKcal: 1900,
  proteinG: 80,
  fiberG: 30,
  carbsG: 200,
  targets: { energyKcal: 2000, proteinG: 75, fiberG: 28 },
  energyInBand: true,
  proteinMet: true,
  fiberMet: true,
};

describe('plan JSON columns read through their schemas', () => {
  it('reads a current score unchanged', () => {
    const stored = {
      score: {
        total: 3,
        parts: {
          energy: 1,
          protein: 0,
          fiber: 0,
          carbs: 0,
          inflammation: 2,
          variety: 0,
          ingredients: 0,
          micronutrients: 0,
        },
        distinctIngredients: 31,
      },
      totals: { '2026-11-30': { ...totals, sodiumMg: { total: 1800, max: 2300 } } },
      challenges: {
        '2026-11-30-breakfast': {
          challengeId: 'lactose',
          food: 'Lactose (milk)',
          ndb: '01077',
          doseG: 61,
          words: '¼ cup milk',
          day: 1,
          days: 3,
          slot: 'breakfast',
        },
      },
      washout: ['2026-12-03'],
    };
    expect(storedScoreJson.parse(stored)).toEqual(stored);
  });

  it('gives an old row defaults: no score, no totals, no challenges, a day without carbs or flags', () => {
    expect(storedScoreJson.parse({})).toEqual({
      score: null,
      totals: {},
      challenges: {},
      washout: [],
    });
    const day = storedScoreJson.parse({
      totals: { '2026-11-30': { energyKcal: 1900, proteinG: 80, fiberG: 30 } },
    }).totals['2026-11-30'];
    expect(day).toMatchObject({ carbsG: 0, energyInBand: false, proteinMet: false });
    expect(EMPTY_DAY_TOTALS).toMatchObject({ energyKcal: 0, targets: { energyKcal: 0 } });
  });

  it('drops fields a later release no longer knows', () => {
    const parsed = storedScoreJson.parse({ totals: { d: { ...totals, retired: 1 } } });
    expect(parsed.totals.d).not.toHaveProperty('retired');
  });

  it('refuses a corrupt value rather than hiding it', () => {
    expect(() => storedScoreJson.parse({ totals: { d: { energyKcal: 'lots' } } })).toThrow();
  });

  it('defaults a missing meal explanation', () => {
    expect(explanationJson.parse(undefined)).toEqual({ total: 0, parts: [] });
  });
});
