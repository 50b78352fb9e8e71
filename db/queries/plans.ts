import 'server-only';
import type { MealType } from '../../lib/foods/codes';
import type { DayTotals, PlannedMeal, PlanScore, WeekPlan } from '../../lib/planner/types';
import type { Db } from '../client';

/** What the API returns for a plan: the planner's week plus ids and recipe names. */
export type PlanView = {
  id: number;
  profileId: number;
  weekStart: string;
  seed: number;
  /** The household size the servings were computed for. */
  householdSize: number;
  createdAt: string;
  updatedAt: string;
  score: PlanScore | null;
  days: {
    date: string;
    meals: (PlannedMeal & {
      recipeName: string;
      /** Per-person portion of the recipe's serving (0.75 … 1.5). */
      portion: number;
      energyKcal: number;
      proteinG: number;
      carbsG: number;
      totalMinutes: number;
    })[];
    totals: DayTotals;
  }[];
};

type StoredScore = { score: PlanScore; totals: Record<string, DayTotals> };

type MealRow = {
  meal_id: string;
  date: string;
  slot: string;
  recipe_slug: string;
  servings: number;
  locked: number;
  leftover_of: string | null;
  explanation: string;
  name: string;
  nutrition_per_serving: string;
  total_minutes: number;
};

function storedScore(plan: WeekPlan, score: PlanScore): StoredScore {
  return { score, totals: Object.fromEntries(plan.days.map((d) => [d.date, d.totals])) };
}

function writeMeals(db: Db, planId: number, plan: WeekPlan): void {
  const insert = db.$client.prepare(
    `INSERT INTO plan_meals (plan_id, meal_id, date, slot, recipe_slug, servings, locked, leftover_of, explanation)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const day of plan.days) {
    for (const m of day.meals) {
      insert.run(
        planId,
        m.id,
        m.date,
        m.slot,
        m.recipeSlug,
        m.servings,
        m.locked ? 1 : 0,
        m.leftoverOf,
        JSON.stringify(m.explanation),
      );
    }
  }
}

/** Saves a new plan and its meals in one transaction. */
export function savePlan(
  db: Db,
  profileId: number,
  householdSize: number,
  seed: number,
  plan: WeekPlan,
  score: PlanScore,
  now: string,
): number {
  return db.$client.transaction(() => {
    const row = db.$client
      .prepare(
        'INSERT INTO plans (profile_id, week_start, seed, household_size, score, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id',
      )
      .get(
        profileId,
        plan.weekStart,
        seed,
        householdSize,
        JSON.stringify(storedScore(plan, score)),
        now,
        now,
      ) as {
      id: number;
    };
    writeMeals(db, row.id, plan);
    return row.id;
  })();
}

/** Ids of a profile's plans for the week starting `weekStart` (one, or none; older data may hold more). */
export function planIdsForWeek(db: Db, profileId: number, weekStart: string): number[] {
  const rows = db.$client
    .prepare('SELECT id FROM plans WHERE profile_id = ? AND week_start = ? ORDER BY id')
    .all(profileId, weekStart) as { id: number }[];
  return rows.map((r) => r.id);
}

/**
 * Saves a new plan in place of `replaced` (deleted with their meals, shopping checks and
 * changes by the foreign keys' cascade), in one transaction.
 */
export function replacePlans(db: Db, replaced: readonly number[], save: () => number): number {
  return db.$client.transaction(() => {
    const del = db.$client.prepare('DELETE FROM plans WHERE id = ?');
    for (const id of replaced) del.run(id);
    return save();
  })();
}

/** Replaces a plan's meals (after a swap, lock or regeneration) in one transaction. */
export function replacePlanMeals(
  db: Db,
  planId: number,
  householdSize: number,
  plan: WeekPlan,
  score: PlanScore,
  now: string,
  seed?: number,
): void {
  db.$client.transaction(() => {
    db.$client.prepare('DELETE FROM plan_meals WHERE plan_id = ?').run(planId);
    writeMeals(db, planId, plan);
    db.$client
      .prepare(
        'UPDATE plans SET score = ?, updated_at = ?, household_size = ?, seed = coalesce(?, seed) WHERE id = ?',
      )
      .run(JSON.stringify(storedScore(plan, score)), now, householdSize, seed ?? null, planId);
  })();
}

export function getPlanById(db: Db, id: number): PlanView | null {
  const plan = db.$client.prepare('SELECT * FROM plans WHERE id = ?').get(id) as
    | {
        id: number;
        profile_id: number;
        week_start: string;
        seed: number;
        household_size: number;
        score: string;
        created_at: string;
        updated_at: string;
      }
    | undefined;
  if (!plan) return null;
  const stored = JSON.parse(plan.score) as StoredScore;
  const meals = db.$client
    .prepare(
      `SELECT m.*, r.name, r.nutrition_per_serving, r.total_minutes FROM plan_meals m JOIN recipes r ON r.slug = m.recipe_slug
       WHERE m.plan_id = ? ORDER BY m.date, CASE m.slot WHEN 'breakfast' THEN 0 WHEN 'lunch' THEN 1 WHEN 'snack' THEN 2 ELSE 3 END`,
    )
    .all(id) as MealRow[];
  const byDate = new Map<string, PlanView['days'][number]['meals']>();
  // A cooking meal's servings include the leftover portions it feeds: subtract them for its own.
  const fed = new Map<string, number>();
  for (const m of meals) {
    if (m.leftover_of) fed.set(m.leftover_of, (fed.get(m.leftover_of) ?? 0) + m.servings);
  }
  for (const m of meals) {
    const portion = (m.servings - (fed.get(m.meal_id) ?? 0)) / plan.household_size;
    const n = JSON.parse(m.nutrition_per_serving) as Record<string, number | null>;
    const list = byDate.get(m.date) ?? [];
    list.push({
      id: m.meal_id,
      date: m.date,
      slot: m.slot as MealType,
      recipeSlug: m.recipe_slug,
      servings: m.servings,
      locked: m.locked === 1,
      leftoverOf: m.leftover_of,
      explanation: JSON.parse(m.explanation),
      recipeName: m.name,
      portion,
      // Per person: one serving of the recipe times this meal's portion.
      energyKcal: Math.round((n.energyKcal ?? 0) * portion),
      proteinG: Math.round((n.proteinG ?? 0) * portion * 10) / 10,
      carbsG: Math.round((n.carbsG ?? 0) * portion * 10) / 10,
      totalMinutes: m.total_minutes,
    });
    byDate.set(m.date, list);
  }
  const days = [...byDate.entries()].map(([date, dayMeals]) => ({
    date,
    meals: dayMeals,
    totals: stored.totals[date] as DayTotals,
  }));
  return {
    id: plan.id,
    profileId: plan.profile_id,
    weekStart: plan.week_start,
    seed: plan.seed,
    householdSize: plan.household_size,
    createdAt: plan.created_at,
    updatedAt: plan.updated_at,
    score: stored.score ?? null,
    days,
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
      meals: d.meals.map(
        ({ id, date, slot, recipeSlug, servings, locked, leftoverOf, explanation }) => ({
          id,
          date,
          slot,
          recipeSlug,
          servings: servings * scale,
          locked,
          leftoverOf,
          explanation,
        }),
      ),
    })),
  };
}

export function listPlans(
  db: Db,
  profileId?: number,
): { id: number; profileId: number; weekStart: string; createdAt: string; updatedAt: string }[] {
  const sql = `SELECT id, profile_id AS profileId, week_start AS weekStart, created_at AS createdAt, updated_at AS updatedAt
    FROM plans ${profileId === undefined ? '' : 'WHERE profile_id = ?'} ORDER BY week_start DESC, id DESC`;
  const stmt = db.$client.prepare(sql);
  return (profileId === undefined ? stmt.all() : stmt.all(profileId)) as ReturnType<
    typeof listPlans
  >;
}
