import type { AlternativeFilter, AlternativeRejections } from './swap';
import type { DayTotals } from './types';
import { mealsText } from './variety';

/** A day's total of a capped nutrient, per person, as the plan view gives it. */
type Capped = { total: number; max: number };

export type EmptyListFacts = {
  /** The meal's slot, e.g. "dinner". */
  slot: string;
  /** Alternatives before the filter. */
  available: number;
  filter: AlternativeFilter;
  rejected: AlternativeRejections;
  /** With a cooking budget, the day's sessions and hands-on minutes as planned and the budget. */
  day: { limitMinutes: number; weekend: boolean; cooking?: DayTotals['cooking'] };
  /** Meals a week one main protein may be served at (absent or null = no limit). */
  maxProteinMeals?: number | null;
  /** The day's totals of the capped nutrients (absent when not capped). */
  totals: { fructoseG?: Capped; sodiumMg?: Capped; retinolUg?: Capped };
};

export type BlockingLimit =
  | 'filters'
  | 'no-recipes'
  | 'time'
  | 'not-ready'
  | 'repeats'
  | 'leftover'
  | 'cooking-sessions'
  | 'hands-on'
  | 'protein'
  | 'fructose'
  | 'sodium'
  | 'retinol';

export type Blocker = {
  limit: BlockingLimit;
  /** Recipes this limit keeps out. */
  recipes: number;
  message: string;
};

const count = (n: number) => n.toLocaleString('en-US');
const recipes = (n: number) => `${count(n)} ${n === 1 ? 'recipe' : 'recipes'}`;
/** "takes" for one, "take" for more. */
const verb = (n: number, one: string, more: string) => (n === 1 ? one : more);

const CAPS = [
  { limit: 'fructose', key: 'fructoseG', name: 'fructose', unit: 'g' },
  { limit: 'sodium', key: 'sodiumMg', name: 'sodium', unit: 'mg' },
  { limit: 'retinol', key: 'retinolUg', name: 'preformed vitamin A (retinol)', unit: 'µg' },
] as const;

function filterWords(filter: AlternativeFilter): string {
  const parts = [
    filter.q ? `“${filter.q}”` : null,
    filter.maxMinutes !== undefined ? `at most ${count(filter.maxMinutes)} min` : null,
    filter.maxKcal !== undefined ? `at most ${count(filter.maxKcal)} kcal` : null,
  ].filter((p) => p !== null);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/**
 * Why a meal has no alternative, in the planner's own rules, the limit that keeps out the most
 * recipes first. When the rules leave alternatives and only the filter removes them, the filter
 * is the one reason. Empty when there are alternatives to show.
 */
export function explainNoAlternatives(facts: EmptyListFacts, shown: number): Blocker[] {
  if (shown > 0) return [];
  const { rejected, available } = facts;
  if (available > 0) {
    return [
      {
        limit: 'filters',
        recipes: available,
        message: `None of the ${recipes(available)} that fit ${verb(available, 'matches', 'match')} your search and filters${filterWords(facts.filter)}.`,
      },
    ];
  }
  if (rejected.candidates === 0) {
    return [
      {
        limit: 'no-recipes',
        recipes: 0,
        message: `No other ${facts.slot} recipe fits your protocol, allergies and dislikes.`,
      },
    ];
  }
  const out: Blocker[] = [];
  if (rejected.tooLong > 0) {
    const kind = facts.day.weekend ? 'weekend' : 'weekday';
    out.push({
      limit: 'time',
      recipes: rejected.tooLong,
      message: `${recipes(rejected.tooLong)} ${verb(rejected.tooLong, 'takes', 'take')} longer than your ${kind} time limit of ${count(facts.day.limitMinutes)} min.`,
    });
  }
  if (rejected.notReady > 0) {
    out.push({
      limit: 'not-ready',
      recipes: rejected.notReady,
      message: `${recipes(rejected.notReady)} ${verb(rejected.notReady, 'is', 'are')} made ahead and would not be ready that day: the prep would start before the week.`,
    });
  }
  if (rejected.repeated > 0) {
    out.push({
      limit: 'repeats',
      recipes: rejected.repeated,
      message: `${recipes(rejected.repeated)} ${verb(rejected.repeated, 'is', 'are')} already cooked this week or served that day.`,
    });
  }
  if (rejected.leftover > 0) {
    out.push({
      limit: 'leftover',
      recipes: rejected.leftover,
      message: `${recipes(rejected.leftover)} would leave a leftover meal of its batch with no recipe that fits.`,
    });
  }
  const kind = facts.day.weekend ? 'weekend' : 'weekday';
  const cooking = facts.day.cooking;
  const sessions = rejected.overBudget.sessions;
  if (sessions > 0) {
    const where = cooking
      ? `The day already has ${count(cooking.sessions)} of the ${count(cooking.budget.sessions)} cooking ${cooking.budget.sessions === 1 ? 'session' : 'sessions'} your ${kind} budget allows`
      : `The day is at your ${kind} budget of cooking sessions`;
    out.push({
      limit: 'cooking-sessions',
      recipes: sessions,
      message: `${where}: ${recipes(sessions)} would need one more.`,
    });
  }
  const minutes = rejected.overBudget.activeMinutes;
  if (minutes > 0) {
    const where = cooking
      ? `The day already has ${count(Math.round(cooking.activeMinutes))} of the ${count(cooking.budget.activeMinutes)} hands-on minutes your ${kind} budget allows`
      : `The day is near your ${kind} budget of hands-on minutes`;
    out.push({
      limit: 'hands-on',
      recipes: minutes,
      message: `${where}: ${recipes(minutes)} would take it over.`,
    });
  }
  if (rejected.protein > 0) {
    const limit = facts.maxProteinMeals ? mealsText(facts.maxProteinMeals) : 'the meals';
    out.push({
      limit: 'protein',
      recipes: rejected.protein,
      message: `${recipes(rejected.protein)} would serve ${verb(rejected.protein, 'its', 'their')} main protein more often than your limit of ${limit} a week.`,
    });
  }
  for (const cap of CAPS) {
    const n = rejected.overCap[cap.key];
    if (n === 0) continue;
    const t = facts.totals[cap.key];
    const where = t
      ? `The day already has ${count(Math.round(t.total))} of its ${count(t.max)} ${cap.unit} ${cap.name} limit per person`
      : `The day is near its ${cap.name} limit`;
    out.push({
      limit: cap.limit,
      recipes: n,
      message: `${where}: ${recipes(n)} would take it over.`,
    });
  }
  // Stable: equal counts keep the order above (time, not ready, repeats, leftover, budget, protein, caps).
  return out.sort((a, b) => b.recipes - a.recipes);
}
