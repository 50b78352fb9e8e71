import 'server-only';
import type { Db } from '@/db/client';
import {
  deletePlans,
  lockProfileForPlanning,
  type PlanView,
  plansOfWeek,
  replacePlanMeals,
  savePlan,
  toWeekPlan,
} from '@/db/queries/plans';
import type { Profile } from '@/db/queries/profiles';
import { recordShoppingChanges } from '@/db/queries/shopping';
import { AppError } from '@/lib/http/app-error';
import { ANY_VERSION, type IfMatch } from '@/lib/http/preconditions';
import { type ChallengeCalendar, calendarOf } from '@/lib/planner/challenges';
import { planWithinSlots, slotsOutsideProfile } from '@/lib/planner/plan-slots';
import { scorePlan } from '@/lib/planner/score-plan';
import { type AlternativeFilter, applySwap, setLocked } from '@/lib/planner/swap';
import type { PlannerInput, PlanScore, RegenerateScope, WeekPlan } from '@/lib/planner/types';
import { explainNoAlternatives } from '@/lib/planner/why-no-alternatives';
import { alternativesReportInPool, generatePlanInPool, regeneratePlanInPool } from '../pool';
import { infeasible, infeasibleWithFixes } from './plan-fixes';
import { assertPlannable, plannerInputFor } from './plan-input';
import { type Member, membersFor, membersOfPlan, plannerInputForMembers } from './plan-members';
import {
  claimOrRetry,
  loadPlanOr404,
  type PlanWrite,
  planChangedMeanwhile,
  withPlanRetries,
  writePlan,
} from './plan-writes';
import { loadProfileOr404 } from './profiles';
import { needsOf } from './shopping-list';
import { weekChallengesFor } from './week-challenges';

/**
 * Whose plan to make: one profile (for its household), or several members sharing one plan
 * (the first owns it). One member id is the same as that profile.
 */
export type PlanFor = { profileId: number } | { memberIds: readonly number[] };

/**
 * The planner input for `who`: a shared plan's for two or more members (no reintroduction
 * challenges: a challenge is one person's add-on), else the profile's with its week's challenges.
 */
async function newPlanInput(
  db: Db,
  who: PlanFor,
  weekStart: string,
): Promise<{ profile: Profile; members: Member[] | null; input: PlannerInput }> {
  const ids = 'memberIds' in who ? who.memberIds : [who.profileId];
  if (ids.length > 1) {
    const members = await membersFor(db, ids);
    const input = await plannerInputForMembers(db, members, weekStart);
    const owner = members[0];
    if (!owner) throw new Error('a shared plan has members');
    return { profile: owner.profile, members, input };
  }
  const profile = await loadProfileOr404(db, ids[0] ?? 0);
  const input = {
    ...(await plannerInputFor(db, profile, weekStart)),
    challenges: await weekChallengesFor(db, profile.id, weekStart),
  };
  return { profile, members: null, input };
}

/**
 * Makes the profile's (or the members') plan for a week. A week that already has a plan of that
 * profile (the first member) is a conflict (`plan_exists`, details name the plan) unless
 * `replace`: then the old plan and its shopping checks are deleted and the new one saved in one
 * transaction, which claims the old plan's version (a change to it meanwhile means planning
 * again). Nothing is deleted when no new week can be planned.
 */
export async function createPlanFor(
  db: Db,
  who: number | PlanFor,
  weekStart: string,
  seed: number,
  now: string,
  replace = false,
): Promise<PlanView> {
  return withPlanRetries(async () => {
    const { profile, members, input } = await newPlanInput(
      db,
      typeof who === 'number' ? { profileId: who } : who,
      weekStart,
    );
    const existing = await plansOfWeek(db, profile.id, weekStart);
    const first = existing[0];
    if (first && !replace) {
      throw AppError.conflict(
        'plan_exists',
        `${profile.name} already has a plan for the week of ${weekStart} (plan ${first.id}); send replace: true to replace it.`,
        { existingPlanId: first.id, weekStart },
      );
    }
    assertPlannable(input);
    const result = await generatePlanInPool(input, seed);
    if (!result.ok) {
      // the fixes change one profile; a shared plan gets the diagnosis alone
      if (members) throw infeasible(result.diagnosis);
      throw await infeasibleWithFixes(db, profile, input, result.diagnosis, (changed) =>
        generatePlanInPool(changed, seed),
      );
    }
    return db.transaction(async (tx) => {
      await lockProfileForPlanning(tx, profile.id);
      const known = new Set(existing.map((p) => p.id));
      const added = (await plansOfWeek(tx, profile.id, weekStart)).find((p) => !known.has(p.id));
      if (added) throw planChangedMeanwhile(added.id);
      for (const old of existing) await claimOrRetry(tx, old.id, old.version);
      await deletePlans(
        tx,
        existing.map((p) => p.id),
      );
      const id = await savePlan(
        tx,
        profile.id,
        input.profile.householdSize,
        seed,
        result.plan,
        result.score,
        now,
        (members ?? []).map((m) => ({ profileId: m.profile.id, portion: m.portion })),
      );
      return loadPlanOr404(tx, id);
    });
  });
}

/**
 * The stored plan with its profile and planner input, servings for the profile's household (a
 * shared plan: rebuilt from its members, their union and their portions, and its own household).
 * The input's reintroduction calendar is `challenges`, by default the one the plan carries, so a
 * swap or lock keeps each challenge on its date and slot. `plan` holds only the meals of the
 * profile's current slots (what the planner can read); `stored` is the plan as saved, and
 * `staleSlots` names the slots it still has that the profile dropped since.
 */
async function contextOf(db: Db, view: PlanView, challenges?: ChallengeCalendar) {
  const profile = await loadProfileOr404(db, view.profileId);
  const members = await membersOfPlan(db, view);
  const stored = toWeekPlan(view, members ? view.householdSize : profile.householdSize);
  const input = {
    ...(members
      ? await plannerInputForMembers(db, members, view.weekStart)
      : await plannerInputFor(db, profile, view.weekStart)),
    // dated, not tied to a meal: a challenge moves to the nearest slot the profile still plans
    challenges: challenges ?? calendarOf(stored),
  };
  const slots = input.profile.slots;
  return {
    profile,
    members,
    input,
    stored,
    plan: planWithinSlots(stored, slots),
    staleSlots: slotsOutsideProfile(stored, slots),
  };
}

/**
 * 409 when the plan has meals in slots the profile no longer plans: a meal there has no place
 * in the profile's week, and a swap would silently drop them. Regenerating plans the week with
 * the current slots.
 */
function slotsChanged(
  profile: { name: string },
  staleSlots: readonly string[],
  slots: readonly string[],
): AppError {
  const which = staleSlots.join(' and ');
  return AppError.conflict(
    'plan_slots_changed',
    `This plan has ${which}, which ${profile.name}'s profile no longer plans (it plans ${slots.join(', ')}). Regenerate the plan to plan the week with the current meals (lock a meal first to keep it), or add ${which} back to the profile.`,
    { slots: staleSlots, profileSlots: slots },
  );
}

function requireMeal(view: PlanView, mealId: string) {
  for (const day of view.days) {
    const meal = day.meals.find((m) => m.id === mealId);
    if (meal) return { day, meal };
  }
  throw AppError.notFound('Meal', mealId);
}

/**
 * The meal's alternatives, ranked, narrowed by `filter`, the first `limit`; when none is left,
 * `blockedBy` names the limits that keep the others out.
 */
export async function alternativesFor(
  db: Db,
  planId: number,
  mealId: string,
  filter: AlternativeFilter = {},
  limit = 10,
) {
  const view = await loadPlanOr404(db, planId);
  const { day, meal } = requireMeal(view, mealId);
  const { profile, input, plan, staleSlots } = await contextOf(db, view);
  if (staleSlots.includes(meal.slot)) {
    throw slotsChanged(profile, [meal.slot], input.profile.slots);
  }
  const report = await alternativesReportInPool(input, plan, mealId, filter);
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
        slot: meal.slot,
        available: report.available,
        filter,
        rejected: report.rejected,
        day: report.day,
        maxProteinMeals: report.maxProteinMeals,
        totals: { fructoseG, sodiumMg, retinolUg },
      },
      items.length,
    ),
  };
}

/**
 * The write of a changed plan: its meals and score, and the shopping lines the change added,
 * changed or removed, compared with the plan as stored (what the user's list showed). The
 * needs are read with `db` before the transaction.
 */
export async function changedPlanWrite(
  db: Db,
  view: PlanView,
  householdSize: number,
  after: WeekPlan,
  score: PlanScore,
  now: string,
  seed?: number,
): Promise<PlanWrite<void>> {
  const before = toWeekPlan(view);
  const oldNeeds = await needsOf(db, view.id, view.profileId, before, view.householdSize);
  const newNeeds = await needsOf(db, view.id, view.profileId, after, householdSize);
  return async (tx) => {
    await replacePlanMeals(tx, view.id, householdSize, after, score, now, seed);
    await recordShoppingChanges(tx, view.id, oldNeeds, newNeeds);
  };
}

export async function swapMeal(
  db: Db,
  planId: number,
  mealId: string,
  recipeSlug: string,
  now: string,
  ifMatch: IfMatch = ANY_VERSION,
): Promise<PlanView> {
  const { plan } = await writePlan(db, planId, ifMatch, async (view) => {
    requireMeal(view, mealId);
    const { profile, input, plan, staleSlots } = await contextOf(db, view);
    if (staleSlots.length > 0) throw slotsChanged(profile, staleSlots, input.profile.slots);
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
    const score = scorePlan(input, result.plan);
    return changedPlanWrite(db, view, input.profile.householdSize, result.plan, score, now);
  });
  return plan;
}

export async function lockMeal(
  db: Db,
  planId: number,
  mealId: string,
  locked: boolean,
  now: string,
  ifMatch: IfMatch = ANY_VERSION,
): Promise<PlanView> {
  const { plan } = await writePlan(db, planId, ifMatch, async (view) => {
    requireMeal(view, mealId);
    // the stored plan, every meal kept: locking changes one flag, never the plan's slots
    const { input, stored } = await contextOf(db, view);
    const next = setLocked(stored, mealId, locked);
    const score = scorePlan(input, next);
    return (tx: Db) => replacePlanMeals(tx, planId, input.profile.householdSize, next, score, now);
  });
  return plan;
}

export async function regenerateMeals(
  db: Db,
  planId: number,
  scope: RegenerateScope,
  seed: number,
  now: string,
  ifMatch: IfMatch = ANY_VERSION,
): Promise<PlanView> {
  const { plan } = await writePlan(db, planId, ifMatch, async (view) => {
    if (scope.scope === 'day' && !view.days.some((d) => d.date === scope.date)) {
      throw AppError.invalid(
        'date',
        `${scope.date} is not a day of this plan (week of ${view.weekStart})`,
      );
    }
    // Regenerating plans the week again, so it follows the current reintroduction calendar
    // (a shared plan has none).
    const calendar = view.shared
      ? undefined
      : await weekChallengesFor(db, view.profileId, view.weekStart);
    const { profile, members, input, plan } = await contextOf(db, view, calendar);
    assertPlannable(input);
    const result = await regeneratePlanInPool(input, plan, scope, seed);
    if (!result.ok) {
      if (members) throw infeasible(result.diagnosis);
      throw await infeasibleWithFixes(db, profile, input, result.diagnosis, (changed) =>
        regeneratePlanInPool(changed, plan, scope, seed),
      );
    }
    const householdSize = input.profile.householdSize;
    return changedPlanWrite(db, view, householdSize, result.plan, result.score, now, seed);
  });
  return plan;
}
