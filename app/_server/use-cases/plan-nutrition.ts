import 'server-only';
import type { Db } from '@/db/client';
import { resolveNutrientTargets } from '@/db/queries/dri';
import { loadRecipeNutrition, type RecipeNutrition } from '@/db/queries/nutrition-report';
import { type PlanView, toWeekPlan } from '@/db/queries/plans';
import { getProfileById } from '@/db/queries/profiles';
import type { MealType } from '@/lib/foods/codes';
import {
  buildNutritionReport,
  type NutritionReport,
  type ReportMeal,
  type SuggestionCandidate,
} from '@/lib/nutrition/report';
import { recipeViolations } from '@/lib/planner/model';
import { applySwap } from '@/lib/planner/swap';
import { plannerInputFor } from './plan-input';
import { loadPlanOr404 } from './plan-writes';

function reportMeals(
  view: PlanView,
  recipes: ReadonlyMap<string, RecipeNutrition>,
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
        portion: m.portion,
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
 * A plan's nutrition report for its profile (404 for an unknown plan): per-person meals, the
 * profile's targets, and as suggestion candidates the catalog recipes that follow every rule of
 * the profile's restriction (`suggestions: false` skips that search, e.g. for the plan page's
 * one-line summary).
 */
export async function nutritionReportFor(
  db: Db,
  planId: number,
  options: { suggestions?: boolean } = {},
): Promise<NutritionReportView> {
  const plan = await loadPlanOr404(db, planId);
  const profile = await getProfileById(db, plan.profileId);
  const recipes = await loadRecipeNutrition(db);
  let candidates: SuggestionCandidate[] = [];
  let canSwap: ((mealId: string, recipeSlug: string) => boolean) | undefined;
  if (profile && options.suggestions !== false) {
    const input = await plannerInputFor(db, profile, plan.weekStart);
    const week = toWeekPlan(plan, profile.householdSize);
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
    days: reportMeals(plan, recipes),
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
