import { describe, expect, it } from 'vitest';
import {
  type DoseIngredient,
  foodsOverLimit,
  maxPortionOf,
  portionFits,
  servingLoads,
} from '../../../lib/fodmap/load';
import { foodLevel, rateServing } from '../../../lib/fodmap/rating';
import type { TagRef } from '../../../lib/restrictions/types';

/** FODMAP tags of a dosed food: high-fodmap plus its subgroups, all with the green serve. */
function dosed(green: number, subgroups: string[]): TagRef[] {
  const above = subgroups.length > 0 ? subgroups : ['high-fodmap'];
  return ['high-fodmap', ...subgroups].map((code) => ({
    code,
    certainty: 'contains' as const,
    greenMaxG: green,
    subgroupsAbove: above,
  }));
}

const ing = (ndb: string, grams: number | null, tags: TagRef[]): DoseIngredient => ({
  ndb,
  gramsPerServing: grams,
  tags,
});

const sweetPotato = (g: number) => ing('11507', g, dosed(75, ['fodmap-mannitol']));
const celery = (g: number) => ing('11143', g, dosed(10, ['fodmap-mannitol']));
const avocado = (g: number) => ing('09037', g, dosed(60, ['fodmap-sorbitol']));

describe('servingLoads (hand-computed)', () => {
  it('sums grams ÷ green serve per subgroup (stacking)', () => {
    // mannitol: 50/75 + 5/10 = 2/3 + 1/2 = 7/6; sorbitol: 20/60 = 1/3
    const loads = servingLoads([sweetPotato(50), celery(5), avocado(20)]);
    expect(loads.get('fodmap-mannitol')).toBeCloseTo(7 / 6, 12);
    expect(loads.get('fodmap-sorbitol')).toBeCloseTo(1 / 3, 12);
    expect(loads.size).toBe(2);
  });

  it('gives a dosed food without subgroups its own key', () => {
    const rice = ing('20037', 90, dosed(180, []));
    expect([...servingLoads([rice])]).toEqual([['food:20037', 0.5]]);
  });

  it('adds two lines of the same food', () => {
    const loads = servingLoads([sweetPotato(30), sweetPotato(45)]);
    expect(loads.get('fodmap-mannitol')).toBeCloseTo(1, 12);
  });

  it('ignores foods without a dose (a dose-aware restriction excludes them instead)', () => {
    const garlic = ing('11215', 3, [
      { code: 'high-fodmap', certainty: 'contains' },
      { code: 'fodmap-fructan', certainty: 'contains' },
    ]);
    const plain = ing('05006', 150, []);
    expect(servingLoads([garlic, plain]).size).toBe(0);
  });

  it('treats unknown grams of a dosed food as over every limit', () => {
    expect(
      servingLoads([sweetPotato(10), ing('11143', null, dosed(10, ['fodmap-mannitol']))]).get(
        'fodmap-mannitol',
      ),
    ).toBe(Number.POSITIVE_INFINITY);
    expect(maxPortionOf([ing('11143', null, dosed(10, ['fodmap-mannitol']))])).toBe(0);
  });
});

describe('maxPortionOf and portionFits', () => {
  it('is 1 ÷ the largest load', () => {
    // largest load 7/6 → 6/7 ≈ 0.857 servings per person
    const max = maxPortionOf([sweetPotato(50), celery(5), avocado(20)]);
    expect(max).toBeCloseTo(6 / 7, 12);
    expect(portionFits(0.75, max)).toBe(true);
    expect(portionFits(1, max)).toBe(false);
  });

  it('is unlimited when nothing is dosed', () => {
    expect(maxPortionOf([ing('05006', 150, [])])).toBe(Number.POSITIVE_INFINITY);
  });

  it('lets a portion of exactly the limit through', () => {
    // 37.5 g of a 75 g serve → max portion 2; 2 servings = exactly the green serve
    const max = maxPortionOf([sweetPotato(37.5)]);
    expect(max).toBe(2);
    expect(portionFits(2, max)).toBe(true);
  });
});

describe('foodsOverLimit', () => {
  it('names the foods of every broken limit, and none when the portion fits', () => {
    const recipe = [sweetPotato(50), celery(5), avocado(20)];
    // at 1 serving mannitol is 7/6 > 1: sweet potato and celery; sorbitol 1/3 is fine
    expect(foodsOverLimit(recipe, 1)).toEqual(['11507', '11143']);
    expect(foodsOverLimit(recipe, 0.75)).toEqual([]);
  });
});

describe('rateServing (green / amber / red per subgroup)', () => {
  const serves = { greenMaxG: 75, amberFromG: 100, redFromG: 112 };
  it.each([
    [75, 'green'],
    [90, 'amber'],
    [112, 'red'],
  ] as const)('sweet potato at %s g is %s', (grams, level) => {
    expect(foodLevel(grams, 75, serves)).toBe(level);
  });

  it('is red above the green serve when no amber or red serve is published', () => {
    expect(foodLevel(40, 35, { greenMaxG: 35, amberFromG: null, redFromG: null })).toBe('red');
  });

  it('is amber when each food is green but the subgroup stacks past the limit', () => {
    const rating = rateServing([
      { ...sweetPotato(50), name: 'sweet potato', serves },
      { ...celery(5), name: 'celery', serves: { greenMaxG: 10, amberFromG: 15, redFromG: null } },
    ]);
    expect(rating.subgroups).toEqual([
      {
        code: 'fodmap-mannitol',
        level: 'amber',
        load: 1.167,
        foods: [
          { ndb: '11507', name: 'sweet potato', grams: 50, greenMaxG: 75, level: 'green' },
          { ndb: '11143', name: 'celery', grams: 5, greenMaxG: 10, level: 'green' },
        ],
      },
    ]);
    expect(rating.level).toBe('amber');
    expect(rating.maxPortion).toBe(0.857);
  });

  it('rates a food with no green serve red and gives no limit from doses', () => {
    const rating = rateServing([
      {
        ndb: '11215',
        name: 'garlic',
        gramsPerServing: 3,
        tags: [{ code: 'fodmap-fructan', certainty: 'contains' }],
        serves: null,
      },
    ]);
    expect(rating.level).toBe('red');
    expect(rating.subgroups[0]?.load).toBeNull();
    expect(rating.maxPortion).toBeNull();
  });

  it('is green with no FODMAP foods', () => {
    expect(rateServing([{ ...ing('05006', 150, []), name: 'chicken', serves: null }])).toEqual({
      level: 'green',
      subgroups: [],
      maxPortion: null,
    });
  });
});
