import 'server-only';
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { MEAL_TYPES } from '../../lib/foods/codes';
import { type CookLine, cookLine, portionText, servingsWords } from '../../lib/planner/batch-words';
import {
  type BatchPlace,
  batchPlaces,
  isFrozenPortion,
  mealBatch,
  mealPortions,
} from '../../lib/planner/batches';
import type { MealChallenge } from '../../lib/planner/challenges';
import { portionsText } from '../../lib/planner/household';
import { type PrepLine, prepLinesByDate } from '../../lib/planner/prep-lines';
import type { DayTotals, PlannedMeal, PlanScore, WeekPlan } from '../../lib/planner/types';
import { nutritionColumn } from '../../lib/recipes/columns';
import type { Db } from '../client';
import { EMPTY_DAY_TOTALS, explanationJson, type StoredScore, storedScoreJson } from './plan-json';

/** Who shares a plan: a one-person plan has its profile alone, at portion 1. */
export type PlanMember = { profileId: number; name: string; portion: number };

/** One member's part of a meal: servings of one written serving, "1½ servings". */
export type MemberPortion = { profileId: number; name: string; servings: number; text: string };

/** One member's totals of a day: the planned portion's totals times their portion. */
export type MemberTotals = {
  profileId: number;
  energyKcal: number;
  proteinG: number;
  fiberG: number;
  carbsG: number;
};

/** What the API returns for a plan: the planner's week plus ids and recipe names. */
export type PlanView = {
  id: number;
  profileId: number;
  weekStart: string;
  seed: number;
  /**
   * The household size the servings were computed for: for a plan shared by several members,
   * the sum of their portions (2½ for portions 1½ and 1).
   */
  householdSize: number;
  /** Who eats from the plan, in order; the first is the plan's profile. */
  members: PlanMember[];
  /** Made for several members (`plan_members` rows), not for one profile's household. */
  shared: boolean;
  /** Bumped by every change (see plan-version.ts); the API's ETag. */
  version: number;
  createdAt: string;
  updatedAt: string;
  score: PlanScore | null;
  days: {
    date: string;
    meals: (PlannedMeal & {
      /** The reintroduction challenge eaten with this meal as an add-on, or null. */
      challenge: MealChallenge | null;
      recipeName: string;
      /** Per-person portion of the recipe's serving (½, 1, 1½ or 2). */
      portion: number;
      /** "1½ servings each". */
      portionText: string;
      /** Each member's servings of this meal. */
      portions: MemberPortion[];
      /** "Alex 1½ servings, Sam 1". */
      portionsText: string;
      /** The whole or half recipes cooked, with their words; null for a leftover meal. */
      cook: CookLine | null;
      /**
       * Its place in a batch feeding several meals (`batchPlaces`), and whether it is eaten
       * from the freezer (`isFrozenPortion`); null when cooked alone.
       */
      batch: (BatchPlace & { frozen: boolean }) | null;
      energyKcal: number;
      proteinG: number;
      carbsG: number;
      totalMinutes: number;
    })[];
    totals: DayTotals;
    /** Each member's totals of the day, in member order. */
    memberTotals: MemberTotals[];
    /** A reintroduction washout day: elimination foods only. */
    washout: boolean;
    /** Make-ahead prep that starts this day (`prepLinesByDate`), derived on read. */
    prep: PrepLine[];
  }[];
};

/** Rows per INSERT: far below both engines' bound-parameter limits. */
const INSERT_CHUNK = 200;

const slotJson = z.enum(MEAL_TYPES);

function storedScore(plan: WeekPlan, score: PlanScore): StoredScore {
  const meals = plan.days.flatMap((d) => d.meals);
  return {
    score,
    totals: Object.fromEntries(plan.days.map((d) => [d.date, d.totals])),
    challenges: Object.fromEntries(
      meals.flatMap((m) => (m.challenge ? [[m.id, m.challenge]] : [])),
    ),
    washout: plan.days.filter((d) => d.washout === true).map((d) => d.date),
  };
}

async function insertMeals(tx: Db, planId: number, plan: WeekPlan): Promise<void> {
  const rows = plan.days.flatMap((day) =>
    day.meals.map((m) => ({
      planId,
      mealId: m.id,
      date: m.date,
      slot: m.slot,
      recipeSlug: m.recipeSlug,
      servings: m.servings,
      locked: m.locked,
      leftoverOf: m.leftoverOf,
      explanation: m.explanation,
    })),
  );
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await tx.orm.insert(tx.t.planMeals).values(rows.slice(i, i + INSERT_CHUNK));
  }
}

/**
 * The plans column holds whole people; a shared plan's real household (its portions' sum) is
 * read from its members.
 */
const householdColumn = (householdSize: number) => Math.ceil(householdSize - 1e-9);

/**
 * Saves a new plan and its meals in one transaction; returns its id. `members` (two or more,
 * the first being `profileId`) make it a shared plan.
 */
export async function savePlan(
  db: Db,
  profileId: number,
  householdSize: number,
  seed: number,
  plan: WeekPlan,
  score: PlanScore,
  now: string,
  members: readonly { profileId: number; portion: number }[] = [],
): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx.orm
      .insert(tx.t.plans)
      .values({
        profileId,
        weekStart: plan.weekStart,
        seed,
        householdSize: householdColumn(householdSize),
        score: storedScore(plan, score),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: tx.t.plans.id });
    if (!row) throw new Error('INSERT … RETURNING gave no row');
    if (members.length > 1) {
      await tx.orm
        .insert(tx.t.planMembers)
        .values(members.map((m, position) => ({ planId: row.id, ...m, position })));
    }
    await insertMeals(tx, row.id, plan);
    return row.id;
  });
}

/**
 * A profile's plans for the week starting `weekStart` with their versions (one, or none; older
 * data may hold more), oldest first.
 */
export async function plansOfWeek(
  db: Db,
  profileId: number,
  weekStart: string,
): Promise<{ id: number; version: number }[]> {
  const { plans } = db.t;
  return db.orm
    .select({ id: plans.id, version: plans.version })
    .from(plans)
    .where(and(eq(plans.profileId, profileId), eq(plans.weekStart, weekStart)))
    .orderBy(asc(plans.id));
}

/**
 * Takes the profile's row lock inside `tx`, so two app instances creating a plan for the same
 * profile run one after the other (PostgreSQL; SQLite's single writer already does). The update
 * changes nothing.
 */
export async function lockProfileForPlanning(tx: Db, profileId: number): Promise<void> {
  const { profiles } = tx.t;
  await tx.orm
    .update(profiles)
    .set({ updatedAt: sql`${profiles.updatedAt}` })
    .where(eq(profiles.id, profileId));
}

/** Deletes plans; their meals, shopping checks and changes go by the foreign keys' cascade. */
export async function deletePlans(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.transaction(async (tx) => {
    await tx.orm.delete(tx.t.plans).where(inArray(tx.t.plans.id, [...ids]));
  });
}

/** Replaces a plan's meals and score (after a swap, lock, regeneration or rescale). */
export async function replacePlanMeals(
  db: Db,
  planId: number,
  householdSize: number,
  plan: WeekPlan,
  score: PlanScore,
  now: string,
  seed?: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { plans, planMeals } = tx.t;
    await tx.orm.delete(planMeals).where(eq(planMeals.planId, planId));
    await insertMeals(tx, planId, plan);
    await tx.orm
      .update(plans)
      .set({
        score: storedScore(plan, score),
        updatedAt: now,
        householdSize: householdColumn(householdSize),
        ...(seed === undefined ? {} : { seed }),
      })
      .where(eq(plans.id, planId));
  });
}

/** Meal order within a day: breakfast, lunch, snack, dinner. */
function slotOrder(slot: Db['t']['planMeals']['slot']) {
  return sql`case ${slot} when 'breakfast' then 0 when 'lunch' then 1 when 'snack' then 2 else 3 end`;
}

/**
 * A plan's members in order: the shared plan's rows, else its profile alone at portion 1 (with
 * its household size, which the column holds). Names are the profiles' current names.
 */
async function planMembersOf(
  db: Db,
  plan: { id: number; profileId: number },
): Promise<{ members: PlanMember[]; shared: boolean }> {
  const { planMembers, profiles } = db.t;
  const rows = await db.orm
    .select({ profileId: planMembers.profileId, name: profiles.name, portion: planMembers.portion })
    .from(planMembers)
    .innerJoin(profiles, eq(profiles.id, planMembers.profileId))
    .where(eq(planMembers.planId, plan.id))
    .orderBy(asc(planMembers.position), asc(planMembers.profileId));
  if (rows.length > 0) return { members: rows, shared: true };
  const [own] = await db.orm
    .select({ name: profiles.name })
    .from(profiles)
    .where(eq(profiles.id, plan.profileId))
    .limit(1);
  return {
    members: [{ profileId: plan.profileId, name: own?.name ?? '', portion: 1 }],
    shared: false,
  };
}

/** A member's share of a day's per-person totals. */
function memberTotals(totals: DayTotals, members: readonly PlanMember[]): MemberTotals[] {
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return members.map((m) => ({
    profileId: m.profileId,
    energyKcal: Math.round(totals.energyKcal * m.portion),
    proteinG: r1(totals.proteinG * m.portion),
    fiberG: r1(totals.fiberG * m.portion),
    carbsG: r1(totals.carbsG * m.portion),
  }));
}

/**
 * Whether the plan was made for several members: its servings follow their portions, not a
 * profile's household size (one may remain after the others' profiles were deleted).
 */
export const isSharedPlan = (view: Pick<PlanView, 'shared'>) => view.shared;

/**
 * A plan with its meals, or null. The plan row (and its version) is read before the meals: a
 * change committed in between then shows as a newer version when the caller claims the one it
 * read, never as meals newer than their version.
 */
export async function getPlanById(db: Db, id: number): Promise<PlanView | null> {
  const { plans, planMeals, recipes } = db.t;
  const [plan] = await db.orm.select().from(plans).where(eq(plans.id, id)).limit(1);
  if (!plan) return null;
  const stored = storedScoreJson.parse(plan.score);
  const { members, shared } = await planMembersOf(db, plan);
  const householdSize = shared
    ? members.reduce((sum, m) => sum + m.portion, 0)
    : plan.householdSize;
  const meals = await db.orm
    .select({
      mealId: planMeals.mealId,
      date: planMeals.date,
      slot: planMeals.slot,
      recipeSlug: planMeals.recipeSlug,
      servings: planMeals.servings,
      locked: planMeals.locked,
      leftoverOf: planMeals.leftoverOf,
      explanation: planMeals.explanation,
      name: recipes.name,
      nutrition: recipes.nutritionPerServing,
      totalMinutes: recipes.totalMinutes,
      recipeServings: recipes.servings,
      leftoverDays: recipes.leftoverDays,
      prepMinutes: recipes.prepMinutes,
      cookMinutes: recipes.cookMinutes,
      activeMinutes: recipes.activeMinutes,
      passiveMinutes: recipes.passiveMinutes,
    })
    .from(planMeals)
    .innerJoin(recipes, eq(recipes.slug, planMeals.recipeSlug))
    .where(eq(planMeals.planId, id))
    .orderBy(asc(planMeals.date), slotOrder(planMeals.slot), asc(planMeals.mealId));
  const byDate = new Map<string, PlanView['days'][number]['meals']>();
  const portions = mealPortions(
    meals.map((m) => ({ id: m.mealId, servings: m.servings, leftoverOf: m.leftoverOf })),
    householdSize,
  );
  const batches = batchPlaces(
    meals.map((m) => ({ id: m.mealId, date: m.date, leftoverOf: m.leftoverOf })),
  );
  for (const m of meals) {
    const portion = portions.get(m.mealId) ?? 0;
    const batch = mealBatch(m, m.recipeServings);
    const place = batches.get(m.mealId);
    const n = nutritionColumn.parse(m.nutrition);
    const list = byDate.get(m.date) ?? [];
    const eaten = members.map((member) => ({
      profileId: member.profileId,
      name: member.name,
      servings: member.portion * portion,
      text: servingsWords(member.portion * portion),
    }));
    list.push({
      id: m.mealId,
      date: m.date,
      slot: slotJson.parse(m.slot),
      recipeSlug: m.recipeSlug,
      servings: m.servings,
      locked: m.locked,
      leftoverOf: m.leftoverOf,
      explanation: explanationJson.parse(m.explanation),
      challenge: stored.challenges[m.mealId] ?? null,
      recipeName: m.name,
      portion,
      portionText: portionText(portion),
      portions: eaten,
      portionsText: portionsText(eaten),
      cook: batch && cookLine(batch),
      batch: place ? { ...place, frozen: isFrozenPortion(place, m.date, m.leftoverDays) } : null,
      // Per person: one serving of the recipe times this meal's portion.
      energyKcal: Math.round((n.energyKcal ?? 0) * portion),
      proteinG: Math.round((n.proteinG ?? 0) * portion * 10) / 10,
      carbsG: Math.round((n.carbsG ?? 0) * portion * 10) / 10,
      totalMinutes: m.totalMinutes,
    });
    byDate.set(m.date, list);
  }
  // A prep that would start before the week (a plan made before the make-ahead rule) has no day.
  const prep = prepLinesByDate(
    meals.map((m) => ({ ...m, id: m.mealId, slot: slotJson.parse(m.slot), recipeName: m.name })),
  );
  return {
    id: plan.id,
    profileId: plan.profileId,
    weekStart: plan.weekStart,
    seed: plan.seed,
    householdSize,
    members,
    shared,
    version: plan.version,
    createdAt: plan.createdAt,
    updatedAt: plan.updatedAt,
    score: stored.score,
    days: [...byDate.entries()].map(([date, dayMeals]) => ({
      date,
      meals: dayMeals,
      totals: stored.totals[date] ?? EMPTY_DAY_TOTALS,
      memberTotals: memberTotals(stored.totals[date] ?? EMPTY_DAY_TOTALS, members),
      washout: stored.washout.includes(date),
      prep: prep.get(date) ?? [],
    })),
  };
}

/**
 * The planner's view of a stored plan (drops display-only fields). Servings are rescaled to
 * `householdSize` when the profile's household changed since the plan was saved, so locked
 * and kept meals keep their per-person portion.
 */
export function toWeekPlan(view: PlanView, householdSize = view.householdSize): WeekPlan {
  const scale = householdSize / view.householdSize;
  return {
    weekStart: view.weekStart,
    days: view.days.map((d) => ({
      date: d.date,
      totals: d.totals,
      washout: d.washout,
      meals: d.meals.map(
        ({ id, date, slot, recipeSlug, servings, locked, leftoverOf, explanation, challenge }) => ({
          id,
          date,
          slot,
          recipeSlug,
          servings: servings * scale,
          locked,
          leftoverOf,
          explanation,
          challenge,
        }),
      ),
    })),
  };
}

export type PlanSummary = {
  id: number;
  profileId: number;
  weekStart: string;
  createdAt: string;
  updatedAt: string;
};

/**
 * Plans, newest week first: those a profile owns or shares as a member when `profileId` is
 * given, else those of every profile of the household when `householdId` is given, else all.
 */
export async function listPlans(
  db: Db,
  profileId?: number,
  householdId?: number,
): Promise<PlanSummary[]> {
  const { plans, planMembers, profiles } = db.t;
  const byHousehold = profileId === undefined && householdId !== undefined;
  const sharedWith = db.orm
    .select({ id: planMembers.planId })
    .from(planMembers)
    .where(eq(planMembers.profileId, profileId ?? -1));
  return db.orm
    .select({
      id: plans.id,
      profileId: plans.profileId,
      weekStart: plans.weekStart,
      createdAt: plans.createdAt,
      updatedAt: plans.updatedAt,
    })
    .from(plans)
    .innerJoin(profiles, eq(profiles.id, plans.profileId))
    .where(
      byHousehold
        ? eq(profiles.householdId, householdId)
        : profileId === undefined
          ? undefined
          : or(eq(plans.profileId, profileId), inArray(plans.id, sharedWith)),
    )
    .orderBy(desc(plans.weekStart), desc(plans.id));
}
