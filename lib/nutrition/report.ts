import type { MealType } from '../foods/codes';
import { NUTRIENTS, type NutrientKey } from '../foods/nutrients';
import {
  type MicronutrientKey,
  type NutrientTarget,
  type NutrientTargets,
  TRACKED_MICRONUTRIENTS,
} from './nutrient-model';

/**
 * The weekly nutrition report of a plan (DOMAIN §7): per day and on the 7-day average, each
 * nutrient's amount per person with the share of ingredient lines whose value is known. An
 * unknown value is never counted as 0: an amount with `knownShare` < 1 is "at least" that much.
 * Micronutrient targets are judged on the weekly average (DRIs describe usual intake); sodium and
 * preformed vitamin A caps per day. Messages describe food only: never a supplement or medicine.
 */

/** Nutrients in the report: the daily macros the charts show, the capped ones, the tracked ones. */
export const REPORT_NUTRIENTS = [
  'energyKcal',
  'proteinG',
  'carbsG',
  'fiberG',
  'fatG',
  'saturatedFatG',
  'sodiumMg',
  'retinolUg',
  ...TRACKED_MICRONUTRIENTS,
] as const satisfies readonly NutrientKey[];
export type ReportNutrient = (typeof REPORT_NUTRIENTS)[number];

/** The per-day charts of the report page. */
export const DAILY_CHART_NUTRIENTS = [
  'energyKcal',
  'proteinG',
  'fiberG',
  'sodiumMg',
  'carbsG',
] as const satisfies readonly ReportNutrient[];

type CappedNutrient = 'sodiumMg' | 'retinolUg';

/** What the report judges, in display order: weekly-average floors, then per-day caps. */
export const TRACKED_LIMITS: readonly { key: ReportNutrient; kind: 'target' | 'cap' }[] = [
  ...TRACKED_MICRONUTRIENTS.map((key) => ({ key, kind: 'target' as const })),
  { key: 'sodiumMg', kind: 'cap' },
  { key: 'retinolUg', kind: 'cap' },
];

const META = new Map<string, { label: string; unit: string }>(
  NUTRIENTS.map((n) => [n.key, { label: n.label, unit: n.unit }]),
);
/** Plain labels where SR21's column names are technical. */
const LABELS: Partial<Record<ReportNutrient, string>> = {
  folateDfeUg: 'Folate',
  vitaminARaeUg: 'Vitamin A',
  retinolUg: 'Preformed vitamin A',
  fiberG: 'Fiber',
};

export function nutrientLabel(key: ReportNutrient): string {
  return LABELS[key] ?? META.get(key)?.label ?? key;
}
export function nutrientUnit(key: ReportNutrient): string {
  return META.get(key)?.unit ?? '';
}

/** One meal of the plan as eaten by one person. */
export type ReportMeal = {
  id: string;
  date: string;
  slot: MealType;
  recipeSlug: string;
  recipeName: string;
  /** Servings of the recipe one person eats at this meal. */
  portion: number;
  /** One serving of the recipe: sums of the ingredient lines that report each nutrient. */
  perServing: Partial<Record<string, number | null>>;
  /** Per nutrient, ingredient lines without a value (absent = 0). */
  unknown: Partial<Record<string, number>>;
  /** Ingredient lines of the recipe. */
  ingredientLines: number;
};

/** A compliant catalog recipe that could be swapped in (the use case filters compliance). */
export type SuggestionCandidate = {
  slug: string;
  name: string;
  mealTypes: readonly MealType[];
  perServing: Partial<Record<string, number | null>>;
  unknown: Partial<Record<string, number>>;
};

/** The profile's daily energy, protein and fibre goals (lib/nutrition/targets.ts). */
export type DailyGoals = {
  energyKcal: number;
  proteinG: number;
  fiberG: number;
  /** "default" when computed, "set" when typed on the profile. */
  source?: Partial<Record<'energyKcal' | 'proteinG' | 'fiberG', 'default' | 'set'>>;
};

export type ReportInput = {
  days: { date: string; meals: ReportMeal[] }[];
  targets: NutrientTargets;
  daily: DailyGoals;
  candidates: readonly SuggestionCandidate[];
  /** Whether the planner accepts swapping a recipe into a meal (absent: every fitting slot). */
  canSwap?: (mealId: string, recipeSlug: string) => boolean;
};

export type NutrientAmount = { amount: number; unit: string; knownShare: number };
export type ReportTarget = NutrientTarget;
export type FindingStatus = 'low' | 'high' | 'ok';
export type Finding = {
  nutrient: string;
  status: FindingStatus;
  message: string;
  meals: string[];
  suggestions: string[];
};

export type NutritionReport = {
  lifeStage: string;
  /** Why the life stage is not the person's own (e.g. no body data), when it is not. */
  lifeStageNote?: string;
  perDay: { date: string; nutrients: Record<ReportNutrient, NutrientAmount> }[];
  weekAverage: Record<ReportNutrient, NutrientAmount>;
  /** Weekly-average floors (micronutrients) and the daily energy, protein and fibre goals. */
  targets: Record<string, ReportTarget>;
  /** Per-day limits. */
  caps: Record<CappedNutrient, ReportTarget>;
  findings: Finding[];
  /** Nutrients SR21 has no values for, and why they matter (DOMAIN §7.4). */
  notTracked: { nutrient: string; message: string }[];
};

/** DOMAIN §7.4, in plain words; no supplement advice (§9.2, §9.3). */
export const NOT_TRACKED: NutritionReport['notTracked'] = [
  {
    nutrient: 'vitamin D',
    message:
      'Vitamin D is not tracked: the USDA data Villi uses has no values for it. Few foods contain it, and with dairy and often eggs left out it can run low; low levels are common in inflammatory bowel disease. Fatty fish and egg yolk are food sources where the phase allows them. Ask your clinician whether a blood test makes sense.',
  },
  {
    nutrient: 'iodine',
    message:
      'Iodine is not tracked: the USDA data Villi uses has no values for it. Dairy and eggs are major sources, and sea or pink salt and plant milks are usually not iodised. Saltwater fish, shellfish and iodised salt are food sources; seaweed varies a lot (kelp can give far too much). Talk to your clinician about iodine, especially in pregnancy or thyroid disease.',
  },
];

const round2 = (x: number): number => Math.round(x * 100) / 100;
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** 13.5: one decimal. */
const formatPercent = (x: number): string =>
  x.toLocaleString('en-US', { maximumFractionDigits: 1 });

/** 1,000 / 640 / 2.4: whole numbers at 10 and above, one decimal below. */
export function formatAmount(x: number): string {
  const digits = Math.abs(x) >= 10 ? 0 : 1;
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

function dayName(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', {
    weekday: 'long',
    timeZone: 'UTC',
  });
}

/** One meal's amount of a nutrient per person and its known and total ingredient lines. */
function mealAmount(
  meal: ReportMeal,
  key: string,
): { amount: number; known: number; lines: number } {
  const lines = Math.max(0, meal.ingredientLines);
  const unknown = Math.min(lines, meal.unknown[key] ?? 0);
  const value = meal.perServing[key];
  // A null sum means no line reported the nutrient: nothing is known, and it is not zero.
  const known = value == null ? 0 : lines - unknown;
  return { amount: (value ?? 0) * meal.portion, known, lines };
}

type Sum = { amount: number; known: number; lines: number };

function sumMeals(meals: readonly ReportMeal[], key: string): Sum {
  const s: Sum = { amount: 0, known: 0, lines: 0 };
  for (const m of meals) {
    const a = mealAmount(m, key);
    s.amount += a.amount;
    s.known += a.known;
    s.lines += a.lines;
  }
  return s;
}

function toAmount(s: Sum, key: ReportNutrient, days = 1): NutrientAmount {
  return {
    amount: round2(s.amount / days),
    unit: nutrientUnit(key),
    knownShare: s.lines === 0 ? 1 : round3(s.known / s.lines),
  };
}

function perNutrient<T>(f: (key: ReportNutrient) => T): Record<ReportNutrient, T> {
  return Object.fromEntries(REPORT_NUTRIENTS.map((k) => [k, f(k)])) as Record<ReportNutrient, T>;
}

const lower = (s: string): string => `${s.charAt(0).toLowerCase()}${s.slice(1)}`;
const atLeast = (a: NutrientAmount): string => (a.knownShare < 1 ? 'at least ' : '');

/** Meals that give the least of a nutrient, one per recipe, main meals first: up to 3. */
function leastMeals(input: ReportInput, key: string): ReportMeal[] {
  const seen = new Set<string>();
  const meals = input.days
    .flatMap((d) => d.meals)
    .filter((m) => m.slot !== 'snack')
    .map((m) => ({ m, amount: mealAmount(m, key).amount }))
    .sort((a, b) => a.amount - b.amount || a.m.id.localeCompare(b.m.id));
  const out: ReportMeal[] = [];
  for (const { m } of meals) {
    if (seen.has(m.recipeSlug)) continue;
    seen.add(m.recipeSlug);
    out.push(m);
    if (out.length === 3) break;
  }
  return out;
}

/** Meals that give the most of a nutrient, one per recipe, in the given days: up to 3. */
function mostMeals(days: ReportInput['days'], key: string): ReportMeal[] {
  const seen = new Set<string>();
  const meals = days
    .flatMap((d) => d.meals)
    .map((m) => ({ m, amount: mealAmount(m, key).amount }))
    .filter((x) => x.amount > 0)
    .sort((a, b) => b.amount - a.amount || a.m.id.localeCompare(b.m.id));
  const out: ReportMeal[] = [];
  for (const { m } of meals) {
    if (seen.has(m.recipeSlug)) continue;
    seen.add(m.recipeSlug);
    out.push(m);
    if (out.length === 3) break;
  }
  return out;
}

/** The meal a suggested recipe would replace: the first of `meals` whose slot it fits. */
export function swapTarget<M extends Pick<ReportMeal, 'id' | 'slot'>>(
  meals: readonly M[],
  mealTypes: readonly MealType[],
): M | undefined {
  return meals.find((m) => mealTypes.includes(m.slot));
}

export type RankOptions = {
  /** Recipes already in the plan (default: those of `meals`). */
  inPlan?: ReadonlySet<string>;
  limit?: number;
  /** Least energy per serving, so an excess is swapped for a comparable meal, not a side dish. */
  minEnergyKcal?: number;
  /** Whether the planner would accept this swap (checked last, only for the best candidates). */
  canSwap?: (mealId: string, recipeSlug: string) => boolean;
};

/**
 * Compliant recipes to swap into `meals`, best first: for a shortfall the most of the nutrient
 * per serving (known lines only, a lower bound), for an excess the least with every line known.
 * A candidate must fit one of the meals' slots (it replaces the first such meal, `swapTarget`)
 * and not be in the plan already; it must stay within half of each daily cap per serving with
 * those values known, so a suggestion never trades one finding for another. Ties go by name.
 * Pure: the use case finds the candidates and says which swaps the planner accepts.
 */
export function rankSuggestions(
  candidates: readonly SuggestionCandidate[],
  nutrient: string,
  direction: 'more' | 'less',
  meals: readonly Pick<ReportMeal, 'id' | 'slot' | 'recipeSlug'>[],
  caps: NutrientTargets['caps'],
  options: RankOptions = {},
): SuggestionCandidate[] {
  const inPlan = options.inPlan ?? new Set(meals.map((m) => m.recipeSlug));
  const limit = options.limit ?? 3;
  const minEnergyKcal = options.minEnergyKcal ?? 0;
  const withinCaps = (c: SuggestionCandidate) =>
    (['sodiumMg', 'retinolUg'] as const).every((k) => {
      const v = c.perServing[k];
      return v != null && (c.unknown[k] ?? 0) === 0 && v <= caps[k].amount / 2;
    });
  const value = (c: SuggestionCandidate) => c.perServing[nutrient] ?? null;
  const ranked = candidates
    .filter((c) => !inPlan.has(c.slug) && swapTarget(meals, c.mealTypes) !== undefined)
    .filter(withinCaps)
    .filter((c) => (c.perServing.energyKcal ?? 0) >= minEnergyKcal)
    .filter((c) => {
      const v = value(c);
      if (v == null) return false;
      return direction === 'more' ? v > 0 : (c.unknown[nutrient] ?? 0) === 0;
    })
    .sort((a, b) => {
      const d = (value(b) ?? 0) - (value(a) ?? 0);
      return (direction === 'more' ? d : -d) || a.name.localeCompare(b.name);
    });
  const out: SuggestionCandidate[] = [];
  for (const c of ranked) {
    if (out.length === limit) break;
    const target = swapTarget(meals, c.mealTypes);
    if (target && options.canSwap && !options.canSwap(target.id, c.slug)) continue;
    out.push(c);
  }
  return out;
}

/** Comparable recipes lower in `key` for the meal that gives the most of it. */
function replacementsFor(
  input: ReportInput,
  key: string,
  top: ReportMeal | undefined,
  inPlan: ReadonlySet<string>,
): SuggestionCandidate[] {
  if (!top) return [];
  const energy = (top.perServing.energyKcal ?? 0) * top.portion;
  return rankSuggestions(input.candidates, key, 'less', [top], input.targets.caps, {
    inPlan,
    minEnergyKcal: energy / 2,
    canSwap: input.canSwap,
  });
}

function names(list: readonly { name: string }[]): string {
  const n = list.map((c) => c.name);
  if (n.length <= 1) return n.join('');
  return `${n.slice(0, -1).join(', ')} and ${n[n.length - 1]}`;
}

function lowFinding(
  input: ReportInput,
  key: MicronutrientKey,
  avg: NutrientAmount,
  inPlan: ReadonlySet<string>,
): Finding {
  const target = input.targets.targets[key];
  const label = nutrientLabel(key);
  const head = `${label} ${atLeast(avg)}${formatAmount(avg.amount)} of ${formatAmount(target.amount)} ${target.unit} a day on average`;
  if (avg.amount >= target.amount) {
    return {
      nutrient: key,
      status: 'ok',
      message: `${head}: meets the target.`,
      meals: [],
      suggestions: [],
    };
  }
  const meals = leastMeals(input, key);
  const suggestions = rankSuggestions(input.candidates, key, 'more', meals, input.targets.caps, {
    inPlan,
    canSwap: input.canSwap,
  });
  const unknownNote =
    avg.knownShare < 1 ? ' Some ingredients have no data, so the real amount may be higher.' : '';
  const sources =
    suggestions.length > 0
      ? ` In this phase, recipes richer in ${lower(label)} include ${names(suggestions)}.`
      : ` Few recipes in this phase are rich in ${lower(label)}.`;
  return {
    nutrient: key,
    status: 'low',
    message: `${head}.${unknownNote}${sources} If it stays low for a few weeks, talk to your clinician or dietitian about ${lower(label)}.`,
    meals: meals.map((m) => m.id),
    suggestions: suggestions.map((s) => s.slug),
  };
}

function capFinding(
  input: ReportInput,
  key: CappedNutrient,
  perDay: NutritionReport['perDay'],
  inPlan: ReadonlySet<string>,
): Finding {
  const cap = input.targets.caps[key];
  const label = nutrientLabel(key);
  const limit = `${formatAmount(cap.amount)} ${cap.unit}`;
  const over = perDay.filter((d) => d.nutrients[key].amount > cap.amount);
  if (over.length === 0) {
    const top = perDay.reduce<(typeof perDay)[number] | null>(
      (best, d) =>
        best === null || d.nutrients[key].amount > best.nutrients[key].amount ? d : best,
      null,
    );
    const highest = top
      ? ` (highest ${atLeast(top.nutrients[key])}${formatAmount(top.nutrients[key].amount)} ${cap.unit}, ${dayName(top.date)})`
      : '';
    const unknown = perDay.some((d) => d.nutrients[key].knownShare < 1)
      ? ' Some ingredients have no data, so the real amounts may be higher.'
      : '';
    return {
      nutrient: key,
      status: 'ok',
      message: `${label} within ${limit} on every day${highest}.${unknown}`,
      meals: [],
      suggestions: [],
    };
  }
  const overDates = new Set(over.map((d) => d.date));
  const meals = mostMeals(
    input.days.filter((d) => overDates.has(d.date)),
    key,
  );
  const suggestions = replacementsFor(input, key, meals[0], inPlan);
  const worst = over.reduce((a, b) => (b.nutrients[key].amount > a.nutrients[key].amount ? b : a));
  const days = `${over.length} of ${perDay.length} ${perDay.length === 1 ? 'day' : 'days'}`;
  const drivers =
    meals.length > 0
      ? ` Most of it comes from ${names(meals.map((m) => ({ name: m.recipeName })))}.`
      : '';
  const swaps =
    suggestions.length > 0
      ? ` Recipes lower in ${lower(label)} that fit: ${names(suggestions)}.`
      : '';
  return {
    nutrient: key,
    status: 'high',
    message: `${label} above the ${limit} daily limit on ${days} (highest ${atLeast(worst.nutrients[key])}${formatAmount(worst.nutrients[key].amount)} ${cap.unit}, ${dayName(worst.date)}).${drivers}${swaps}`,
    meals: meals.map((m) => m.id),
    suggestions: suggestions.map((s) => s.slug),
  };
}

function saturatedFatFinding(
  input: ReportInput,
  avg: Record<ReportNutrient, NutrientAmount>,
  inPlan: ReadonlySet<string>,
): Finding {
  const max = input.targets.energyShares.saturatedFatMaxPct.amount;
  const energy = avg.energyKcal.amount;
  const pct = energy > 0 ? (avg.saturatedFatG.amount * 9 * 100) / energy : 0;
  const head = `Saturated fat ${atLeast(avg.saturatedFatG)}${formatPercent(pct)} % of energy on average`;
  if (pct <= max) {
    return {
      nutrient: 'saturatedFatG',
      status: 'ok',
      message: `${head}, within ${formatAmount(max)} %.`,
      meals: [],
      suggestions: [],
    };
  }
  const meals = mostMeals(input.days, 'saturatedFatG');
  const suggestions = replacementsFor(input, 'saturatedFatG', meals[0], inPlan);
  const drivers =
    meals.length > 0
      ? ` Most of it comes from ${names(meals.map((m) => ({ name: m.recipeName })))}.`
      : '';
  return {
    nutrient: 'saturatedFatG',
    status: 'high',
    message: `${head}, above ${formatAmount(max)} %.${drivers}`,
    meals: meals.map((m) => m.id),
    suggestions: suggestions.map((s) => s.slug),
  };
}

const dailyTarget = (
  amount: number,
  unit: string,
  source: 'default' | 'set' | undefined,
  basis: string,
): ReportTarget => ({ amount, unit, source: source ?? 'default', basis });

/** The whole report. Days without meals count in the average (a day of nothing is 0 eaten). */
export function buildNutritionReport(input: ReportInput): NutritionReport {
  const perDay = input.days.map((d) => ({
    date: d.date,
    nutrients: perNutrient((k) => toAmount(sumMeals(d.meals, k), k)),
  }));
  const allMeals = input.days.flatMap((d) => d.meals);
  const dayCount = Math.max(1, input.days.length);
  const weekAverage = perNutrient((k) => toAmount(sumMeals(allMeals, k), k, dayCount));
  const inPlan = new Set(allMeals.map((m) => m.recipeSlug));
  const findings: Finding[] = [
    ...TRACKED_MICRONUTRIENTS.map((k) => lowFinding(input, k, weekAverage[k], inPlan)),
    capFinding(input, 'sodiumMg', perDay, inPlan),
    capFinding(input, 'retinolUg', perDay, inPlan),
    saturatedFatFinding(input, weekAverage, inPlan),
  ];
  const { daily } = input;
  return {
    lifeStage: input.targets.lifeStage,
    ...(input.targets.lifeStageNote ? { lifeStageNote: input.targets.lifeStageNote } : {}),
    perDay,
    weekAverage,
    targets: {
      ...input.targets.targets,
      energyKcal: dailyTarget(
        daily.energyKcal,
        'kcal',
        daily.source?.energyKcal,
        'profile energy target',
      ),
      proteinG: dailyTarget(daily.proteinG, 'g', daily.source?.proteinG, 'profile protein target'),
      fiberG: dailyTarget(daily.fiberG, 'g', daily.source?.fiberG, '14 g per 1,000 kcal'),
    },
    caps: { sodiumMg: input.targets.caps.sodiumMg, retinolUg: input.targets.caps.retinolUg },
    findings,
    notTracked: NOT_TRACKED,
  };
}

/** "Calcium low this week" style one-liners of the low and high findings, for the plan page. */
export function reportSummary(report: NutritionReport): string | null {
  const flagged = report.findings.filter((f) => f.status !== 'ok');
  if (flagged.length === 0) return null;
  const label = (f: Finding) => nutrientLabel(f.nutrient as ReportNutrient);
  const low = flagged.filter((f) => f.status === 'low').map((f) => lower(label(f)));
  const high = flagged.filter((f) => f.status === 'high').map((f) => lower(label(f)));
  const parts = [
    low.length > 0 ? `${names(low.map((name) => ({ name })))} low` : null,
    high.length > 0 ? `${names(high.map((name) => ({ name })))} high` : null,
  ].filter((p): p is string => p !== null);
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} this week`;
}
