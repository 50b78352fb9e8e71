import type { MealType } from '../foods/codes';
import { MAKE_AHEAD_PASSIVE_MINUTES } from '../recipes/schema';

/**
 * Make-ahead items (ferments, broths, overnight soaks: `MAKE_AHEAD_PASSIVE_MINUTES` or more
 * unattended) are prep tasks with a lead time. A meal can only serve one that is ready, and its
 * prep starts within the plan's week, so on day d of the week (0 = the first) a make-ahead recipe
 * may be served at a slot only when d ≥ its lead for that slot (HARD; `Model.cellCandidates`).
 */

const MINUTES_PER_DAY = 24 * 60;

/**
 * When each meal is on the table, minutes after midnight: typical times, not the profile's
 * calendar times (those only place events; the lead must not change when a user moves dinner).
 */
export const SERVE_MINUTE: Record<MealType, number> = {
  breakfast: 7 * 60,
  lunch: 12 * 60,
  snack: 15 * 60,
  dinner: 18 * 60,
};

/**
 * Hours in which a prep may start: nobody starts a ferment at 2 am. A start outside them moves
 * back to `PREP_LATEST` of the evening before.
 */
export const PREP_EARLIEST = 7 * 60;
export const PREP_LATEST = 21 * 60;

/** The times of a recipe the lead reads; unknown hands-on minutes count prep + cook. */
export type LeadTimes = {
  activeMinutes: number | null;
  /** Unattended minutes; absent or null = none known (an everyday recipe). */
  passiveMinutes?: number | null;
  prepMinutes: number;
  cookMinutes: number;
};

/** Whether the recipe is made ahead: hours unattended (see `MAKE_AHEAD_PASSIVE_MINUTES`). */
export function isMakeAhead(times: LeadTimes): boolean {
  return (times.passiveMinutes ?? 0) >= MAKE_AHEAD_PASSIVE_MINUTES;
}

/**
 * Days between the latest start of the recipe's prep and the day it is served at `slot`: 0 for a
 * recipe that is not made ahead. The latest start is the serve time minus hands-on and
 * unattended minutes, moved back into `PREP_EARLIEST`–`PREP_LATEST`. Overnight oats for
 * breakfast: 1; a slow-cooker pork of 8 h 45 min for dinner (start 09:15): 0.
 */
export function leadDays(slot: MealType, times: LeadTimes): number {
  if (!isMakeAhead(times)) return 0;
  const active = times.activeMinutes ?? times.prepMinutes + times.cookMinutes;
  const start = SERVE_MINUTE[slot] - active - (times.passiveMinutes ?? 0);
  let day = Math.floor(start / MINUTES_PER_DAY);
  const minute = start - day * MINUTES_PER_DAY;
  // before 07:00: the evening before at 21:00; after 21:00: 21:00 that same evening
  if (minute < PREP_EARLIEST) day -= 1;
  return day === 0 ? 0 : -day;
}

/** What the unattended time is, in a word: `simmer` (mostly on the heat), `ferment`, or none. */
export type PassiveKind = 'simmer' | 'ferment' | null;

/** Unattended time from which a no-heat recipe is a ferment rather than an overnight soak. */
const FERMENT_MINUTES = 24 * 60;

/**
 * The kind of a make-ahead recipe's wait, from its times alone: at least half the wait on the
 * heat is a simmer (broths, slow cookers); days without heat are a ferment; anything else
 * (soaks, chilling, marinades) has no one word.
 */
export function passiveKindOf(times: LeadTimes): PassiveKind {
  const passive = times.passiveMinutes ?? 0;
  if (times.cookMinutes * 2 >= passive) return 'simmer';
  if (times.cookMinutes === 0 && passive >= FERMENT_MINUTES) return 'ferment';
  return null;
}

/** "1 day", "3 days". */
export function daysText(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

/** "needs 3 days to ferment", "needs 1 day to simmer", "needs 1 day ahead". */
export function leadText(lead: number, kind: PassiveKind): string {
  return kind ? `needs ${daysText(lead)} to ${kind}` : `needs ${daysText(lead)} ahead`;
}
