import { describe, expect, it } from 'vitest';
import { prepLineText } from '@/lib/export/prep-text';
import type { PrepLine } from '@/lib/planner/prep-lines';

const line = (over: Partial<PrepLine>): PrepLine => ({
  recipeSlug: 'x',
  recipeName: 'X',
  activeMinutes: 10,
  passiveMinutes: 480,
  passiveKind: null,
  readyOn: '2026-12-04',
  forMeal: '2026-12-04-snack',
  ...over,
});

describe('prepLineText', () => {
  it('says when to start a wait of days', () => {
    const sauerkraut = line({
      recipeName: 'Homemade Ginger Sauerkraut',
      activeMinutes: 15,
      passiveMinutes: 10_095,
      passiveKind: 'ferment',
    });
    expect(prepLineText(sauerkraut, '2026-11-27')).toBe(
      'Start the Homemade Ginger Sauerkraut — 15 min hands-on, ready Friday',
    );
  });

  it('says how long a wait of hours takes and what it is', () => {
    const broth = line({
      recipeName: 'Bone broth',
      activeMinutes: 40,
      passiveMinutes: 750,
      passiveKind: 'simmer',
      readyOn: '2026-12-03',
      forMeal: '2026-12-03-snack',
    });
    expect(prepLineText(broth, '2026-12-02')).toBe(
      'Bone broth: 40 min hands-on, 12.5 h simmer — ready Thursday',
    );
    const oats = line({
      recipeName: 'Overnight oats',
      readyOn: '2026-12-01',
      forMeal: '2026-12-01-breakfast',
    });
    expect(prepLineText(oats, '2026-11-30')).toBe(
      'Overnight oats: 10 min hands-on, 8 h unattended — ready Tuesday',
    );
  });

  it('says which meal it is for when it is ready the day it starts', () => {
    const pork = line({
      recipeName: 'Kalua pork',
      activeMinutes: 20,
      passiveMinutes: 505,
      passiveKind: 'simmer',
      readyOn: '2026-12-02',
      forMeal: '2026-12-02-dinner',
    });
    expect(prepLineText(pork, '2026-12-02')).toBe(
      'Kalua pork: 20 min hands-on, 8.5 h simmer — ready for dinner',
    );
  });
});
