import type { MealType } from '@/lib/foods/codes';
import { createRng } from '@/lib/planner/rng';
import type {
  PlannedMeal,
  PlannerInput,
  PlannerProfile,
  PlannerRecipe,
  WeekPlan,
} from '@/lib/planner/types';
import { mainProteinOf } from '@/lib/recipes/main-protein';
import type { Restriction, RestrictionRule, TaggedFoodRef, TagRef } from '@/lib/restrictions/types';
import { findViolations } from '@/lib/restrictions/violations';

const contains = (...codes: string[]): TagRef[] =>
  codes.map((code) => ({ code, certainty: 'contains' }));
const mayContain = (...codes: string[]): TagRef[] =>
  codes.map((code) => ({ code, certainty: 'may-contain' }));

export function makeFood(
  over: Partial<TaggedFoodRef> & { ndb: string; name: string },
): TaggedFoodRef {
  return { allergens: [], tags: [], ...over };
}

/** Tagged foods; kcal/protein/fibre/carbs are one serving's share in a recipe. */
type FoodRow = { food: TaggedFoodRef; n: [number, number, number, number]; infl: number };
const row = (
  ndb: string,
  name: string,
  n: FoodRow['n'],
  tags: TagRef[] = [],
  allergens: TagRef[] = [],
  infl = 0,
): FoodRow => ({ food: makeFood({ ndb, name, tags, allergens }), n, infl });

export const FOODS = {
  chicken: row('05062', 'chicken breast', [180, 33, 0, 0], contains('poultry', 'meat')),
  beef: row('13443', 'beef sirloin', [250, 27, 0, 0], contains('red-meat', 'meat'), [], -0.4),
  pork: row('10060', 'pork loin', [220, 28, 0, 0], contains('pork', 'meat')),
  bacon: row('10123', 'bacon', [160, 12, 0, 0], contains('pork', 'processed'), [], -1),
  salmon: row('15076', 'salmon', [240, 25, 0, 0], contains('fish'), contains('fish'), 1),
  cod: row('15015', 'cod', [110, 24, 0, 0], contains('fish'), contains('fish'), 0.5),
  shrimp: row('15149', 'shrimp', [100, 22, 0, 1], contains('shellfish'), contains('crustacean')),
  eggs: row('01123', 'eggs', [150, 13, 0, 1], contains('egg'), contains('egg')),
  tofu: row('16126', 'tofu', [150, 16, 2, 4], contains('soy', 'legume'), contains('soy')),
  lentils: row('16069', 'lentils', [170, 12, 8, 29], contains('legume', 'high-fodmap'), [], 0.5),
  chickpeas: row(
    '16056',
    'chickpeas',
    [200, 11, 8, 32],
    contains('legume', 'high-fodmap'),
    [],
    0.5,
  ),
  rice: row('20044', 'white rice', [200, 4, 1, 44], contains('grain', 'rice')),
  quinoa: row('20035', 'quinoa', [180, 7, 3, 32], contains('pseudo-grain'), [], 0.3),
  pasta: row(
    '20120',
    'wheat pasta',
    [220, 8, 3, 43],
    contains('grain', 'gluten'),
    contains('wheat', 'gluten'),
    -0.5,
  ),
  oats: row(
    '08120',
    'rolled oats',
    [150, 5, 4, 27],
    [...contains('grain'), ...mayContain('gluten')],
    mayContain('gluten'),
    0.5,
  ),
  potato: row('11352', 'potato', [160, 4, 4, 36], contains('nightshade')),
  sweetPotato: row('11507', 'sweet potato', [130, 2, 4, 30], [], [], 1),
  cassava: row('11134', 'cassava', [190, 2, 2, 45]),
  spinach: row('11457', 'spinach', [20, 2, 2, 3], [], [], 1),
  kale: row('11233', 'kale', [35, 3, 3, 6], [], [], 1),
  broccoli: row('11090', 'broccoli', [30, 3, 3, 6], [], [], 1),
  carrot: row('11124', 'carrot', [35, 1, 3, 8], [], [], 0.5),
  zucchini: row('11477', 'zucchini', [15, 1, 1, 3], [], [], 0.5),
  tomato: row('11529', 'tomato', [20, 1, 1, 4], contains('nightshade'), [], 0.3),
  pepper: row('11821', 'red bell pepper', [25, 1, 2, 5], contains('nightshade'), [], 0.3),
  greenBeans: row(
    '11052',
    'green beans',
    [25, 1, 3, 6],
    contains('legume', 'edible-pod-legume'),
    [],
    0.5,
  ),
  onion: row('11282', 'onion', [30, 1, 1, 7], contains('high-fodmap')),
  garlic: row('11215', 'garlic', [10, 0, 0, 2], contains('high-fodmap'), [], 0.5),
  avocado: row('09037', 'avocado', [120, 1.5, 5, 6], contains('high-fodmap'), [], 1),
  banana: row('09040', 'banana', [105, 1, 3, 27]),
  blueberries: row('09050', 'blueberries', [60, 1, 3, 15], [], [], 1),
  apple: row('09003', 'apple', [80, 0, 4, 21], contains('high-fodmap')),
  yogurt: row('01256', 'greek yogurt', [130, 17, 0, 7], contains('dairy'), contains('milk'), 0.5),
  cheddar: row('01009', 'cheddar', [110, 7, 0, 0], contains('dairy'), contains('milk'), -0.3),
  ghee: row('01003', 'ghee', [110, 0, 0, 0], contains('dairy', 'ghee'), contains('milk')),
  almonds: row('12061', 'almonds', [160, 6, 3, 6], contains('nut'), contains('tree-nut'), 0.5),
  chia: row('12006', 'chia seeds', [60, 2, 5, 5], contains('seed'), [], 1),
  oliveOil: row('04053', 'olive oil', [120, 0, 0, 0], [], [], 1),
  coconutMilk: row('12118', 'coconut milk', [150, 1, 0, 3]),
  salt: row('02047', 'salt', [0, 0, 0, 0]),
  paprika: row('02028', 'paprika', [5, 0, 0, 1], contains('nightshade', 'nightshade-spice')),
  turmeric: row('02043', 'turmeric', [5, 0, 0, 1], [], [], 1),
  soySauce: row(
    '16123',
    'soy sauce',
    [10, 1, 0, 1],
    contains('soy', 'legume', 'gluten'),
    contains('soy', 'wheat', 'gluten'),
  ),
  honey: row('19296', 'honey', [60, 0, 0, 17], contains('added-sugar')),
  fishSauce: row('16124', 'fish sauce', [5, 1, 0, 0], contains('fish'), contains('fish')),
  granola: row(
    '08037',
    'granola',
    [220, 5, 3, 32],
    [...contains('grain', 'nut'), ...mayContain('gluten')],
    mayContain('tree-nut'),
  ),
} satisfies Record<string, FoodRow>;

export type FoodKey = keyof typeof FOODS;

/**
 * The USDA food group of a fixture food: its NDB number's first two digits, as in SR21 for these
 * foods, but for fish sauce, which borrows a legume's number here.
 */
function foodGroupOf(food: TaggedFoodRef): string {
  return food.name === 'fish sauce' ? '0600' : `${food.ndb.slice(0, 2)}00`;
}

let slugCounter = 0;

/**
 * A recipe whose nutrition and inflammation score follow from its foods (one serving share
 * each) unless given explicitly.
 */
export function makeRecipe(
  over: Partial<Omit<PlannerRecipe, 'ingredients'>> & {
    foods?: FoodKey[];
    ingredients?: TaggedFoodRef[];
  } = {},
): PlannerRecipe {
  const {
    foods = ['chicken', 'rice', 'broccoli', 'oliveOil', 'salt'],
    ingredients,
    ...rest
  } = over;
  const rows = foods.map((k) => FOODS[k]);
  const sum = [0, 0, 0, 0];
  for (const r of rows) for (let i = 0; i < 4; i++) sum[i] = sum[i]! + r.n[i]!;
  const infl = rows.length ? rows.reduce((a, r) => a + r.infl, 0) / rows.length : 0;
  slugCounter++;
  return {
    slug: `recipe-${slugCounter}`,
    name: `Recipe ${slugCounter}`,
    mealTypes: ['lunch', 'dinner'],
    servings: 4,
    prepMinutes: 10,
    cookMinutes: 20,
    activeMinutes: null,
    assembly: false,
    // as the loader derives it: the food giving the most protein a serving (5 g or more)
    mainProtein: mainProteinOf(rows.map((r) => ({ kind: r.food.name, proteinG: r.n[1] }))),
    leftoverDays: 2,
    light: false,
    perServing: { energyKcal: sum[0]!, proteinG: sum[1]!, fiberG: sum[2]!, carbsG: sum[3]! },
    ingredients:
      ingredients ??
      rows.map((r) => ({ ...r.food, foodGroup: foodGroupOf(r.food), kind: r.food.name })),
    inflammationScore: Math.round(infl * 100) / 100,
    ...rest,
  };
}

const BREAKFAST_BASES: FoodKey[][] = [
  ['oats', 'blueberries', 'almonds'],
  ['oats', 'banana', 'chia'],
  ['eggs', 'spinach', 'oliveOil'],
  ['eggs', 'tomato', 'cheddar'],
  ['yogurt', 'granola', 'blueberries'],
  ['yogurt', 'honey', 'chia'],
  ['sweetPotato', 'pork', 'kale'],
  ['cassava', 'salmon', 'spinach'],
  ['coconutMilk', 'banana', 'blueberries'],
  ['rice', 'eggs', 'spinach'],
  ['chia', 'coconutMilk', 'blueberries'],
  ['sweetPotato', 'chicken', 'zucchini'],
];
const PROTEINS: FoodKey[] = [
  'chicken',
  'beef',
  'pork',
  'bacon',
  'salmon',
  'cod',
  'shrimp',
  'tofu',
  'lentils',
  'chickpeas',
  'eggs',
];
const STARCHES: FoodKey[] = ['rice', 'quinoa', 'pasta', 'potato', 'sweetPotato', 'cassava'];
const VEG: FoodKey[] = [
  'spinach',
  'kale',
  'broccoli',
  'carrot',
  'zucchini',
  'tomato',
  'pepper',
  'greenBeans',
  'avocado',
];
const EXTRAS: FoodKey[] = [
  'onion',
  'garlic',
  'paprika',
  'turmeric',
  'soySauce',
  'fishSauce',
  'ghee',
  'cheddar',
  'salt',
];
const SNACKS: FoodKey[][] = [
  ['apple', 'almonds'],
  ['banana', 'almonds'],
  ['carrot', 'chickpeas'],
  ['yogurt', 'blueberries'],
  ['blueberries', 'chia'],
  ['avocado', 'salt'],
  ['granola', 'yogurt'],
  ['banana', 'coconutMilk'],
];

/**
 * A deterministic, varied catalog: breakfasts, lunch/dinner mains (some dinner-only, some
 * lunch-only), snacks; tags across nightshade, fish, legume, dairy, gluten, FODMAP…; prep times
 * from quick to slow; some dishes that do not keep.
 */
export function makeCatalog(seed = 1, mains = 48): PlannerRecipe[] {
  const rng = createRng(seed);
  const pickOne = <T>(list: readonly T[]): T => list[rng.int(list.length)]!;
  const recipes: PlannerRecipe[] = [];
  for (const [i, base] of BREAKFAST_BASES.entries()) {
    for (const variant of [0, 1]) {
      const foods = [
        ...new Set<FoodKey>([
          ...base,
          variant ? 'salt' : pickOne(['oliveOil', 'turmeric', 'honey'] as FoodKey[]),
        ]),
      ];
      recipes.push(
        makeRecipe({
          slug: `breakfast-${i}-${variant}`,
          name: `Breakfast ${i}${variant ? ' (salted)' : ''}`,
          foods,
          mealTypes: variant && i % 3 === 0 ? ['breakfast', 'snack'] : ['breakfast'],
          prepMinutes: 5 + rng.int(10),
          cookMinutes: rng.int(25),
          leftoverDays: rng.int(3),
        }),
      );
    }
  }
  for (let i = 0; i < mains; i++) {
    const foods = new Set<FoodKey>([pickOne(PROTEINS), pickOne(VEG), pickOne(VEG), 'oliveOil']);
    if (rng.next() < 0.8) foods.add(pickOne(STARCHES));
    if (rng.next() < 0.7) foods.add(pickOne(EXTRAS));
    if (rng.next() < 0.4) foods.add(pickOne(EXTRAS));
    const roll = rng.next();
    const mealTypes: MealType[] =
      roll < 0.6 ? ['lunch', 'dinner'] : roll < 0.8 ? ['dinner'] : ['lunch'];
    const speed = rng.next();
    recipes.push(
      makeRecipe({
        slug: `main-${i}`,
        name: `Main ${i}`,
        foods: [...foods],
        mealTypes,
        prepMinutes: speed < 0.35 ? 5 + rng.int(6) : 10 + rng.int(20),
        cookMinutes:
          speed < 0.35 ? 5 + rng.int(10) : speed < 0.75 ? 15 + rng.int(30) : 45 + rng.int(75),
        leftoverDays: rng.next() < 0.25 ? 0 : 1 + rng.int(3),
        light: rng.next() < 0.15,
        // every fifth main freezes well (drawn from the index: the random stream stays as it was)
        freezes: i % 5 === 0,
      }),
    );
  }
  for (const [i, foods] of SNACKS.entries()) {
    recipes.push(
      makeRecipe({
        slug: `snack-${i}`,
        name: `Snack ${i}`,
        foods,
        mealTypes: ['snack'],
        prepMinutes: 3,
        cookMinutes: 0,
        leftoverDays: i % 2,
      }),
    );
  }
  return recipes;
}

export const CATALOG = makeCatalog();

/**
 * The shared catalog with hands-on minutes: about a third of the time to the table is hands-on
 * (at least 5 min; no more than the whole), every fifth recipe unknown (the budget then counts
 * prep + cook); quick no-heat recipes (no cooking, prep ≤ 15 min) are assembled.
 */
export const EFFORT_CATALOG: PlannerRecipe[] = CATALOG.map((r, i) => {
  const total = r.prepMinutes + r.cookMinutes;
  return {
    ...r,
    activeMinutes: i % 5 === 0 ? null : Math.min(total, Math.max(5, Math.round(total / 3))),
    assembly: r.cookMinutes === 0 && r.prepMinutes <= 15,
  };
});

/**
 * Make-ahead recipes (six hours or more unattended), added to `EFFORT_CATALOG` in
 * `MAKE_AHEAD_CATALOG`. Leads by slot, from the serve times 07:00 / 12:00 / 15:00 / 18:00 and
 * prep hours 07:00–21:00: the ferments 2, 4, 6 and 8 days for a snack; the overnight breakfasts
 * 1 day; the marinated main 0 days for dinner and 1 for lunch; the braise 1 day for either.
 */
const ferment = (slug: string, foods: FoodKey[], active: number, passive: number) =>
  makeRecipe({
    slug,
    name: slug,
    foods,
    mealTypes: ['snack'],
    prepMinutes: active,
    cookMinutes: 0,
    activeMinutes: active,
    passiveMinutes: passive,
    assembly: true,
    leftoverDays: 7,
  });

const overnight = (slug: string, foods: FoodKey[]) =>
  makeRecipe({
    slug,
    name: slug,
    foods,
    mealTypes: ['breakfast'],
    prepMinutes: 10,
    cookMinutes: 0,
    activeMinutes: 10,
    passiveMinutes: 480,
    assembly: true,
    leftoverDays: 2,
  });

export const MAKE_AHEAD_RECIPES: PlannerRecipe[] = [
  ferment('quick-kimchi', ['carrot', 'garlic', 'salt'], 15, 2 * 1440),
  ferment('curtido', ['kale', 'carrot', 'salt'], 20, 4 * 1440),
  ferment('ginger-carrots', ['carrot', 'turmeric'], 10, 6 * 1440),
  ferment('long-sauerkraut', ['kale', 'salt'], 15, 8 * 1440),
  overnight('overnight-oats', ['oats', 'banana', 'chia']),
  overnight('chia-pudding', ['chia', 'coconutMilk', 'blueberries']),
  makeRecipe({
    slug: 'marinated-chicken',
    name: 'marinated-chicken',
    foods: ['chicken', 'rice', 'spinach', 'oliveOil'],
    prepMinutes: 10,
    cookMinutes: 25,
    activeMinutes: 20,
    passiveMinutes: 600,
  }),
  makeRecipe({
    slug: 'slow-braised-beef',
    name: 'slow-braised-beef',
    foods: ['beef', 'potato', 'carrot', 'oliveOil'],
    prepMinutes: 15,
    cookMinutes: 30,
    activeMinutes: 25,
    passiveMinutes: 720,
  }),
];

export const MAKE_AHEAD_CATALOG: PlannerRecipe[] = [...EFFORT_CATALOG, ...MAKE_AHEAD_RECIPES];

/** Serve times by slot, minutes after midnight, as the issue states them. */
const SERVE_AT: Record<MealType, number> = {
  breakfast: 420,
  lunch: 720,
  snack: 900,
  dinner: 1080,
};

/**
 * Days before serving at `slot` that `recipe`'s prep must start, found by walking back day by
 * day to the first whose prep hours (07:00–21:00) open no later than the latest start.
 */
export function readinessLead(
  recipe: Pick<PlannerRecipe, 'activeMinutes' | 'passiveMinutes' | 'prepMinutes' | 'cookMinutes'>,
  slot: MealType,
): number {
  const passive = recipe.passiveMinutes ?? 0;
  if (passive < 360) return 0;
  const active = recipe.activeMinutes ?? recipe.prepMinutes + recipe.cookMinutes;
  const latestStart = SERVE_AT[slot] - active - passive;
  let daysBack = 0;
  while (-daysBack * 1440 + 420 > latestStart) daysBack++;
  return daysBack;
}

const protocolRule = (code: string, reason: string): RestrictionRule => ({
  kind: 'group',
  code,
  origin: 'protocol',
  reason,
});

/** Rules a property test may combine. */
export const RULE_OPTIONS: RestrictionRule[] = [
  protocolRule('nightshade', 'not in AIP · Elimination'),
  protocolRule('high-fodmap', 'not in low-FODMAP · Elimination'),
  { kind: 'group', code: 'legume', origin: 'avoid', reason: 'avoid' },
  { kind: 'allergen', code: 'fish', origin: 'allergy', reason: 'your fish allergy' },
  { kind: 'group', code: 'dairy', origin: 'diet', reason: 'dairy-free' },
  { kind: 'allergen', code: 'gluten', origin: 'diet', reason: 'gluten-free' },
  { kind: 'allergen', code: 'tree-nut', origin: 'allergy', reason: 'your tree-nut allergy' },
  protocolRule('added-sugar', 'not in Whole30'),
];

export const NO_RESTRICTION: Restriction = { rules: [], allow: [], dislikes: [] };

export function makeRestriction(over: Partial<Restriction> = {}): Restriction {
  return { ...NO_RESTRICTION, ...over };
}

export function makeProfile(over: Partial<PlannerProfile> = {}): PlannerProfile {
  return {
    householdSize: 2,
    slots: ['breakfast', 'lunch', 'dinner'],
    energyKcal: 2000,
    proteinG: 80,
    fiberG: 28,
    maxMinutes: { weekday: 45, weekend: 90 },
    leftovers: true,
    carbsPerMealG: null,
    ...over,
  };
}

/** 2026-11-30 is a Monday, so the week runs Monday … Sunday. */
export const MONDAY = '2026-11-30';

export function makeInput(over: Partial<PlannerInput> = {}): PlannerInput {
  return {
    profile: makeProfile(),
    restriction: NO_RESTRICTION,
    recipes: CATALOG,
    weekStart: MONDAY,
    ...over,
  };
}

export function allMeals(plan: WeekPlan): PlannedMeal[] {
  return plan.days.flatMap((d) => d.meals);
}

function isoPlusDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

function isWeekendIso(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number);
  const day = new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay();
  return day === 0 || day === 6;
}

/** Days that serve one recipe at two meals, leftover meals included, as `date: slug`. */
export function sameDayRepeats(plan: WeekPlan): string[] {
  const repeats: string[] = [];
  for (const day of plan.days) {
    const seen = new Set<string>();
    for (const meal of day.meals) {
      if (seen.has(meal.recipeSlug)) repeats.push(`${day.date}: ${meal.recipeSlug}`);
      seen.add(meal.recipeSlug);
    }
  }
  return repeats;
}

/** Days between two ISO dates (`to` − `from`). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * What is wrong with one leftover meal: it is a lunch or dinner eating from a freshly cooked
 * lunch or dinner of the same recipe on an earlier day of the week, no more days later than the
 * dish keeps in the fridge, unless it freezes well (then any later day of the week).
 */
function leftoverProblems(
  meal: PlannedMeal,
  recipe: PlannerRecipe,
  source: PlannedMeal | undefined,
  dayIndex: number,
): string[] {
  const out: string[] = [];
  const batchSlot = (slot: MealType) => slot === 'lunch' || slot === 'dinner';
  if (!batchSlot(meal.slot)) out.push(`${meal.id}: a leftover ${meal.slot}`);
  if (!source) return [...out, `${meal.id}: leftover of a missing meal ${meal.leftoverOf}`];
  if (!batchSlot(source.slot)) out.push(`${meal.id}: leftover of a ${source.slot}`);
  if (source.recipeSlug !== meal.recipeSlug || source.leftoverOf !== null) {
    out.push(`${meal.id}: leftover source mismatch`);
  }
  const gap = daysBetween(source.date, meal.date);
  if (gap < 1 || gap > dayIndex) out.push(`${meal.id}: eaten ${gap} days after ${source.id}`);
  if (gap > recipe.leftoverDays && !recipe.freezes) {
    out.push(`${meal.id}: ${recipe.slug} keeps ${recipe.leftoverDays} days, eaten after ${gap}`);
  }
  return out;
}

/** Batches feeding more than two later meals (three meals from one cooking at most). */
function batchSizeProblems(meals: PlannedMeal[]): string[] {
  const fed = new Map<string, number>();
  for (const m of meals) if (m.leftoverOf) fed.set(m.leftoverOf, (fed.get(m.leftoverOf) ?? 0) + 1);
  return [...fed].filter(([, n]) => n > 2).map(([id, n]) => `${id} feeds ${n} leftover meals`);
}

/**
 * Per day, from the stored meals alone: meals cooked (not leftovers, not assembly recipes) and
 * hands-on minutes of the meals not eaten as leftovers (unknown minutes count prep + cook).
 */
export function cookingByDay(
  input: PlannerInput,
  plan: WeekPlan,
): { date: string; sessions: number; activeMinutes: number }[] {
  const bySlug = new Map(input.recipes.map((r) => [r.slug, r]));
  return plan.days.map((day) => {
    let sessions = 0;
    let activeMinutes = 0;
    for (const meal of day.meals) {
      if (meal.leftoverOf !== null) continue;
      const r = bySlug.get(meal.recipeSlug)!;
      if (!r.assembly) sessions++;
      activeMinutes += r.activeMinutes ?? r.prepMinutes + r.cookMinutes;
    }
    return { date: day.date, sessions, activeMinutes };
  });
}

/** Meals of the week per main protein, leftover meals included, from the stored meals alone. */
export function proteinMeals(input: PlannerInput, plan: WeekPlan): Map<string, number> {
  const bySlug = new Map(input.recipes.map((r) => [r.slug, r]));
  const out = new Map<string, number>();
  for (const meal of allMeals(plan)) {
    const p = bySlug.get(meal.recipeSlug)?.mainProtein;
    if (p) out.set(p, (out.get(p) ?? 0) + 1);
  }
  return out;
}

/**
 * Every hard-rule breach of a plan, checked from scratch (independent of the planner's own
 * filtering): excluded foods via `findViolations` on every ingredient, full grid, slot types,
 * time limits, once a week (assembly recipes twice), once a day (leftovers included), batches
 * (`leftoverProblems`, at most two leftover meals per cooking), make-ahead recipes served only once ready with their prep started within the week
 * (`readinessLead`), and the cooking budget and the main-protein limit when the profile sets them.
 */
export function hardRuleProblems(input: PlannerInput, plan: WeekPlan): string[] {
  const problems: string[] = [];
  const bySlug = new Map(input.recipes.map((r) => [r.slug, r]));
  const slots = [...new Set(input.profile.slots)];
  const meals = allMeals(plan);
  const byId = new Map(meals.map((m) => [m.id, m]));
  if (byId.size !== meals.length) problems.push('duplicate meal ids');
  if (plan.days.length !== 7) problems.push(`${plan.days.length} days`);
  const cooked = new Map<string, number>();
  plan.days.forEach((day, i) => {
    const date = isoPlusDays(input.weekStart, i);
    if (day.date !== date) problems.push(`day ${i} is ${day.date}, expected ${date}`);
    const daySlots = day.meals.map((m) => m.slot);
    if (daySlots.join() !== slots.join())
      problems.push(`${date} slots ${daySlots.join()} ≠ ${slots.join()}`);
    const limit = isWeekendIso(date)
      ? input.profile.maxMinutes.weekend
      : input.profile.maxMinutes.weekday;
    const cookedToday = new Set<string>();
    for (const meal of day.meals) {
      const recipe = bySlug.get(meal.recipeSlug);
      if (!recipe) {
        problems.push(`${meal.id}: unknown recipe`);
        continue;
      }
      if (meal.id !== `${date}-${meal.slot}` || meal.date !== date)
        problems.push(`${meal.id}: bad id/date`);
      if (!(meal.servings > 0)) problems.push(`${meal.id}: servings ${meal.servings}`);
      for (const ing of recipe.ingredients) {
        const v = findViolations(ing, input.restriction);
        if (v.length > 0)
          problems.push(`${meal.id}: ${ing.name} breaks ${v.map((x) => x.code).join()}`);
      }
      if (meal.leftoverOf === null) {
        if (!recipe.mealTypes.includes(meal.slot)) problems.push(`${meal.id}: not a ${meal.slot}`);
        // made ahead: its prep starts within the week, so it is ready from day `lead` on
        const lead = readinessLead(recipe, meal.slot);
        if (i < lead)
          problems.push(`${meal.id}: ${recipe.slug} not ready (prep ${lead} days ahead)`);
        if (recipe.prepMinutes + recipe.cookMinutes > limit) problems.push(`${meal.id}: too long`);
        if (cookedToday.has(recipe.slug)) problems.push(`${meal.id}: twice on ${date}`);
        cookedToday.add(recipe.slug);
        cooked.set(recipe.slug, (cooked.get(recipe.slug) ?? 0) + 1);
      } else {
        problems.push(...leftoverProblems(meal, recipe, byId.get(meal.leftoverOf), i));
      }
    }
  });
  for (const problem of batchSizeProblems(meals)) problems.push(problem);
  for (const [slug, times] of cooked) {
    // an assembly recipe (nothing cooked) may be made on two days of the week
    const allowed = bySlug.get(slug)?.assembly ? 2 : 1;
    if (times > allowed) problems.push(`${slug} cooked ${times} times`);
  }
  const max = input.profile.maxProteinMeals;
  if (max !== undefined) {
    for (const [protein, meals] of proteinMeals(input, plan)) {
      if (meals > max) problems.push(`${protein} at ${meals} meals > ${max}`);
    }
  }
  const budget = input.profile.cooking;
  if (budget) {
    for (const day of cookingByDay(input, plan)) {
      const b = isWeekendIso(day.date) ? budget.weekend : budget.weekday;
      if (day.sessions > b.sessions) {
        problems.push(`${day.date}: ${day.sessions} cooking sessions > ${b.sessions}`);
      }
      if (day.activeMinutes > b.activeMinutes + 1e-9) {
        problems.push(`${day.date}: ${day.activeMinutes} hands-on minutes > ${b.activeMinutes}`);
      }
    }
  }
  for (const repeat of sameDayRepeats(plan)) problems.push(`served twice on ${repeat}`);
  return problems;
}
