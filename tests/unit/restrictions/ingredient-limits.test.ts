import { describe, expect, it } from 'vitest';
import { buildRestriction } from '@/lib/protocols/build-restriction';
import { ingredientLimitBreaches } from '@/lib/restrictions/ingredient-limits';
import type { IngredientLimit } from '@/lib/restrictions/types';
import { loadProtocols } from '@/seeds/protocols/load';

const WINE_LIMIT: IngredientLimit = {
  code: 'alcohol',
  maxGramsPerMeal: 60,
  reason: 'alcohol only in cooking amounts',
};
const wine = (gramsPerServing: number | null) => ({
  name: 'wine, dry white',
  gramsPerServing,
  tags: [{ code: 'alcohol', certainty: 'contains' as const }],
});
const carrot = { name: 'carrot', gramsPerServing: 80, tags: [] };

describe('ingredientLimitBreaches', () => {
  it.each([
    // grams per serving × portion against 60 g per meal
    [25, 2, false], // 50 g
    [30, 2, false], // exactly 60 g
    [31, 2, true], // 62 g
    [100, 0.5, false], // 50 g
    [100, 1, true], // a glass, not a splash
  ])('%d g a serving at %d servings per person: breached %s', (grams, portion, breached) => {
    const out = ingredientLimitBreaches([carrot, wine(grams)], [WINE_LIMIT], portion);
    expect(out.length > 0).toBe(breached);
  });

  it('adds up every food with the code and names them', () => {
    const sherry = { ...wine(20), name: 'sherry' };
    const out = ingredientLimitBreaches([wine(15), sherry], [WINE_LIMIT], 2);
    expect(out).toEqual([
      {
        code: 'alcohol',
        reason: 'alcohol only in cooking amounts',
        foods: ['wine, dry white', 'sherry'],
      },
    ]);
  });

  it('counts an unknown amount as over, never as 0', () => {
    expect(ingredientLimitBreaches([wine(null)], [WINE_LIMIT], 1)).toHaveLength(1);
  });

  it('a may-contain tag counts too, and a recipe without the code is untouched', () => {
    const trace = { ...wine(90), tags: [{ code: 'alcohol', certainty: 'may-contain' as const }] };
    expect(ingredientLimitBreaches([trace], [WINE_LIMIT], 1)).toHaveLength(1);
    expect(ingredientLimitBreaches([carrot], [WINE_LIMIT], 2)).toEqual([]);
  });
});

describe('AIP reintroduction: alcohol in cooking amounts (protocol data)', () => {
  const protocols = loadProtocols();
  const limitsOf = (phaseId: string) => {
    const built = buildRestriction({
      protocols,
      protocolId: 'aip',
      phaseId,
      diet: 'omnivore',
      allergens: [],
      avoid: [],
      dislikes: [],
    });
    if (!built.ok) throw new Error(built.message);
    return {
      excludesAlcohol: built.restriction.rules.some((r) => r.code === 'alcohol'),
      limits: built.restriction.ingredientLimits ?? [],
    };
  };

  it('elimination and stage 1 leave alcohol out altogether', () => {
    for (const phase of ['elimination', 'reintroduction-1']) {
      expect(limitsOf(phase).excludesAlcohol, phase).toBe(true);
    }
  });

  it('stages 2 and 3 allow it only up to a cooking amount per meal', () => {
    for (const phase of ['reintroduction-2', 'reintroduction-3']) {
      const { excludesAlcohol, limits } = limitsOf(phase);
      expect(excludesAlcohol, phase).toBe(false);
      expect(
        limits.map((l) => [l.code, l.maxGramsPerMeal]),
        phase,
      ).toEqual([['alcohol', 60]]);
      expect(limits[0]?.reason, phase).toMatch(/AIP .*cooking amounts/);
    }
  });

  it('stage 4 lifts the limit', () => {
    expect(limitsOf('reintroduction-4')).toEqual({ excludesAlcohol: false, limits: [] });
  });
});
