import { createEvents, type EventAttributes } from 'ics';
import { cookText, servingsWords } from '../planner/batch-words';
import { cookBatch } from '../planner/batches';
import { challengeText, WASHOUT_TEXT } from '../planner/challenge-words';
import { addDays } from '../planner/dates';
import type { PrepLine } from '../planner/prep-lines';
import type { MealSlot, Plan, PlanMeal, Recipe } from '../shopping/types';
import { parseIsoDate, SLOT_LABELS, weekdayName } from './dates';
import { prepLineText } from './prep-text';
import type { SharedPortions } from './shared-portions';

/** Local wall-clock meal times, 'HH:MM'. */
export type MealTimes = Record<MealSlot, string>;

export const DEFAULT_MEAL_TIMES: MealTimes = {
  breakfast: '08:00',
  lunch: '12:30',
  snack: '16:00',
  dinner: '19:00',
};

/** Minutes blocked per meal; dinner is usually the one cooked from scratch. */
export const DEFAULT_MEAL_MINUTES: Record<MealSlot, number> = {
  breakfast: 30,
  lunch: 30,
  snack: 15,
  dinner: 45,
};

export type PlanIcsInput = {
  plan: Plan;
  recipes: ReadonlyMap<string, Recipe>;
  /** Absolute site URL, e.g. 'https://villi.example'; recipe links are `${baseUrl}/recipes/${slug}`. */
  baseUrl: string;
  /** When the file is made, ISO UTC ('2026-11-28T10:00:00Z'); becomes DTSTAMP. Never read from a clock here. */
  generatedAt: string;
  mealTimes?: Partial<MealTimes>;
  mealMinutes?: Partial<Record<MealSlot, number>>;
  calendarName?: string;
  /** Make-ahead prep by the date it starts (the plan view's `prep`): one all-day event each. */
  prep?: ReadonlyMap<string, readonly PrepLine[]>;
  /** A shared plan: each meal's description says who eats how much. */
  shared?: SharedPortions;
};

/** '2026-11-28T10:00:00.000Z' → '20261128T100000Z' (iCalendar UTC form). */
function toIcsUtc(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/.exec(iso);
  if (!m) throw new Error(`generatedAt must be an ISO UTC timestamp, got "${iso}"`);
  return `${m[1]}${m[2]}${m[3]}T${m[4]}${m[5]}${m[6]}Z`;
}

/** A floating local date-time: no zone, so 19:00 stays 19:00 wherever the calendar is. */
function toIcsFloating(date: string, time: string): string {
  parseIsoDate(date);
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!m) throw new Error(`meal time must be HH:MM, got "${time}"`);
  return `${date.replace(/-/g, '')}T${m[1]}${m[2]}00`;
}

export function recipeUrl(baseUrl: string, slug: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/recipes/${encodeURIComponent(slug)}`;
}

/**
 * The week as an iCalendar file built with the `ics` package: one event per meal, leftover
 * meals included and titled "… (leftovers)", a challenge meal's title naming its add-on and its
 * description the whole line (a washout day's meals say so), at the profile's meal times, and an all-day
 * "Prep: …" event on the day each make-ahead item's prep starts.
 * Times are floating (RFC 5545 §3.3.5): a meal time is a wall-clock habit, so a plan made at
 * home still says 19:00 when the phone is in another zone or after a DST change, and no
 * VTIMEZONE (which `ics` cannot write) is needed. UIDs are `${planId}-${mealId}@villi`, stable
 * across exports so re-importing updates events instead of duplicating them.
 */
export function planToIcs(input: PlanIcsInput): string {
  const { plan, recipes, baseUrl } = input;
  const times: MealTimes = { ...DEFAULT_MEAL_TIMES, ...input.mealTimes };
  const minutes = { ...DEFAULT_MEAL_MINUTES, ...input.mealMinutes };
  const timestamp = toIcsUtc(input.generatedAt);
  const mealsById = new Map<string, { meal: PlanMeal; date: string }>();
  for (const day of plan.days)
    for (const meal of day.meals) mealsById.set(meal.id, { meal, date: day.date });

  const events = plan.days.flatMap((day) =>
    day.meals.map((meal) => {
      const recipe = recipes.get(meal.recipeSlug);
      if (!recipe) throw new Error(`recipe "${meal.recipeSlug}" of meal ${meal.id} not loaded`);
      const url = recipeUrl(baseUrl, recipe.slug);
      const cooked = meal.leftoverOf === null ? null : mealsById.get(meal.leftoverOf);
      const challenge = meal.challenge
        ? `${challengeText(meal.challenge, meal.slot)}.\n`
        : day.washout
          ? `${WASHOUT_TEXT}.\n`
          : '';
      const title = `${SLOT_LABELS[meal.slot]}: ${recipe.name}${meal.leftoverOf === null ? '' : ' (leftovers)'}${meal.challenge ? ` + ${meal.challenge.words} (challenge)` : ''}`;
      const what =
        meal.leftoverOf === null
          ? `To ${cookText(cookBatch(meal.servings, recipe.servings))}: prep ${recipe.prepMinutes} min, cook ${recipe.cookMinutes} min.`
          : `Leftovers${cooked ? ` from ${weekdayName(cooked.date)} ${cooked.meal.slot}` : ''}: ${servingsWords(meal.servings)}, nothing to cook.`;
      const who = input.shared?.byMeal.get(meal.id);
      const portions = who === undefined ? '' : `\nPortions: ${who}.`;
      // `timestamp` (DTSTAMP) is missing from the package's types; left out, `ics` reads the clock
      const event: EventAttributes & { timestamp: string } = {
        uid: `${plan.id}-${meal.id}@villi`,
        title,
        start: toIcsFloating(day.date, times[meal.slot]),
        startInputType: 'local',
        startOutputType: 'local',
        duration: { minutes: minutes[meal.slot] },
        description: `${challenge}${what}${portions}\nRecipe: ${url}`,
        url,
        transp: 'TRANSPARENT',
        busyStatus: 'FREE',
        categories: ['Meal plan', SLOT_LABELS[meal.slot]],
        timestamp,
      };
      return event;
    }),
  );

  const prepEvents = plan.days.flatMap((day) =>
    (input.prep?.get(day.date) ?? []).map((line) => {
      const url = recipeUrl(baseUrl, line.recipeSlug);
      const { year, month, day: d } = parseIsoDate(day.date);
      const next = parseIsoDate(addDays(day.date, 1));
      // An all-day event: when in the day to start is the cook's call, the day is not.
      const event: EventAttributes & { timestamp: string } = {
        uid: `${plan.id}-prep-${line.forMeal}@villi`,
        title: `Prep: ${line.recipeName}`,
        start: [year, month, d],
        end: [next.year, next.month, next.day],
        description: `${prepLineText(line, day.date)}.\nRecipe: ${url}`,
        url,
        transp: 'TRANSPARENT',
        busyStatus: 'FREE',
        categories: ['Meal plan', 'Prep'],
        timestamp,
      };
      return event;
    }),
  );

  const { error, value } = createEvents([...prepEvents, ...events], {
    productId: '-//Villi//Meal plan//EN',
    calName: input.calendarName ?? `Villi meal plan, week of ${plan.weekStart}`,
  });
  if (error || value === null) {
    throw new Error(`could not build the calendar for plan ${plan.id}`, { cause: error });
  }
  return value;
}
