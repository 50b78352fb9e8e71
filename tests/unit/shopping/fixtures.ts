import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAisleRules } from '@/lib/shopping/aisles';
import { parsePantryDefaults } from '@/lib/shopping/pantry';
import type {
  AisleRules,
  Food,
  MealSlot,
  Plan,
  PlanMeal,
  Recipe,
  ShoppingListInput,
} from '@/lib/shopping/types';
import { loadFoods } from '@/seeds/load-foods';

export const WEEK_START = '2026-11-30';
export const WEEK_DATES = [
  '2026-11-30',
  '2026-12-01',
  '2026-12-02',
  '2026-12-03',
  '2026-12-04',
  '2026-12-05',
  '2026-12-06',
];

let foodsCache: Map<string, Food> | null = null;

/** All 7,413 SR21 foods and the derived foods, parsed once per test file. */
export function realFoods(): Map<string, Food> {
  if (!foodsCache) {
    foodsCache = new Map(
      loadFoods().map((f) => [
        f.ndb,
        { ndb: f.ndb, name: f.longDesc, groupCode: f.groupCode, measures: f.measures },
      ]),
    );
  }
  return foodsCache;
}

export function food(ndb: string): Food {
  const found = realFoods().get(ndb);
  if (!found) throw new Error(`no SR21 food ${ndb}`);
  return found;
}

export function readSeedJson(name: string): unknown {
  return JSON.parse(readFileSync(join(process.cwd(), 'seeds', name), 'utf8'));
}

export function seedAisleRules(): AisleRules {
  return parseAisleRules(readSeedJson('aisles.json'));
}

export function seedPantryDefaults(): string[] {
  return parsePantryDefaults(readSeedJson('pantry-defaults.json'));
}

/** Real SR21 numbers used by the fixtures. */
export const NDB = {
  sweetPotato: '11507',
  kale: '11233',
  chickenThigh: '05096',
  salt: '02047',
  blackPepper: '02030',
  oliveOil: '04053',
  garlic: '11215',
  carrots: '11124',
  onions: '11282',
  rosemaryFresh: '02063',
  salmon: '15076',
  spinach: '11457',
  lemonJuice: '09152',
  butternut: '11485',
  coconutMilk: '12118',
  ginger: '11216',
  apples: '09003',
  cinnamon: '02010',
  groundBeef: '13047',
  broccoli: '11090',
  sesameOil: '04058',
  egg: '01123',
  cannedTomatoes: '11531',
  peanuts: '16087',
  ciderVinegar: '02048',
  bakingSoda: '18372',
  basilFresh: '02044',
  basilDried: '02003',
} as const;

export function makeRecipe(over: Partial<Recipe> & Pick<Recipe, 'slug'>): Recipe {
  return {
    name: over.slug.replace(/-/g, ' '),
    servings: 4,
    ingredients: [],
    steps: ['Cook it.'],
    prepMinutes: 10,
    cookMinutes: 20,
    description: 'A fixture recipe for tests.',
    ...over,
  };
}

/** Recipes over real foods; grams are for the whole written recipe. */
export const RECIPES: Recipe[] = [
  makeRecipe({
    slug: 'sweet-potato-hash',
    name: 'Sweet potato and kale hash',
    servings: 4,
    ingredients: [
      { ndb: NDB.sweetPotato, grams: 520, text: '4 sweetpotato, 5" long' },
      { ndb: NDB.kale, grams: 134, text: '2 cup, chopped' },
      { ndb: NDB.oliveOil, grams: 27, text: '2 tablespoon' },
      { ndb: NDB.salt, grams: 3, text: '1/2 tsp' },
      { ndb: NDB.garlic, grams: 9, text: '3 clove' },
    ],
    steps: ['Dice the sweet potatoes.', 'Fry in oil until soft.', 'Wilt the kale in.'],
  }),
  makeRecipe({
    slug: 'chicken-traybake',
    name: 'Chicken thigh traybake',
    servings: 4,
    ingredients: [
      { ndb: NDB.chickenThigh, grams: 600, text: '600 g' },
      { ndb: NDB.carrots, grams: 244, text: '4 medium' },
      { ndb: NDB.onions, grams: 220, text: '2 medium (2-1/2" dia)' },
      { ndb: NDB.oliveOil, grams: 27, text: '2 tablespoon' },
      { ndb: NDB.blackPepper, grams: 2.1, text: '1 tsp' },
      { ndb: NDB.rosemaryFresh, grams: 5, text: '5 g' },
    ],
  }),
  makeRecipe({
    slug: 'salmon-spinach',
    name: 'Salmon with spinach',
    servings: 2,
    ingredients: [
      { ndb: NDB.salmon, grams: 300, text: '300 g' },
      { ndb: NDB.spinach, grams: 150, text: '5 cup' },
      { ndb: NDB.lemonJuice, grams: 30, text: '1 fl oz' },
      { ndb: NDB.oliveOil, grams: 13.5, text: '1 tablespoon' },
    ],
  }),
  makeRecipe({
    slug: 'coconut-squash-soup',
    name: 'Coconut butternut soup',
    servings: 6,
    ingredients: [
      { ndb: NDB.butternut, grams: 900, text: '900 g' },
      { ndb: NDB.coconutMilk, grams: 400, text: '400 g' },
      { ndb: NDB.onions, grams: 110, text: '1 medium (2-1/2" dia)' },
      { ndb: NDB.ginger, grams: 15, text: '15 g' },
      { ndb: NDB.salt, grams: 6, text: '1 tsp' },
    ],
  }),
  makeRecipe({
    slug: 'spiced-apples',
    name: 'Spiced apples',
    servings: 1,
    ingredients: [
      { ndb: NDB.apples, grams: 182, text: '1 medium (3" dia)' },
      { ndb: NDB.cinnamon, grams: 1.3, text: '1/2 tsp' },
    ],
  }),
  makeRecipe({
    slug: 'beef-broccoli',
    name: 'Beef and broccoli, "quick"',
    servings: 4,
    ingredients: [
      { ndb: NDB.groundBeef, grams: 450, text: '450 g' },
      { ndb: NDB.broccoli, grams: 300, text: '300 g' },
      { ndb: NDB.sesameOil, grams: 13.6, text: '1 tablespoon' },
      { ndb: NDB.garlic, grams: 6, text: '2 clove' },
    ],
  }),
];

export function recipeMap(recipes: Recipe[] = RECIPES): Map<string, Recipe> {
  return new Map(recipes.map((r) => [r.slug, r]));
}

export function makeMeal(
  date: string,
  slot: MealSlot,
  recipeSlug: string,
  over: Partial<PlanMeal> = {},
): PlanMeal {
  return {
    id: `${date}-${slot}`,
    slot,
    recipeSlug,
    servings: 2,
    locked: false,
    leftoverOf: null,
    ...over,
  };
}

/** A plan over WEEK_DATES; meals are grouped onto their day by the date in their id. */
export function makePlan(meals: PlanMeal[], over: Partial<Plan> = {}): Plan {
  return {
    id: 'plan-1',
    profileId: 'profile-1',
    weekStart: WEEK_START,
    days: WEEK_DATES.map((date) => ({
      date,
      meals: meals.filter((m) => m.id.startsWith(`${date}-`)),
    })),
    ...over,
  };
}

/** A small, fixed week: cooking meals, a leftover lunch and a breakfast. */
export function sampleWeek(): Plan {
  return makePlan([
    makeMeal('2026-11-30', 'breakfast', 'spiced-apples', { servings: 2 }),
    makeMeal('2026-11-30', 'dinner', 'sweet-potato-hash', { servings: 3 }),
    makeMeal('2026-12-01', 'lunch', 'sweet-potato-hash', {
      servings: 1,
      leftoverOf: '2026-11-30-dinner',
    }),
    makeMeal('2026-12-01', 'dinner', 'chicken-traybake', { servings: 4 }),
    makeMeal('2026-12-02', 'dinner', 'salmon-spinach', { servings: 2 }),
    makeMeal('2026-12-03', 'snack', 'spiced-apples', { servings: 1 }),
  ]);
}

export function makeInput(over: Partial<ShoppingListInput> = {}): ShoppingListInput {
  return {
    plan: sampleWeek(),
    recipes: recipeMap(),
    foods: realFoods(),
    aisles: seedAisleRules(),
    pantry: { defaults: seedPantryDefaults(), explicit: new Map() },
    checked: new Map(),
    units: 'metric',
    ...over,
  };
}

/**
 * Test oracle, written independently of the library: the whole or half recipes a cooking meal
 * makes, counted up half by half until they cover the meal's servings (leftovers fed included).
 */
export function expectedMultiple(servings: number, recipeServings: number): number {
  let halves = 1;
  while ((halves * recipeServings) / 2 < servings - 1e-9) halves += 1;
  return halves / 2;
}

/** Test oracle: grams per food, Σ over cooking meals of their recipe multiple × recipe grams. */
export function expectedGrams(plan: Plan, recipes: Map<string, Recipe>): Map<string, number> {
  const sums = new Map<string, number>();
  for (const day of plan.days) {
    for (const meal of day.meals) {
      if (meal.leftoverOf) continue;
      const recipe = recipes.get(meal.recipeSlug)!;
      const multiple = expectedMultiple(meal.servings, recipe.servings);
      for (const ing of recipe.ingredients) {
        sums.set(ing.ndb, (sums.get(ing.ndb) ?? 0) + ing.grams * multiple);
      }
    }
  }
  return sums;
}
