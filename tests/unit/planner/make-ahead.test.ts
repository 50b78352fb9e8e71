import { describe, expect, it } from 'vitest';
import { generatePlan } from '@/lib/planner/generate-plan';
import { isMakeAhead, leadDays, passiveKindOf } from '@/lib/planner/make-ahead';
import { getModel } from '@/lib/planner/model';
import { createRng } from '@/lib/planner/rng';
import { alternativesReport, applySwap, rankAlternatives } from '@/lib/planner/swap';
import type { PlannedMeal, PlannerInput, PlanResult } from '@/lib/planner/types';
import {
  hardRuleProblems,
  MAKE_AHEAD_CATALOG,
  makeInput,
  makeProfile,
  makeRecipe,
} from './fixtures';

/** Times of a recipe: hands-on and unattended minutes (prep + cook only when active is unknown). */
const times = (active: number | null, passive: number, cook = 0) => ({
  activeMinutes: active,
  passiveMinutes: passive,
  prepMinutes: 10,
  cookMinutes: cook,
});

describe('leadDays (serve 07:00 / 12:00 / 15:00 / 18:00, prep starts 07:00–21:00)', () => {
  it('is 0 for a recipe under six hours unattended, whatever the slot', () => {
    for (const slot of ['breakfast', 'lunch', 'snack', 'dinner'] as const) {
      expect(leadDays(slot, times(30, 359))).toBe(0);
      expect(leadDays(slot, { ...times(30, 0), passiveMinutes: null })).toBe(0);
    }
    expect(isMakeAhead(times(5, 359))).toBe(false);
    expect(isMakeAhead(times(5, 360))).toBe(true);
  });

  it('overnight oats for breakfast (10 + 480 min): start 22:50 → 21:00 the evening before: 1', () => {
    expect(leadDays('breakfast', times(10, 480))).toBe(1);
  });

  it('a slow-cooker pork of 20 + 505 min for dinner starts at 09:15 that day: 0', () => {
    expect(leadDays('dinner', times(20, 505))).toBe(0);
    // the same pork for lunch: 03:15 → 21:00 the evening before
    expect(leadDays('lunch', times(20, 505))).toBe(1);
  });

  it('a start at 07:00 or 21:00 exactly stays on its day', () => {
    // dinner 18:00 − 660 min = 07:00
    expect(leadDays('dinner', times(60, 600))).toBe(0);
    // dinner 18:00 − 1260 min = 21:00 the day before
    expect(leadDays('dinner', times(60, 1200))).toBe(1);
    // one minute more: 06:59 → 21:00 the evening before
    expect(leadDays('dinner', times(60, 601))).toBe(1);
    // one minute less: 21:01 → 21:00 that same evening, still the day before
    expect(leadDays('dinner', times(60, 1199))).toBe(1);
  });

  it('a bone broth (40 + 750 min) for a snack starts at 01:50 → 21:00 the evening before: 1', () => {
    expect(leadDays('snack', times(40, 750, 720))).toBe(1);
  });

  it('kimchi (45 + 3000 min) for a snack: 12:15 two days before: 2', () => {
    expect(leadDays('snack', times(45, 3000))).toBe(2);
  });

  it('a sauerkraut of a week (15 + 10 095 min) for a snack: 7, longer than a plan’s week', () => {
    expect(leadDays('snack', times(15, 10_095))).toBe(7);
  });

  it('unknown hands-on minutes count prep + cook', () => {
    // 10 + 0 + 480 = 490 min before 07:00: 22:50 → 21:00 the evening before
    expect(leadDays('breakfast', times(null, 480))).toBe(1);
    // dinner: 18:00 − (10 + 420 + 420) = 03:50 → 1; with 0 cook: 18:00 − 430 = 10:50 → 0
    expect(leadDays('dinner', times(null, 420, 420))).toBe(1);
    expect(leadDays('dinner', times(null, 420, 0))).toBe(0);
  });
});

describe('passiveKindOf', () => {
  it('calls a wait mostly on the heat a simmer, days without heat a ferment, else nothing', () => {
    expect(passiveKindOf(times(40, 750, 720))).toBe('simmer');
    expect(passiveKindOf(times(45, 3000, 0))).toBe('ferment');
    expect(passiveKindOf(times(10, 480, 0))).toBeNull();
    expect(passiveKindOf(times(25, 660, 240))).toBeNull();
  });
});

/** Breakfast, lunch and dinner plus a snack, from the make-ahead fixture catalog. */
function inputWithSnacks(): PlannerInput {
  return makeInput({
    recipes: MAKE_AHEAD_CATALOG,
    profile: makeProfile({
      slots: ['breakfast', 'lunch', 'dinner', 'snack'],
      maxMinutes: { weekday: 60, weekend: 90 },
    }),
  });
}

function planOf(input: PlannerInput) {
  const result = generatePlan(input, createRng(3));
  if (!result.ok) throw new Error(`expected a plan: ${result.diagnosis.suggestions.join('; ')}`);
  return result.plan;
}

describe('make-ahead recipes in the planner', () => {
  const input = inputWithSnacks();
  const plan = planOf(input);
  const m = getModel(input);
  const snack = m.slots.indexOf('snack');
  const slugOf = (r: number) => input.recipes[r]!.slug;
  const mealOn = (day: number, slot: string): PlannedMeal =>
    plan.days[day]!.meals.find((x) => x.slot === slot)!;

  it('offers a make-ahead recipe at a cell only from the day its prep fits the week', () => {
    const on = (d: number) => [...m.cellCandidates[d * m.nSlots + snack]!].map(slugOf);
    for (let d = 0; d < 7; d++) {
      expect(on(d).includes('quick-kimchi')).toBe(d >= 2);
      expect(on(d).includes('curtido')).toBe(d >= 4);
      expect(on(d).includes('ginger-carrots')).toBe(d >= 6);
      expect(on(d)).not.toContain('long-sauerkraut');
    }
    const breakfast = m.slots.indexOf('breakfast');
    expect([...m.cellCandidates[breakfast]!].map(slugOf)).not.toContain('overnight-oats');
    expect([...m.cellCandidates[m.nSlots + breakfast]!].map(slugOf)).toContain('overnight-oats');
    // the marinated main is ready for Monday's dinner (started 07:40), not for its lunch
    expect([...m.cellCandidates[m.dinner]!].map(slugOf)).toContain('marinated-chicken');
    expect([...m.cellCandidates[m.lunch]!].map(slugOf)).not.toContain('marinated-chicken');
  });

  it('plans a week that keeps every hard rule, readiness included', () => {
    expect(hardRuleProblems(input, plan)).toEqual([]);
  });

  it('refuses a swap onto a day too early, with its code and what the recipe needs', () => {
    const meal = mealOn(1, 'snack');
    const result = applySwap(input, plan, meal.id, 'curtido');
    expect(result).toEqual({
      ok: false,
      code: 'not-ready',
      message:
        "curtido needs 4 days to ferment before a snack and its prep starts within the plan's week: the first snack it can be is on 2026-12-04.",
    });
    const never = applySwap(input, plan, mealOn(6, 'snack').id, 'long-sauerkraut');
    expect(never.ok).toBe(false);
    if (never.ok) return;
    expect(never.code).toBe('not-ready');
    expect(never.message).toBe(
      'long-sauerkraut needs 8 days to ferment before a snack, longer than the 7 days of the plan, in which its prep must start.',
    );
    const oats = applySwap(input, plan, mealOn(0, 'breakfast').id, 'overnight-oats');
    expect(oats.ok).toBe(false);
    if (!oats.ok) expect(oats.message).toContain('needs 1 day ahead before a breakfast');
  });

  it('leaves unready recipes out of the alternatives and counts them', () => {
    const id = mealOn(1, 'snack').id;
    const offered = rankAlternatives(input, plan, id, 100).map((a) => a.recipeSlug);
    for (const slug of ['curtido', 'ginger-carrots', 'long-sauerkraut', 'quick-kimchi']) {
      expect(offered).not.toContain(slug);
    }
    // quick-kimchi needs 2 days: Tuesday is too early for it as well
    expect(alternativesReport(input, plan, id)!.rejected.notReady).toBe(4);
  });

  it('refuses a kept meal served before it is ready and names it in the diagnosis', () => {
    const kept: PlannedMeal = { ...mealOn(2, 'snack'), recipeSlug: 'curtido', locked: true };
    const result: PlanResult = generatePlan(input, createRng(3), { locked: [kept] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const snackDiagnosis = result.diagnosis.slots.find((x) => x.slot === 'snack')!;
    expect(snackDiagnosis.blockers[0]!.rule).toBe(
      `kept meal curtido (${kept.id}): it needs 4 days to ferment before a snack and its prep starts within the plan's week: the first snack it can be is on 2026-12-04`,
    );
    expect(result.diagnosis.suggestions).toContain('Unlock curtido on 2026-12-02');
  });

  it('counts make-ahead recipes as blockers in words when a slot cannot be filled', () => {
    // snacks: only the ferments and one everyday snack
    // cooked, so made once a week: Monday and Tuesday need two ready snacks, and only it is
    const everyday = makeRecipe({
      slug: 'baked-apple',
      mealTypes: ['snack'],
      foods: ['apple'],
      prepMinutes: 5,
      cookMinutes: 20,
      activeMinutes: 5,
    });
    const ferments = MAKE_AHEAD_CATALOG.filter((r) => r.mealTypes.includes('snack')).filter((r) =>
      ['quick-kimchi', 'curtido', 'ginger-carrots', 'long-sauerkraut'].includes(r.slug),
    );
    const mains = MAKE_AHEAD_CATALOG.filter((r) => !r.mealTypes.includes('snack'));
    const result = generatePlan(
      makeInput({
        recipes: [...mains, ...ferments, everyday],
        profile: makeProfile({ slots: ['lunch', 'dinner', 'snack'] }),
      }),
      createRng(1),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const snackDiagnosis = result.diagnosis.slots.find((x) => x.slot === 'snack')!;
    expect(snackDiagnosis.available).toBe(4);
    expect(snackDiagnosis.blockers).toEqual(
      expect.arrayContaining([
        {
          rule: 'made ahead: needs 2 days to ferment and its prep starts within the week, so not before 2026-12-02',
          recipesExcluded: 1,
        },
        {
          rule: 'made ahead: needs 8 days to ferment and its prep starts within the week, so it is never ready',
          recipesExcluded: 1,
        },
      ]),
    );
  });
});
