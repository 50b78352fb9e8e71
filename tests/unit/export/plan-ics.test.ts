import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { planToIcs } from '@/lib/export/plan-ics';
import { makePlan, recipeMap, sampleWeek } from '../shopping/fixtures';

const BASE_URL = 'https://villi.example';
const GENERATED_AT = '2026-11-28T09:15:00Z';

function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('planToIcs', () => {
  const plan = sampleWeek();
  const ics = planToIcs({
    plan,
    recipes: recipeMap(),
    baseUrl: BASE_URL,
    generatedAt: GENERATED_AT,
  });
  const byUid = new Map(events(ics).map((e) => [e.uid, e]));
  const meals = plan.days.flatMap((d) => d.meals.map((m) => ({ ...m, date: d.date })));

  it('has one event per meal, leftovers included, with stable UIDs', () => {
    expect(byUid.size).toBe(meals.length);
    for (const meal of meals) expect(byUid.has(`plan-1-${meal.id}@villi`)).toBe(true);
  });

  it('titles meals by slot and recipe, leftovers marked', () => {
    expect(byUid.get('plan-1-2026-11-30-dinner@villi')?.summary).toBe(
      'Dinner: Sweet potato and kale hash',
    );
    expect(byUid.get('plan-1-2026-12-01-lunch@villi')?.summary).toBe(
      'Lunch: Sweet potato and kale hash (leftovers)',
    );
  });

  it.each([
    ['2026-11-30-breakfast', 2026, 11, 30, 8, 0, 30],
    ['2026-12-01-lunch', 2026, 12, 1, 12, 30, 30],
    ['2026-12-03-snack', 2026, 12, 3, 16, 0, 15],
    ['2026-12-01-dinner', 2026, 12, 1, 19, 0, 45],
  ])(
    '%s starts at the default meal time as floating local time',
    (id, y, mo, d, h, mi, minutes) => {
      const e = byUid.get(`plan-1-${id}@villi`)!;
      expect(e.startDate.toJSON()).toMatchObject({
        year: y,
        month: mo,
        day: d,
        hour: h,
        minute: mi,
      });
      expect(e.startDate.zone?.tzid).toBe('floating');
      expect(e.startDate.isDate).toBe(false);
      expect(e.duration.toSeconds()).toBe(minutes * 60);
    },
  );

  it('links to the recipe page in the URL and the description', () => {
    const e = byUid.get('plan-1-2026-12-02-dinner@villi')!;
    const url = e.component.getFirstPropertyValue('url');
    expect(url).toBe(`${BASE_URL}/recipes/salmon-spinach`);
    expect(e.description).toContain(`${BASE_URL}/recipes/salmon-spinach`);
    expect(e.description).toContain('2 servings');
    expect(byUid.get('plan-1-2026-12-01-lunch@villi')?.description).toContain('from Monday dinner');
  });

  it('stamps the given generation time and is byte-for-byte reproducible', () => {
    const stamp = byUid
      .get('plan-1-2026-11-30-dinner@villi')!
      .component.getFirstPropertyValue('dtstamp');
    expect(String(stamp)).toBe('2026-11-28T09:15:00Z');
    const again = planToIcs({
      plan,
      recipes: recipeMap(),
      baseUrl: `${BASE_URL}/`,
      generatedAt: GENERATED_AT,
    });
    expect(again).toBe(ics);
  });

  it('uses configured meal times and durations', () => {
    const custom = planToIcs({
      plan,
      recipes: recipeMap(),
      baseUrl: BASE_URL,
      generatedAt: GENERATED_AT,
      mealTimes: { dinner: '18:15' },
      mealMinutes: { dinner: 60 },
    });
    const e = events(custom).find((x) => x.uid === 'plan-1-2026-11-30-dinner@villi')!;
    expect([e.startDate.hour, e.startDate.minute]).toEqual([18, 15]);
    expect(e.duration.toSeconds()).toBe(3600);
  });

  it('rejects a malformed meal time or timestamp instead of guessing', () => {
    const input = { plan, recipes: recipeMap(), baseUrl: BASE_URL, generatedAt: GENERATED_AT };
    expect(() => planToIcs({ ...input, mealTimes: { lunch: '25:00' } })).toThrow(/HH:MM/);
    expect(() => planToIcs({ ...input, generatedAt: '2026-11-28 09:15' })).toThrow(/generatedAt/);
  });

  it('adds an all-day prep event on the day a make-ahead item’s prep starts', () => {
    const withPrep = planToIcs({
      plan,
      recipes: recipeMap(),
      baseUrl: BASE_URL,
      generatedAt: GENERATED_AT,
      prep: new Map([
        [
          '2026-12-02',
          [
            {
              recipeSlug: 'spiced-apples',
              recipeName: 'Spiced apples',
              activeMinutes: 10,
              passiveMinutes: 480,
              passiveKind: null,
              readyOn: '2026-12-03',
              forMeal: '2026-12-03-snack',
            },
          ],
        ],
      ]),
    });
    const all = events(withPrep);
    expect(all).toHaveLength(meals.length + 1);
    const e = all.find((x) => x.uid === 'plan-1-prep-2026-12-03-snack@villi')!;
    expect(e.summary).toBe('Prep: Spiced apples');
    expect(e.startDate.isDate).toBe(true);
    expect(e.startDate.toString()).toBe('2026-12-02');
    expect(e.endDate.toString()).toBe('2026-12-03');
    expect(e.description).toBe(
      `Spiced apples: 10 min hands-on, 8 h unattended — ready Thursday.\nRecipe: ${BASE_URL}/recipes/spiced-apples`,
    );
  });

  it('writes a valid empty calendar for an empty week', () => {
    const empty = planToIcs({
      plan: makePlan([]),
      recipes: recipeMap(),
      baseUrl: BASE_URL,
      generatedAt: GENERATED_AT,
    });
    expect(events(empty)).toHaveLength(0);
  });
});
