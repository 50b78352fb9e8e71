import 'server-only';
import { AppError } from '../../lib/http/app-error';
import { addDays } from '../../lib/planner/dates';
import { generatePlan, regeneratePlan } from '../../lib/planner/generate-plan';
import { plannerNutritionFrom, snackCarbsFor } from '../../lib/planner/nutrition';
import { rescalePlan } from '../../lib/planner/rescale';
import { createRng } from '../../lib/planner/rng';
import { scorePlan } from '../../lib/planner/score-plan';
import {
  type AlternativeFilter,
  alternativesReport,
  applySwap,
  setLocked,
} from '../../lib/planner/swap';
import type {
  Diagnosis,
  PlannerInput,
  PlanScore,
  RegenerateScope,
  WeekPlan,
} from '../../lib/planner/types';
import { explainNoAlternatives } from '../../lib/planner/why-no-alternatives';
import type { ProfilePatch } from '../../lib/profiles/schema';
import type { Db } from '../client';
import { loadPlannerRecipes } from './planner-recipes';
import {
  getPlanById,
  listPlans,
  type PlanView,
  planIdsForWeek,
  replacePlanMeals,
  replacePlans,
  savePlan,
  toWeekPlan,
} from './plans';
import { getProfileById, type Profile, restrictionForProfile, updateProfile } from './profiles';
import { needsOf, recordShoppingChanges } from './shopping';

/**
 * Everything the planner needs for one profile and week. The nutrient rules (caps, pregnancy
 * exclusions, weekly micronutrient targets, energy shares) come from the profile's resolved
 * `nutrientTargets` (DRI defaults for the life stage, clinician overrides applied).
 */
export function plannerInputFor(db: Db, profile: Profile, weekStart: string): PlannerInput {
  return {
    profile: {
      householdSize: profile.householdSize,
      slots: profile.slots,
      energyKcal: profile.targets.energyKcal,
      proteinG: profile.targets.proteinG,
      fiberG: profile.targets.fiberG,
      maxMinutes: profile.maxMinutes,
      leftovers: profile.leftovers,
      energySplit: profile.energySplit,
      carbsPerMealG: profile.carbsPerMealG,
      carbsPerSnackG: snackCarbsFor(profile.carbsPerMealG),
      nutrition: plannerNutritionFrom(profile.nutrientTargets),
    },
    restriction: restrictionForProfile(db, profile),
    recipes: loadPlannerRecipes(db),
    weekStart,
  };
}

function infeasible(diagnosis: Diagnosis): AppError {
  const short = diagnosis.slots.filter((s) => s.available < s.needed);
  const what = short.length
    ? short.map((s) => `${s.slot} (${s.available} of ${s.needed} recipes fit)`).join(', ')
    : 'some slots';
  return AppError.unprocessable(
    'infeasible',
    `No week can follow every rule of this profile: too few recipes for ${what}.`,
    diagnosis,
  );
}

function loadProfileOr404(db: Db, id: number): Profile {
  const profile = getProfileById(db, id);
  if (!profile) throw AppError.notFound('Profile', String(id));
  return profile;
}

export function loadPlanOr404(db: Db, id: number): PlanView {
  const plan = getPlanById(db, id);
  if (!plan) throw AppError.notFound('Plan', String(id));
  return plan;
}

/**
 * Makes the profile's plan for a week. A week that already has a plan is a conflict
 * (`plan_exists`, details name the plan) unless `replace`: then the old plan and its shopping
 * checks are deleted and the new one saved in one transaction. Nothing is deleted when no new
 * week can be planned.
 */
export function createPlanFor(
  db: Db,
  profileId: number,
  weekStart: string,
  seed: number,
  now: string,
  replace = false,
): PlanView {
  const profile = loadProfileOr404(db, profileId);
  const existing = planIdsForWeek(db, profile.id, weekStart);
  if (existing.length > 0 && !replace) {
    throw AppError.conflict(
      'plan_exists',
      `${profile.name} already has a plan for the week of ${weekStart} (plan ${existing[0]}); send replace: true to replace it.`,
      { existingPlanId: existing[0], weekStart },
    );
  }
  const input = plannerInputFor(db, profile, weekStart);
  const result = generatePlan(input, createRng(seed));
  if (!result.ok) throw infeasible(result.diagnosis);
  const id = replacePlans(db, existing, () =>
    savePlan(db, profile.id, profile.householdSize, seed, result.plan, result.score, now),
  );
  return loadPlanOr404(db, id);
}

function contextOf(db: Db, planId: number) {
  const view = loadPlanOr404(db, planId);
  const profile = loadProfileOr404(db, view.profileId);
  const input = plannerInputFor(db, profile, view.weekStart);
  return { view, input, plan: toWeekPlan(view, profile.householdSize) };
}

function requireMeal(view: PlanView, mealId: string): void {
  if (!view.days.some((d) => d.meals.some((m) => m.id === mealId))) {
    throw AppError.notFound('Meal', mealId);
  }
}

/**
 * The meal's alternatives, ranked, narrowed by `filter`, the first `limit`; when none is left,
 * `blockedBy` names the limits that keep the others out.
 */
export function alternativesFor(
  db: Db,
  planId: number,
  mealId: string,
  filter: AlternativeFilter = {},
  limit = 10,
) {
  const { view, input, plan } = contextOf(db, planId);
  requireMeal(view, mealId);
  const report = alternativesReport(input, plan, mealId, filter);
  const day = view.days.find((d) => d.meals.some((m) => m.id === mealId))!;
  const slot = day.meals.find((m) => m.id === mealId)!.slot;
  if (!report) {
    return { items: [], total: 0, available: 0, blockedBy: [] };
  }
  const items = report.items.slice(0, limit);
  const { fructoseG, sodiumMg, retinolUg } = day.totals;
  return {
    items,
    total: report.items.length,
    available: report.available,
    blockedBy: explainNoAlternatives(
      {
        slot,
        available: report.available,
        filter,
        rejected: report.rejected,
        day: report.day,
        totals: { fructoseG, sodiumMg, retinolUg },
      },
      items.length,
    ),
  };
}

export function swapMeal(
  db: Db,
  planId: number,
  mealId: string,
  recipeSlug: string,
  now: string,
): PlanView {
  const { view, input, plan } = contextOf(db, planId);
  requireMeal(view, mealId);
  const result = applySwap(input, plan, mealId, recipeSlug);
  if (!result.ok) {
    if (result.code === 'unknown-recipe') throw AppError.notFound('Recipe', recipeSlug);
    if (result.code === 'unknown-meal') throw AppError.notFound('Meal', mealId);
    throw AppError.unprocessable(
      result.code,
      result.message,
      result.violations ? { violations: result.violations } : undefined,
    );
  }
  saveChangedPlan(
    db,
    view,
    input.profile.householdSize,
    result.plan,
    scorePlan(input, result.plan),
    now,
  );
  return loadPlanOr404(db, planId);
}

/** Saves a changed plan and marks the shopping lines it changed, in one transaction. */
function saveChangedPlan(
  db: Db,
  view: PlanView,
  householdSize: number,
  after: WeekPlan,
  score: PlanScore,
  now: string,
  seed?: number,
): void {
  // Compared with the plan as it was stored, which is what the user's list showed.
  const oldNeeds = needsOf(db, view.id, view.profileId, toWeekPlan(view));
  const newNeeds = needsOf(db, view.id, view.profileId, after);
  db.$client.transaction(() => {
    replacePlanMeals(db, view.id, householdSize, after, score, now, seed);
    recordShoppingChanges(db, view.id, oldNeeds, newNeeds);
  })();
}

export function lockMeal(
  db: Db,
  planId: number,
  mealId: string,
  locked: boolean,
  now: string,
): PlanView {
  const { view, input, plan } = contextOf(db, planId);
  requireMeal(view, mealId);
  const next = setLocked(plan, mealId, locked);
  replacePlanMeals(db, planId, input.profile.householdSize, next, scorePlan(input, next), now);
  return loadPlanOr404(db, planId);
}

export function regenerateMeals(
  db: Db,
  planId: number,
  scope: RegenerateScope,
  seed: number,
  now: string,
): PlanView {
  const { view, input, plan } = contextOf(db, planId);
  if (scope.scope === 'day' && !view.days.some((d) => d.date === scope.date)) {
    throw AppError.invalid(
      'date',
      `${scope.date} is not a day of this plan (week of ${view.weekStart})`,
    );
  }
  const result = regeneratePlan(input, plan, scope, createRng(seed));
  if (!result.ok) throw infeasible(result.diagnosis);
  saveChangedPlan(db, view, input.profile.householdSize, result.plan, result.score, now, seed);
  return loadPlanOr404(db, planId);
}

/**
 * Applies a profile patch; when the household size changed, the profile's plans of this week
 * and later follow it without replanning (`rescalePlan`: same recipes, locks, leftovers and
 * portions per person, servings and shopping for the new household). Plans of past weeks keep
 * the household they were made for. One transaction. `today` is the local date, YYYY-MM-DD.
 */
export function updateProfileAndPlans(
  db: Db,
  id: number,
  patch: ProfilePatch,
  now: string,
  today: string,
): Profile | null {
  return db.$client.transaction(() => {
    const profile = updateProfile(db, id, patch, now);
    if (!profile) return null;
    for (const { id: planId, weekStart } of listPlans(db, profile.id)) {
      if (addDays(weekStart, 6) < today) continue;
      const view = loadPlanOr404(db, planId);
      if (view.householdSize === profile.householdSize) continue;
      const after = rescalePlan(toWeekPlan(view), view.householdSize, profile.householdSize);
      // Per person nothing changed, so the stored score still holds.
      const score = view.score ?? scorePlan(plannerInputFor(db, profile, view.weekStart), after);
      saveChangedPlan(db, view, profile.householdSize, after, score, now);
    }
    return profile;
  })();
}
