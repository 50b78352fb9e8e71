import { describe, expect, it } from 'vitest';
import { planToJson } from '@/lib/export/plan-json';
import { planToMarkdown, scaleIngredientText } from '@/lib/export/plan-markdown';
import {
  food,
  makeMeal,
  makePlan,
  NDB,
  realFoods,
  recipeMap,
  sampleWeek,
} from '../shopping/fixtures';

describe('planToMarkdown', () => {
  // a household of 2: the hash dinner is 2 servings eaten plus 1 for Tuesday's leftover lunch
  const md = planToMarkdown({
    plan: sampleWeek(),
    recipes: recipeMap(),
    foods: realFoods(),
    baseUrl: 'https://villi.example',
    householdSize: 2,
    plants: 24,
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

  it('counts the week’s plants and says the evidence is observational', () => {
    expect(lines[2]).toBe(
      '24 different plants this week. Eating many different plants is associated with a more varied gut microbiome (observational studies).',
    );
    const old = planToMarkdown({
      plan: sampleWeek(),
      recipes: recipeMap(),
      foods: realFoods(),
      householdSize: 2,
    });
    expect(old).not.toMatch(/plants this week/);
  });

  it('lists each meal with what to cook, each person’s portion, the batch’s ingredients and steps', () => {
    const start = lines.indexOf('### Dinner: Sweet potato and kale hash');
    expect(start).toBeGreaterThan(0);
    const section = lines.slice(start, lines.indexOf('## Tuesday 1 December 2026'));
    // 3 servings of a recipe for 4: the whole recipe, 1 serving spare; 2 eaten by 2 people
    expect(section).toContain(
      'cook 1 recipe (4 servings), 1 serving spare · 1 serving each · prep 10 min · cook 20 min',
    );
    expect(section).toContain('[Recipe page](https://villi.example/recipes/sweet-potato-hash)');
    // the whole recipe, as the shopping list buys it: 2 cups kale (134 g), 3 cloves garlic (9 g)
    expect(section).toContain('- kale: 2 cup, chopped (134 g)');
    expect(section).toContain('- garlic: 3 clove (9 g)');
    expect(section).toContain('1. Dice the sweet potatoes.');
  });

  it('scales the ingredients to half a recipe when that covers the meal', () => {
    const half = planToMarkdown({
      plan: makePlan([makeMeal('2026-11-30', 'dinner', 'sweet-potato-hash', { servings: 1.5 })]),
      recipes: recipeMap(),
      foods: realFoods(),
      householdSize: 1,
    }).split('\n');
    expect(half).toContain(
      'cook ½ recipe (2 servings), ½ serving spare · 1½ servings each · prep 10 min · cook 20 min',
    );
    expect(half).toContain('- kale: 1 cup, chopped (67 g)');
    expect(half).toContain('- garlic: 1 1/2 clove (4.5 g)');
  });

  it('points leftover meals back to the cooking meal instead of repeating the recipe', () => {
    const start = lines.indexOf('### Lunch: Sweet potato and kale hash (leftovers)');
    expect(start).toBeGreaterThan(0);
    expect(lines[start + 2]).toBe(
      '1 serving of leftovers from Monday dinner (½ serving each); nothing to cook.',
    );
    expect(lines[start + 4]).not.toBe('**Ingredients**');
  });

  it('says so when a day has nothing planned', () => {
    const friday = lines.indexOf('## Friday 4 December 2026');
    expect(lines[friday + 2]).toBe('Nothing planned.');
  });
});

describe('planToMarkdown with make-ahead prep', () => {
  it('lists the prep that starts each day before its meals', () => {
    const md = planToMarkdown({
      plan: sampleWeek(),
      recipes: recipeMap(),
      foods: realFoods(),
      householdSize: 2,
      prep: new Map([
        [
          '2026-11-30',
          [
            {
              recipeSlug: 'spiced-apples',
              recipeName: 'Spiced apples',
              activeMinutes: 15,
              passiveMinutes: 3 * 1440,
              passiveKind: 'ferment',
              readyOn: '2026-12-03',
              forMeal: '2026-12-03-snack',
            },
          ],
        ],
      ]),
    });
    const lines = md.split('\n');
    const monday = lines.indexOf('## Monday 30 November 2026');
    expect(lines.slice(monday + 1, monday + 6)).toEqual([
      '',
      '**Prep today**',
      '',
      '- Start the Spiced apples — 15 min hands-on, ready Thursday',
      '',
    ]);
    expect(lines.filter((l) => l === '**Prep today**')).toHaveLength(1);
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
  it('embeds each meal’s recipe, what to cook and each person’s portion', () => {
    const parsed = JSON.parse(planToJson(sampleWeek(), recipeMap(), { householdSize: 2 }));
    expect(parsed).toMatchObject({ format: 'villi-plan', version: 1 });
    const meals = parsed.plan.days.flatMap((d: { meals: unknown[] }) => d.meals);
    expect(meals).toHaveLength(6);
    expect(meals[1]).toMatchObject({
      id: '2026-11-30-dinner',
      recipe: { slug: 'sweet-potato-hash', servings: 4 },
      cook: {
        recipeMultiple: 1,
        servings: 4,
        spareServings: 1,
        text: 'cook 1 recipe (4 servings)',
        spareText: '1 serving spare',
      },
      portionText: '1 serving each',
    });
    expect(meals[2]).toMatchObject({
      id: '2026-12-01-lunch',
      cook: null,
      portionText: '½ serving each',
    });
    expect(parsed.plan.householdSize).toBe(2);
    expect(parsed.plan.days[0].date).toBe('2026-11-30');
  });
});
