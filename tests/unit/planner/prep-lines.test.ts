import { describe, expect, it } from 'vitest';
import { type PrepMeal, prepLinesByDate } from '@/lib/planner/prep-lines';

const meal = (over: Partial<PrepMeal> & Pick<PrepMeal, 'date' | 'slot'>): PrepMeal => ({
  id: `${over.date}-${over.slot}`,
  leftoverOf: null,
  recipeSlug: 'everyday',
  recipeName: 'Everyday',
  prepMinutes: 10,
  cookMinutes: 20,
  activeMinutes: 15,
  passiveMinutes: 15,
  ...over,
});

const sauerkraut = {
  recipeSlug: 'homemade-ginger-sauerkraut',
  recipeName: 'Homemade ginger sauerkraut',
  prepMinutes: 30,
  cookMinutes: 0,
  activeMinutes: 15,
  passiveMinutes: 10_095,
};
const broth = {
  recipeSlug: 'chicken-bone-broth',
  recipeName: 'Chicken bone broth',
  prepMinutes: 20,
  cookMinutes: 720,
  activeMinutes: 40,
  passiveMinutes: 750,
};
const pork = {
  recipeSlug: 'kalua-pork',
  recipeName: 'Kalua pork',
  prepMinutes: 15,
  cookMinutes: 510,
  activeMinutes: 20,
  passiveMinutes: 505,
};

describe('prepLinesByDate', () => {
  it('puts each make-ahead meal’s prep on its latest start day, and nothing else', () => {
    const lines = prepLinesByDate([
      meal({ date: '2026-11-30', slot: 'lunch' }),
      meal({ date: '2026-12-06', slot: 'snack', ...sauerkraut }),
      meal({ date: '2026-12-03', slot: 'snack', ...broth }),
      meal({ date: '2026-12-02', slot: 'dinner', ...pork }),
      // a leftover of the pork: served from Wednesday's batch, no prep of its own
      meal({ date: '2026-12-03', slot: 'lunch', ...pork, leftoverOf: '2026-12-02-dinner' }),
    ]);
    expect([...lines.keys()]).toEqual(['2026-11-29', '2026-12-02']);
    // the sauerkraut's 7 days start the Sunday before the Sunday it is served
    expect(lines.get('2026-11-29')).toEqual([
      {
        recipeSlug: 'homemade-ginger-sauerkraut',
        recipeName: 'Homemade ginger sauerkraut',
        activeMinutes: 15,
        passiveMinutes: 10_095,
        passiveKind: 'ferment',
        readyOn: '2026-12-06',
        forMeal: '2026-12-06-snack',
      },
    ]);
    // the broth starts Wednesday evening for Thursday's snack; the pork Wednesday morning
    expect(lines.get('2026-12-02')!.map((l) => [l.forMeal, l.passiveKind])).toEqual([
      ['2026-12-03-snack', 'simmer'],
      ['2026-12-02-dinner', 'simmer'],
    ]);
  });

  it('counts prep + cook as hands-on minutes when they are unknown', () => {
    const lines = prepLinesByDate([
      meal({ date: '2026-12-01', slot: 'breakfast', activeMinutes: null, passiveMinutes: 480 }),
    ]);
    expect(lines.get('2026-11-30')![0]!.activeMinutes).toBe(30);
  });
});
