import { describe, expect, it } from 'vitest';
import { planToJson } from '@/lib/export/plan-json';
import { planToMarkdown, scaleIngredientText } from '@/lib/export/plan-markdown';
import { food, NDB, realFoods, recipeMap, sampleWeek } from '../shopping/fixtures';

describe('planToMarkdown', () => {
  const md = planToMarkdown({
    plan: sampleWeek(),
    recipes: recipeMap(),
    foods: realFoods(),
    baseUrl: 'https://villi.example',
  });
  const lines = md.split('\n');

  it('has the week title and a heading per day with its weekday', () => {
    expect(lines[0]).toBe('# Meal plan, week of Monday 30 November 2026');
    expect(lines.filter((l) => l.startsWith('## '))).toEqual([
      '## Monday 30 November 2026',
      '## Tuesday 1 December 2026',
      '## Wednesday 2 December 2026',
      '## Thursday 3 December 2026',
      '## Friday 4 December 2026',
      '## Saturday 5 December 2026',
      '## Sunday 6 December 2026',
    ]);
  });

  it('lists each meal with servings, scaled ingredients and steps', () => {
    const start = lines.indexOf('### Dinner: Sweet potato and kale hash');
    expect(start).toBeGreaterThan(0);
    const section = lines.slice(start, lines.indexOf('## Tuesday 1 December 2026'));
    expect(section).toContain('3 servings · prep 10 min · cook 20 min');
    expect(section).toContain('[Recipe page](https://villi.example/recipes/sweet-potato-hash)');
    // written for 4, cooked for 3: 2 cups kale (134 g) → 1 1/2 cups (100.5 g → 101 g)
    expect(section).toContain('- kale: 1 1/2 cup, chopped (101 g)');
    // 3 cloves garlic (9 g) → 2 1/4 cloves (6.75 g)
    expect(section).toContain('- garlic: 2 1/4 clove (6.8 g)');
    expect(section).toContain('1. Dice the sweet potatoes.');
  });

  it('points leftover meals back to the cooking meal instead of repeating the recipe', () => {
    const start = lines.indexOf('### Lunch: Sweet potato and kale hash (leftovers)');
    expect(start).toBeGreaterThan(0);
    expect(lines[start + 2]).toBe('1 serving of leftovers from Monday dinner; nothing to cook.');
    expect(lines[start + 4]).not.toBe('**Ingredients**');
  });

  it('says so when a day has nothing planned', () => {
    const friday = lines.indexOf('## Friday 4 December 2026');
    expect(lines[friday + 2]).toBe('Nothing planned.');
  });
});

describe('scaleIngredientText', () => {
  const kale = food(NDB.kale);
  it.each([
    ['2 cup, chopped', 134, 0.5, '1 cup, chopped (67 g)'],
    ['1/2 cup, chopped', 33.5, 3, '1 1/2 cup, chopped (101 g)'],
    ['134 g', 134, 0.5, '67 g'],
    ['2 handfuls', 134, 1, '134 g'],
  ])('%s × %d g × %d → %s', (text, grams, factor, expected) => {
    expect(scaleIngredientText({ ndb: NDB.kale, grams, text }, factor, kale)).toBe(expected);
  });
});

describe('planToJson', () => {
  it('embeds each meal’s recipe', () => {
    const parsed = JSON.parse(planToJson(sampleWeek(), recipeMap()));
    expect(parsed).toMatchObject({ format: 'villi-plan', version: 1 });
    const meals = parsed.plan.days.flatMap((d: { meals: unknown[] }) => d.meals);
    expect(meals).toHaveLength(6);
    expect(meals[1]).toMatchObject({
      id: '2026-11-30-dinner',
      recipe: { slug: 'sweet-potato-hash', servings: 4 },
    });
    expect(parsed.plan.days[0].date).toBe('2026-11-30');
  });
});
