/**
 * Weeks a person would cook: over random profiles with a realistic mix (every protocol's
 * elimination phase; 60 % omnivore, 40 % pescatarian, vegetarian or vegan; a third with
 * 30-minute weekdays; households 1–4; leftovers on and off; the default cooking budget, energy
 * split and main-protein limit; the full nutrient model), plan a week and measure from the
 * stored meals, independently of the planner's own bookkeeping:
 * - the share planned (goal ≥ 98 %), profiles impossible by the protocol's definition apart,
 *   and the failures grouped by profile kind with the answer's first suggestion;
 * - cooking sessions and hands-on minutes per day against the budget (p50, p90; days over);
 * - the largest meal's share of the day's energy (goal p90 ≤ 45 % on days of 3+ meals);
 * - portions used; the most meals one main protein appears in (goal ≤ 3); plants per week;
 * - generate latency (goal p50 ≤ 40 ms, p95 ≤ 100 ms).
 *
 * Standalone: npx tsx bench/weeks.ts --profiles=100
 */
import { pathToFileURL } from 'node:url';
import { mealPortions } from '@/lib/planner/batches';
import { activeMinutesOf } from '@/lib/planner/cooking';
import { generatePlan } from '@/lib/planner/generate-plan';
import { createRng, type Rng } from '@/lib/planner/rng';
import type { PlannerInput, PlannerRecipe, WeekPlan } from '@/lib/planner/types';
import { plantKindOf } from '@/lib/planner/variety';
import { DEFAULT_COOKING } from '@/lib/profiles/schema';
import { type ProfileBenchOptions, randomNutrientInput } from './nutrients';
import { percentile } from './stats';
import { printTable } from './table';

const EVERYDAY_NOT_OMNIVORE = ['pescatarian', 'vegetarian', 'vegan'];

/** 60 % omnivore, the rest spread over the other everyday diets. */
function drawDiet(rng: Rng, diets: string[]): string {
  if (rng.next() < 0.6 || !diets.includes('omnivore')) return 'omnivore';
  const others = EVERYDAY_NOT_OMNIVORE.filter((d) => diets.includes(d));
  return others[rng.int(others.length)]!;
}

/** What one planned week shows. */
export type WeekFigures = {
  /** Per day: fresh cooked meals (not leftovers, not assembly) and hands-on minutes. */
  days: {
    weekend: boolean;
    sessions: number;
    activeMinutes: number;
    largestShare: number;
    meals: number;
  }[];
  portions: number[];
  maxProteinMeals: number;
  plants: number;
};

/** The figures of `plan`, read from its meals and the recipes alone. */
export function weekFigures(input: PlannerInput, plan: WeekPlan): WeekFigures {
  const bySlug = new Map(input.recipes.map((r) => [r.slug, r]));
  const recipeOf = (slug: string): PlannerRecipe => bySlug.get(slug)!;
  const meals = plan.days.flatMap((d) => d.meals);
  // a cooking meal's servings include the leftover meals it feeds
  const portionById = mealPortions(meals, input.profile.householdSize);
  const portions: number[] = [];
  const proteinMeals = new Map<string, number>();
  const plants = new Set<string>();
  const days = plan.days.map((day, i) => {
    let sessions = 0;
    let activeMinutes = 0;
    const energies: number[] = [];
    for (const m of day.meals) {
      const r = recipeOf(m.recipeSlug);
      const portion = portionById.get(m.id)!;
      portions.push(portion);
      energies.push(portion * r.perServing.energyKcal);
      if (r.mainProtein)
        proteinMeals.set(r.mainProtein, (proteinMeals.get(r.mainProtein) ?? 0) + 1);
      if (m.leftoverOf) continue;
      if (!r.assembly) sessions++;
      activeMinutes += activeMinutesOf(r);
      for (const ing of r.ingredients) {
        const kind = plantKindOf(ing);
        if (kind) plants.add(kind);
      }
    }
    const total = energies.reduce((a, b) => a + b, 0);
    return {
      weekend: i >= 5,
      sessions,
      activeMinutes,
      largestShare: total > 0 ? Math.max(...energies) / total : 0,
      meals: day.meals.length,
    };
  });
  return {
    days,
    portions,
    maxProteinMeals: Math.max(0, ...proteinMeals.values()),
    plants: plants.size,
  };
}

export type WeeksBenchResult = {
  profiles: number;
  impossible: number;
  planned: number;
  p50Ms: number;
  p95Ms: number;
};

export function runWeeksBench(opts: ProfileBenchOptions): WeeksBenchResult {
  const log = opts.log ?? ((l: string) => console.log(l));
  const wanted = opts.profiles ?? 500;
  const seed = opts.seed ?? 20261207;
  const rng = createRng(seed);
  const times: number[] = [];
  const failures = new Map<string, { count: number; suggestion: string }>();
  const weeks: WeekFigures[] = [];
  let impossible = 0;
  let profiles = 0;
  for (let i = 0; i < wanted; i++) {
    const drawn = randomNutrientInput(rng, i, {
      ...opts,
      drawDiet,
      adjust: (p, r) => {
        const weekday = r.next() < 1 / 3 ? 30 : [45, 60, 90][r.int(3)]!;
        return { ...p, maxMinutes: { weekday, weekend: Math.max(weekday, p.maxMinutes.weekend) } };
      },
    });
    if (!drawn) continue;
    profiles++;
    const { input, protocolId, diet } = drawn;
    if (input.restriction.impossible) {
      impossible++;
      continue;
    }
    const t0 = performance.now();
    const result = generatePlan(input, createRng(seed + i));
    times.push(performance.now() - t0);
    if (!result.ok) {
      const p = input.profile;
      const key = `${protocolId}, ${diet}, ${p.slots.length} meals a day, ${p.maxMinutes.weekday} min weekdays, leftovers ${p.leftovers ? 'on' : 'off'}`;
      const entry = failures.get(key) ?? {
        count: 0,
        suggestion: result.diagnosis.suggestions[0] ?? '(no suggestion)',
      };
      entry.count++;
      failures.set(key, entry);
      continue;
    }
    weeks.push(weekFigures(input, result.plan));
  }
  const possible = profiles - impossible;
  const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`);
  const p = (values: number[], q: number, digits = 0) =>
    percentile(values, 100 * q).toFixed(digits);
  const days = weeks.flatMap((w) => w.days);
  const weekdays = days.filter((d) => !d.weekend);
  const weekends = days.filter((d) => d.weekend);
  const budget = DEFAULT_COOKING;
  const over = (list: typeof days, kind: 'weekday' | 'weekend') =>
    list.filter(
      (d) => d.sessions > budget[kind].sessions || d.activeMinutes > budget[kind].activeMinutes,
    ).length;
  const shares3 = days.filter((d) => d.meals >= 3).map((d) => 100 * d.largestShare);
  const sharesAll = days.map((d) => 100 * d.largestShare);
  const portions = weeks.flatMap((w) => w.portions);
  const portionText = [...new Set(portions)]
    .sort((a, b) => a - b)
    .map((x) => `${x}: ${pct(portions.filter((y) => y === x).length, portions.length)}`)
    .join(', ');
  const proteins = weeks.map((w) => w.maxProteinMeals);
  const plants = weeks.map((w) => w.plants);

  log('\n## Weeks a person would cook (random realistic profiles, default cooking budget)\n');
  printTable(
    log,
    ['measure', 'value', 'goal'],
    [
      ['profiles (impossible by the protocol’s definition)', `${profiles} (${impossible})`, ''],
      [
        'planned, of the possible',
        `${weeks.length} of ${possible}: ${pct(weeks.length, possible)}`,
        '≥ 98 %',
      ],
      ...(['weekday', 'weekend'] as const).flatMap((kind) => {
        const list = kind === 'weekday' ? weekdays : weekends;
        const spread = (values: number[]) => `${p(values, 0.5)}; ${p(values, 0.9)}`;
        return [
          [
            `${kind} cooking sessions p50; p90 (budget)`,
            `${spread(list.map((d) => d.sessions))} (${budget[kind].sessions})`,
            '',
          ],
          [
            `${kind} hands-on minutes p50; p90 (budget)`,
            `${spread(list.map((d) => d.activeMinutes))} (${budget[kind].activeMinutes})`,
            '',
          ],
        ];
      }),
      [
        'days over the cooking budget',
        `${over(weekdays, 'weekday') + over(weekends, 'weekend')} of ${days.length}`,
        '0',
      ],
      [
        'largest meal’s share of the day p50; p90 (days of 3+ meals)',
        `${p(shares3, 0.5)} %; ${p(shares3, 0.9)} %`,
        'p90 ≤ 45 %',
      ],
      [
        'largest meal’s share of the day p50; p90 (all days, 2-meal days too)',
        `${p(sharesAll, 0.5)} %; ${p(sharesAll, 0.9)} %`,
        '',
      ],
      ['portions per person used (share of meals)', portionText, '½, 1, 1½, 2'],
      [
        'most meals of one main protein in a week: p90; max',
        `${p(proteins, 0.9)}; ${Math.max(0, ...proteins)}`,
        '≤ 3',
      ],
      [
        'different plants per week p10; p50; p90',
        `${p(plants, 0.1)}; ${p(plants, 0.5)}; ${p(plants, 0.9)}`,
        '',
      ],
      ['generate p50; p95 ms', `${p(times, 0.5, 1)}; ${p(times, 0.95, 1)}`, '≤ 40; ≤ 100'],
    ],
  );
  if (failures.size > 0) {
    log('\nProfiles without a plan, by kind (the answer’s first suggestion):\n');
    printTable(
      log,
      ['profile', 'count', 'first suggestion'],
      [...failures.entries()]
        .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
        .map(([key, f]) => [key, f.count, f.suggestion]),
    );
  }
  return {
    profiles,
    impossible,
    planned: weeks.length,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { seedBenchCatalog, profilesArg } = await import('./catalog');
  const { loadDriTable } = await import('@/seeds/dri/load');
  const { recipes, protocols } = await seedBenchCatalog('weeks');
  runWeeksBench({ recipes, protocols, dri: loadDriTable(), profiles: profilesArg() });
}
