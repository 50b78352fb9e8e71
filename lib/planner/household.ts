import type { MealType } from '../foods/codes';
import { formatShare } from '../units/format';
import type { PlannerNutrition, PlannerProfile } from './types';

/**
 * A plan shared by several people. The planner plans one person's portion, the reference
 * member's (the lowest energy target); every member eats their own multiple of it, so a meal's
 * servings cover the sum of the members' portions.
 */

/** The finest step of a member's portion, and the smallest portion anyone gets. */
const PORTION_STEP = 0.5;

/**
 * Each member's portion of the planned one: their energy target over the lowest target, to the
 * nearest half (halves round up), at least ½. 2400 and 1600 kcal → 1½ and 1.
 */
export function memberPortions(energyKcal: readonly number[]): number[] {
  const positive = energyKcal.filter((k) => k > 0);
  if (positive.length === 0) return energyKcal.map(() => 1);
  const reference = Math.min(...positive);
  return energyKcal.map((k) =>
    Math.max(PORTION_STEP, Math.round(k / reference / PORTION_STEP) * PORTION_STEP),
  );
}

/** Index of the member whose targets the planner plans for (the lowest energy target). */
export function referenceMember(energyKcal: readonly number[]): number {
  let best = 0;
  for (const [i, k] of energyKcal.entries()) if (k < energyKcal[best]!) best = i;
  return best;
}

/** "Alex 1½ servings, Sam 1": who eats how much of one written serving. */
export function portionsText(portions: readonly { name: string; servings: number }[]): string {
  return portions
    .map((p, i) =>
      i === 0
        ? `${p.name} ${formatShare(p.servings)} ${p.servings > 1 ? 'servings' : 'serving'}`
        : `${p.name} ${formatShare(p.servings)}`,
    )
    .join(', ');
}

export type HouseholdMember = { profile: PlannerProfile; portion: number };

/** Slots every member plans, in the first member's order (a shared meal is eaten by all). */
export function sharedSlots(members: readonly { slots: MealType[] }[]): MealType[] {
  const [first, ...rest] = members;
  return (first?.slots ?? []).filter((s) => rest.every((m) => m.slots.includes(s)));
}

const minOf = (xs: (number | undefined)[]) => {
  const known = xs.filter((x): x is number => x !== undefined && Number.isFinite(x));
  return known.length > 0 ? Math.min(...known) : undefined;
};

/** Per-person caps in the planned portion's terms: each member's cap over their portion, the lowest. */
function householdNutrition(
  members: readonly HouseholdMember[],
  reference: HouseholdMember,
): PlannerNutrition | undefined {
  const ns = members.map((m) => ({ n: m.profile.nutrition ?? {}, portion: m.portion }));
  const sodiumMg = minOf(ns.map(({ n, portion }) => (n.caps?.sodiumMg ?? NaN) / portion));
  const retinolUg = minOf(ns.map(({ n, portion }) => (n.caps?.retinolUg ?? NaN) / portion));
  const fat = ns.flatMap(({ n }) => (n.fatPct ? [n.fatPct] : []));
  const fatMin = Math.max(...fat.map((f) => f.min));
  const fatMax = Math.min(...fat.map((f) => f.max));
  const saturatedFatMaxPct = minOf(ns.map(({ n }) => n.saturatedFatMaxPct));
  const proteinMaxPct = minOf(ns.map(({ n }) => n.proteinMaxPct));
  const own = reference.profile.nutrition ?? {};
  const caps = {
    ...(sodiumMg === undefined ? {} : { sodiumMg }),
    ...(retinolUg === undefined ? {} : { retinolUg }),
  };
  const out: PlannerNutrition = {
    ...own,
    ...(Object.keys(caps).length > 0 ? { caps } : {}),
    ...(ns.some(({ n }) => n.avoidPregnancyRisks) ? { avoidPregnancyRisks: true } : {}),
    ...(saturatedFatMaxPct === undefined ? {} : { saturatedFatMaxPct }),
    ...(proteinMaxPct === undefined ? {} : { proteinMaxPct }),
    // ranges that do not overlap keep the reference member's own
    ...(fat.length > 0 && fatMin <= fatMax ? { fatPct: { min: fatMin, max: fatMax } } : {}),
  };
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The planner profile of a shared plan, or null when the members share no meal slot. Targets,
 * energy shares and soft goals are the reference member's; the household eats the sum of the
 * portions; slots are those all members plan; time, cooking and variety limits are the
 * strictest; leftovers only when everyone takes them; per-person caps hold for every member at
 * their portion. Pure.
 */
export function householdProfile(members: readonly HouseholdMember[]): PlannerProfile | null {
  const [first] = members;
  if (!first) return null;
  if (members.length === 1) return first.profile;
  const reference = members[referenceMember(members.map((m) => m.profile.energyKcal))] ?? first;
  const slots = sharedSlots(members.map((m) => m.profile));
  if (slots.length === 0) return null;
  const ps = members.map((m) => m.profile);
  const cookingOf = ps.flatMap((p) => (p.cooking ? [p.cooking] : []));
  const maxProteinMeals = minOf(ps.map((p) => p.maxProteinMeals));
  // a member with a carbohydrate target (type 1 diabetes) eats it at their portion
  const carbs = members.find((m) => m.profile.carbsPerMealG);
  const scaleCarbs = (spec: { target: number; tolerance: number } | null | undefined) =>
    spec && carbs
      ? { target: spec.target / carbs.portion, tolerance: spec.tolerance / carbs.portion }
      : null;
  const nutrition = householdNutrition(members, reference);
  const { nutrition: _own, cooking: _cooking, maxProteinMeals: _max, ...base } = reference.profile;
  return {
    ...base,
    householdSize: members.reduce((sum, m) => sum + m.portion, 0),
    slots,
    maxMinutes: {
      weekday: Math.min(...ps.map((p) => p.maxMinutes.weekday)),
      weekend: Math.min(...ps.map((p) => p.maxMinutes.weekend)),
    },
    leftovers: ps.every((p) => p.leftovers),
    carbsPerMealG: scaleCarbs(carbs?.profile.carbsPerMealG),
    carbsPerSnackG: scaleCarbs(carbs?.profile.carbsPerSnackG),
    ...(nutrition ? { nutrition } : {}),
    ...(cookingOf.length > 0
      ? {
          cooking: {
            weekday: {
              sessions: Math.min(...cookingOf.map((c) => c.weekday.sessions)),
              activeMinutes: Math.min(...cookingOf.map((c) => c.weekday.activeMinutes)),
            },
            weekend: {
              sessions: Math.min(...cookingOf.map((c) => c.weekend.sessions)),
              activeMinutes: Math.min(...cookingOf.map((c) => c.weekend.activeMinutes)),
            },
          },
        }
      : {}),
    ...(maxProteinMeals === undefined ? {} : { maxProteinMeals }),
  };
}
