import 'server-only';
import type { Db } from '@/db/client';
import { resolveNutrientTargets } from '@/db/queries/dri';
import { loadRecipeNutrition, type RecipeNutrition } from '@/db/queries/nutrition-report';
import { type PlanView, toWeekPlan } from '@/db/queries/plans';
import { getProfileById } from '@/db/queries/profiles';
import type { MealType } from '@/lib/foods/codes';
import { AppError } from '@/lib/http/app-error';
import {
  buildNutritionReport,
  type NutritionReport,
  type ReportMeal,
  type SuggestionCandidate,
} from '@/lib/nutrition/report';
import { recipeViolations } from '@/lib/planner/model';
import { applySwap } from '@/lib/planner/swap';
import { plannerInputForPlan } from './plan-members';
import { loadPlanOr404 } from './plan-writes';

/** `share`: the member's portion of the planned one (1 on a one-person plan). */
function reportMeals(
  view: PlanView,
  recipes: ReadonlyMap<string, RecipeNutrition>,
  share: number,
): { date: string; meals: ReportMeal[] }[] {
  return view.days.map((d) => ({
    date: d.date,
    meals: d.meals.map((m) => {
      const r = recipes.get(m.recipeSlug);
      return {
        id: m.id,
        date: m.date,
        slot: m.slot,
        recipeSlug: m.recipeSlug,
        recipeName: m.recipeName,
        portion: m.portion * share,
        perServing: r?.perServing ?? {},
        unknown: r?.unknown ?? {},
        ingredientLines: r?.ingredientLines ?? 0,
      };
    }),
  }));
}

export type NutritionReportView = {
  plan: PlanView;
  report: NutritionReport;
  /** Names and meal types of every recipe the report names (plan meals and suggestions). */
  recipes: Map<string, { name: string; mealTypes: MealType[] }>;
};

/**
 * A plan's nutrition report for one of its members, by default the first (404 for an unknown
 * plan, 400 naming `member` for a profile that is not a member): the member's portion of each
 * meal, their own targets, and as suggestion candidates the catalog recipes that follow every
 * rule of the plan's restriction (on a shared plan, every member's; `suggestions: false` skips
 * that search, e.g. for the plan page's one-line summary).
 */
export async function nutritionReportFor(
  db: Db,
  planId: number,
  options: { suggestions?: boolean; member?: number } = {},
): Promise<NutritionReportView> {
  const plan = await loadPlanOr404(db, planId);
  const member =
    options.member === undefined
      ? plan.members[0]
      : plan.members.find((m) => m.profileId === options.member);
  if (!member) {
    throw AppError.invalid(
      'member',
      `profile ${options.member} is not a member of plan ${plan.id} (members: ${plan.members.map((m) => m.profileId).join(', ')})`,
    );
  }
  const owner = await getProfileById(db, plan.profileId);
  const profile =
    member.profileId === plan.profileId ? owner : await getProfileById(db, member.profileId);
  const recipes = await loadRecipeNutrition(db);
  let candidates: SuggestionCandidate[] = [];
  let canSwap: ((mealId: string, recipeSlug: string) => boolean) | undefined;
  if (owner && options.suggestions !== false) {
    const input = await plannerInputForPlan(db, plan, owner);
    const week = toWeekPlan(plan, plan.shared ? plan.householdSize : owner.householdSize);
    // A dry run of the plan's own swap: a suggestion is only offered where the swap would work.
    canSwap = (mealId, recipeSlug) => applySwap(input, week, mealId, recipeSlug).ok;
    candidates = input.recipes
      .filter((r) => recipeViolations(input, r).length === 0)
      .flatMap((r) => {
        const n = recipes.get(r.slug);
        return n ? [{ ...n, mealTypes: r.mealTypes }] : [];
      });
  }
  // The profile's DRIs for its life stage with any clinician overrides. A plan always has its
  // profile (deleting a profile deletes its plans); the fallback is the default adult.
  const targets = profile?.nutrientTargets ?? (await resolveNutrientTargets(db, {}));
  const daily = profile?.targets ?? { energyKcal: 2000, proteinG: 75, fiberG: 28 };
  const report = buildNutritionReport({
    days: reportMeals(plan, recipes, member.portion),
    targets,
    daily: {
      energyKcal: daily.energyKcal,
      proteinG: daily.proteinG,
      fiberG: daily.fiberG,
      source: profile
        ? {
            energyKcal: profile.energyKcal != null ? 'set' : 'default',
            proteinG: profile.proteinG != null ? 'set' : 'default',
            fiberG: profile.fiberG != null ? 'set' : 'default',
          }
        : undefined,
    },
    candidates,
    canSwap,
  });
  const named = new Set([
    ...plan.days.flatMap((d) => d.meals.map((m) => m.recipeSlug)),
    ...report.findings.flatMap((f) => f.suggestions),
  ]);
  return {
    plan,
    report,
    recipes: new Map(
      [...named].flatMap((slug) => {
        const r = recipes.get(slug);
        return r ? [[slug, { name: r.name, mealTypes: r.mealTypes }] as const] : [];
      }),
    ),
  };
}
