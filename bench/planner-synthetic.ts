/**
 * A synthetic but realistic planner catalog: recipes are built from a table of tagged foods
 * (allergens, diet groups, nutrition per typical serving, inflammation class), so nutrition,
 * tags and shared ingredients are correlated the way they are in a real catalog.
 */
import type { MealType } from '@/lib/foods/codes';
import { createRng, type Rng } from '@/lib/planner/rng';
import type { PlannerProfile, PlannerRecipe } from '@/lib/planner/types';
import type { Restriction, TaggedFoodRef, TagRef } from '@/lib/restrictions/types';

type Kind =
  | 'protein'
  | 'starch'
  | 'veg'
  | 'aromatic'
  | 'fruit'
  | 'dairy'
  | 'nut'
  | 'fat'
  | 'spice'
  | 'condiment'
  | 'breakfast-base';

type Food = {
  name: string;
  kind: Kind;
  tags: string[];
  allergens: string[];
  /** kcal, protein g, fibre g, carbs g in one serving's share of a recipe */
  n: [number, number, number, number];
  /** +1 gut-healing, 0 neutral, −1 inflammatory */
  infl: number;
  /** tags that are only may-contain */
  may?: string[];
};

const F = (
  name: string,
  kind: Kind,
  n: Food['n'],
  tags: string[] = [],
  allergens: string[] = [],
  infl = 0,
  may: string[] = [],
): Food => ({ name, kind, n, tags, allergens, infl, may });

const FOODS: Food[] = [
  F('chicken breast', 'protein', [180, 33, 0, 0], ['poultry', 'meat', 'animal']),
  F('chicken thigh', 'protein', [230, 26, 0, 0], ['poultry', 'meat', 'animal']),
  F('ground turkey', 'protein', [200, 24, 0, 0], ['poultry', 'meat', 'animal']),
  F('beef sirloin', 'protein', [250, 27, 0, 0], ['red-meat', 'meat', 'animal'], [], -0.3),
  F('ground beef', 'protein', [280, 24, 0, 0], ['red-meat', 'meat', 'animal'], [], -0.5),
  F('pork loin', 'protein', [220, 28, 0, 0], ['pork', 'red-meat', 'meat', 'animal']),
  F('lamb shoulder', 'protein', [290, 24, 0, 0], ['red-meat', 'meat', 'animal'], [], -0.3),
  F('bacon', 'protein', [160, 12, 0, 0], ['pork', 'processed', 'meat', 'animal'], [], -1),
  F('pork sausage', 'protein', [260, 14, 0, 2], ['pork', 'processed', 'meat', 'animal'], [], -1),
  F('salmon', 'protein', [240, 25, 0, 0], ['fish', 'animal'], ['fish'], 1),
  F('cod', 'protein', [110, 24, 0, 0], ['fish', 'animal'], ['fish'], 0.5),
  F('sardines', 'protein', [190, 23, 0, 0], ['fish', 'animal'], ['fish'], 1),
  F('trout', 'protein', [190, 26, 0, 0], ['fish', 'animal'], ['fish'], 1),
  F('shrimp', 'protein', [100, 22, 0, 1], ['shellfish', 'animal'], ['crustacean']),
  F('mussels', 'protein', [150, 20, 0, 6], ['shellfish', 'animal'], ['mollusc'], 0.5),
  F('eggs', 'protein', [150, 13, 0, 1], ['egg', 'animal'], ['egg']),
  F('tofu', 'protein', [150, 16, 2, 4], ['soy', 'legume'], ['soy']),
  F('tempeh', 'protein', [190, 20, 5, 9], ['soy', 'legume'], ['soy'], 0.5),
  F('lentils', 'protein', [170, 12, 8, 29], ['legume', 'high-fodmap', 'fodmap-gos'], [], 0.5),
  F('chickpeas', 'protein', [200, 11, 8, 32], ['legume', 'high-fodmap', 'fodmap-gos'], [], 0.5),
  F('black beans', 'protein', [170, 11, 9, 30], ['legume', 'high-fodmap', 'fodmap-gos'], [], 0.5),
  F('white rice', 'starch', [200, 4, 1, 44], ['grain', 'rice']),
  F('brown rice', 'starch', [215, 5, 3, 45], ['grain', 'rice'], [], 0.3),
  F('quinoa', 'starch', [180, 7, 3, 32], ['pseudo-grain'], [], 0.3),
  F('buckwheat', 'starch', [155, 6, 5, 33], ['pseudo-grain'], [], 0.3),
  F('wheat pasta', 'starch', [220, 8, 3, 43], ['grain', 'gluten'], ['wheat', 'gluten'], -0.5),
  F('sourdough bread', 'starch', [160, 6, 2, 30], ['grain', 'gluten'], ['wheat', 'gluten'], -0.3),
  F('rice noodles', 'starch', [190, 3, 1, 43], ['grain', 'rice']),
  F('corn tortillas', 'starch', [140, 4, 3, 29], ['grain']),
  F('potato', 'starch', [160, 4, 4, 36], ['nightshade']),
  F('sweet potato', 'starch', [130, 2, 4, 30], [], [], 1),
  F('cassava', 'starch', [190, 2, 2, 45], []),
  F('plantain', 'starch', [180, 2, 3, 48], []),
  F('butternut squash', 'starch', [80, 2, 4, 21], [], [], 0.5),
  F('spinach', 'veg', [20, 2, 2, 3], [], [], 1),
  F('kale', 'veg', [35, 3, 3, 6], [], [], 1),
  F('broccoli', 'veg', [30, 3, 3, 6], [], [], 1),
  F('carrot', 'veg', [35, 1, 3, 8], [], [], 0.5),
  F('zucchini', 'veg', [15, 1, 1, 3], [], [], 0.5),
  F('tomato', 'veg', [20, 1, 1, 4], ['nightshade'], [], 0.3),
  F('bell pepper', 'veg', [25, 1, 2, 5], ['nightshade'], [], 0.3),
  F('eggplant', 'veg', [20, 1, 3, 5], ['nightshade']),
  F('mushrooms', 'veg', [15, 2, 1, 2], ['high-fodmap', 'fodmap-mannitol'], [], 0.5),
  F('cauliflower', 'veg', [20, 2, 2, 4], ['high-fodmap', 'fodmap-mannitol'], [], 0.5),
  F('green beans', 'veg', [25, 1, 3, 6], ['legume', 'edible-pod-legume'], [], 0.5),
  F('peas', 'veg', [60, 4, 4, 10], ['legume', 'high-fodmap', 'fodmap-gos']),
  F('bok choy', 'veg', [10, 1, 1, 2], [], [], 1),
  F('cabbage', 'veg', [20, 1, 2, 5], [], [], 0.5),
  F('cucumber', 'veg', [10, 0, 0, 2], []),
  F('avocado', 'veg', [120, 1.5, 5, 6], ['high-fodmap', 'fodmap-sorbitol'], [], 1),
  F('beetroot', 'veg', [35, 1, 2, 8], [], [], 0.5),
  F('asparagus', 'veg', [20, 2, 2, 4], ['high-fodmap', 'fodmap-fructan'], [], 0.5),
  F('celery', 'veg', [10, 0, 1, 2], ['high-fodmap', 'fodmap-mannitol'], ['celery']),
  F('fennel', 'veg', [20, 1, 2, 5], [], [], 0.5),
  F('sauerkraut', 'veg', [15, 1, 2, 3], [], [], 1),
  F('onion', 'aromatic', [30, 1, 1, 7], ['high-fodmap', 'fodmap-fructan']),
  F('garlic', 'aromatic', [10, 0, 0, 2], ['high-fodmap', 'fodmap-fructan'], [], 0.5),
  F('leek', 'aromatic', [25, 1, 1, 6], ['high-fodmap', 'fodmap-fructan']),
  F('ginger', 'aromatic', [5, 0, 0, 1], [], [], 1),
  F('spring onion greens', 'aromatic', [5, 0, 0, 1], []),
  F('banana', 'fruit', [105, 1, 3, 27], []),
  F('blueberries', 'fruit', [60, 1, 3, 15], [], [], 1),
  F('strawberries', 'fruit', [35, 1, 2, 8], [], [], 1),
  F('raspberries', 'fruit', [35, 1, 4, 7], [], [], 1),
  F('apple', 'fruit', [80, 0, 4, 21], ['high-fodmap', 'fodmap-fructose', 'fodmap-sorbitol']),
  F('pear', 'fruit', [90, 1, 5, 24], ['high-fodmap', 'fodmap-fructose', 'fodmap-sorbitol']),
  F('mango', 'fruit', [100, 1, 3, 25], ['high-fodmap', 'fodmap-fructose']),
  F('orange', 'fruit', [60, 1, 3, 15], []),
  F('kiwi', 'fruit', [45, 1, 2, 10], [], [], 0.5),
  F('lemon', 'fruit', [5, 0, 0, 2], []),
  F('pineapple', 'fruit', [50, 1, 1, 13], []),
  F(
    'milk',
    'dairy',
    [100, 8, 0, 12],
    ['dairy', 'animal', 'high-fodmap', 'fodmap-lactose'],
    ['milk'],
  ),
  F(
    'greek yogurt',
    'dairy',
    [130, 17, 0, 7],
    ['dairy', 'fermented-dairy', 'animal'],
    ['milk'],
    0.5,
  ),
  F('cheddar', 'dairy', [110, 7, 0, 0], ['dairy', 'animal'], ['milk'], -0.3),
  F('feta', 'dairy', [75, 4, 0, 1], ['dairy', 'animal'], ['milk']),
  F('parmesan', 'dairy', [80, 7, 0, 1], ['dairy', 'animal'], ['milk']),
  F('butter', 'fat', [100, 0, 0, 0], ['dairy', 'butter', 'animal'], ['milk'], -0.3),
  F('ghee', 'fat', [110, 0, 0, 0], ['dairy', 'ghee', 'animal'], ['milk']),
  F('olive oil', 'fat', [120, 0, 0, 0], [], [], 1),
  F('coconut oil', 'fat', [120, 0, 0, 0], []),
  F('avocado oil', 'fat', [120, 0, 0, 0], [], [], 0.5),
  F('canola oil', 'fat', [120, 0, 0, 0], ['seed-oil'], [], -1),
  F('sesame oil', 'fat', [120, 0, 0, 0], ['seed-oil', 'seed'], ['sesame'], -0.3),
  F('almonds', 'nut', [160, 6, 3, 6], ['nut'], ['tree-nut'], 0.5),
  F('walnuts', 'nut', [185, 4, 2, 4], ['nut'], ['tree-nut'], 1),
  F('cashews', 'nut', [160, 5, 1, 9], ['nut', 'high-fodmap', 'fodmap-gos'], ['tree-nut']),
  F('peanut butter', 'nut', [190, 8, 2, 6], ['legume'], ['peanut']),
  F('almond butter', 'nut', [200, 7, 3, 6], ['nut'], ['tree-nut'], 0.5),
  F('chia seeds', 'nut', [60, 2, 5, 5], ['seed'], [], 1),
  F('pumpkin seeds', 'nut', [150, 8, 2, 4], ['seed'], [], 0.5),
  F('sesame seeds', 'nut', [50, 2, 1, 2], ['seed'], ['sesame']),
  F('tahini', 'nut', [90, 3, 1, 3], ['seed'], ['sesame']),
  F('coconut milk', 'nut', [150, 1, 0, 3], []),
  F('flaxseed', 'nut', [55, 2, 3, 3], ['seed'], [], 1),
  F('salt', 'spice', [0, 0, 0, 0], []),
  F('black pepper', 'spice', [0, 0, 0, 0], ['berry-spice']),
  F('cumin', 'spice', [5, 0, 0, 1], ['seed-spice', 'seed']),
  F('coriander seed', 'spice', [5, 0, 0, 1], ['seed-spice', 'seed']),
  F('paprika', 'spice', [5, 0, 0, 1], ['nightshade', 'nightshade-spice']),
  F('chili flakes', 'spice', [5, 0, 0, 1], ['nightshade', 'nightshade-spice']),
  F('turmeric', 'spice', [5, 0, 0, 1], [], [], 1),
  F('cinnamon', 'spice', [5, 0, 1, 2], [], [], 0.5),
  F('basil', 'spice', [0, 0, 0, 0], [], [], 0.5),
  F('parsley', 'spice', [0, 0, 0, 0], [], [], 0.5),
  F('cilantro', 'spice', [0, 0, 0, 0], [], [], 0.5),
  F('oregano', 'spice', [0, 0, 0, 0], [], [], 0.5),
  F('thyme', 'spice', [0, 0, 0, 0], [], [], 0.5),
  F('rosemary', 'spice', [0, 0, 0, 0], [], [], 0.5),
  F('dill', 'spice', [0, 0, 0, 0], [], [], 0.5),
  F('mustard seed', 'spice', [5, 0, 0, 0], ['seed-spice', 'seed'], ['mustard']),
  F(
    'soy sauce',
    'condiment',
    [10, 1, 0, 1],
    ['soy', 'legume', 'gluten', 'grain'],
    ['soy', 'wheat', 'gluten'],
  ),
  F('tamari', 'condiment', [10, 1, 0, 1], ['soy', 'legume'], ['soy'], 0, ['gluten']),
  F('coconut aminos', 'condiment', [10, 0, 0, 2], []),
  F('fish sauce', 'condiment', [5, 1, 0, 0], ['fish', 'animal'], ['fish']),
  F('honey', 'condiment', [60, 0, 0, 17], ['added-sugar', 'unrefined-sweetener']),
  F('maple syrup', 'condiment', [50, 0, 0, 13], ['added-sugar', 'unrefined-sweetener']),
  F('white sugar', 'condiment', [50, 0, 0, 13], ['added-sugar'], [], -1),
  F('apple cider vinegar', 'condiment', [0, 0, 0, 0], [], [], 0.5),
  F('bone broth', 'condiment', [40, 9, 0, 1], ['animal'], [], 1),
  F('miso', 'condiment', [35, 2, 1, 4], ['soy', 'legume'], ['soy'], 0.5),
  F('kimchi', 'condiment', [10, 1, 1, 2], ['nightshade', 'nightshade-spice'], ['crustacean'], 1, [
    'fish',
  ]),
  F('dark chocolate', 'condiment', [80, 1, 2, 6], ['cocoa', 'added-sugar'], ['milk'], 0, ['nut']),
  F('rolled oats', 'breakfast-base', [150, 5, 4, 27], ['grain'], [], 0.5, ['gluten']),
  F(
    'granola',
    'breakfast-base',
    [220, 5, 3, 32],
    ['grain', 'added-sugar', 'nut'],
    ['tree-nut'],
    -0.3,
    ['gluten'],
  ),
  F('rice porridge base', 'breakfast-base', [150, 3, 1, 33], ['grain', 'rice']),
  F('coconut yogurt', 'breakfast-base', [120, 1, 1, 8], [], [], 0.5),
  F(
    'wholegrain toast',
    'breakfast-base',
    [140, 6, 3, 24],
    ['grain', 'gluten'],
    ['wheat', 'gluten'],
  ),
  F(
    'protein pancake mix',
    'breakfast-base',
    [200, 15, 2, 26],
    ['grain', 'gluten', 'dairy'],
    ['wheat', 'gluten', 'milk', 'egg'],
  ),
];

/** Variants multiply the food list (different cuts, brands, varieties) into distinct ndbs. */
const VARIANTS = ['', 'organic ', 'frozen ', 'fresh '];

type Entry = { food: Food; ref: TaggedFoodRef };

function buildPool(variants: number): Entry[] {
  const pool: Entry[] = [];
  let ndb = 90000;
  for (let v = 0; v < variants; v++) {
    for (const food of FOODS) {
      if (v > 0 && (food.kind === 'spice' || food.kind === 'fat')) continue;
      const toRefs = (codes: string[]): TagRef[] =>
        codes.map((code) => ({ code, certainty: 'contains' }));
      const ref: TaggedFoodRef = {
        ndb: String(ndb++),
        name: `${VARIANTS[v] ?? ''}${food.name}`,
        allergens: [
          ...toRefs(food.allergens),
          ...(food.may ?? [])
            .filter((c) => ['gluten', 'fish', 'nut', 'milk', 'egg'].includes(c))
            .map(
              (code): TagRef => ({
                code: code === 'nut' ? 'tree-nut' : code,
                certainty: 'may-contain',
              }),
            ),
        ],
        tags: [
          ...toRefs(food.tags),
          ...(food.may ?? []).map((code): TagRef => ({ code, certainty: 'may-contain' })),
        ],
      };
      pool.push({ food, ref });
    }
  }
  return pool;
}

function choose<T>(rng: Rng, list: readonly T[]): T {
  return list[rng.int(list.length)]!;
}

function pick<T>(rng: Rng, list: T[]): T | undefined {
  return list.length === 0 ? undefined : list[rng.int(list.length)];
}

/** Catalogs written for elimination diets: many recipes are built to fit one protocol. */
const STYLES: { share: number; banned: string[] }[] = [
  {
    share: 0.3,
    banned: [
      'grain',
      'pseudo-grain',
      'legume',
      'dairy',
      'egg',
      'nightshade',
      'nut',
      'seed',
      'added-sugar',
      'seed-oil',
      'processed',
      'cocoa',
      'soy',
    ],
  },
  { share: 0.15, banned: ['high-fodmap'] },
  { share: 0.1, banned: ['grain', 'pseudo-grain', 'dairy', 'added-sugar', 'soy', 'processed'] },
  { share: 0.45, banned: [] },
];

function fitsStyle(food: Food, banned: string[]): boolean {
  return ![...food.tags, ...(food.may ?? [])].some((t) => banned.includes(t));
}

function between(rng: Rng, lo: number, hi: number): number {
  return lo + rng.next() * (hi - lo);
}

/**
 * `count` recipes for breakfast, lunch/dinner and snacks (about 25/60/15 %), each with 5–13
 * distinct foods. Foods carry variants so a large catalog has a large food pool (about 120 foods
 * at ≤ 300 recipes, up to about 480 for big catalogs).
 */
export function makeSyntheticCatalog(count: number, seed = 1): PlannerRecipe[] {
  const rng = createRng(seed);
  const pool = buildPool(count <= 300 ? 1 : count <= 2000 ? 2 : 4);
  const byKind = new Map<Kind, Entry[]>();
  for (const e of pool) {
    const list = byKind.get(e.food.kind) ?? [];
    list.push(e);
    byKind.set(e.food.kind, list);
  }
  const recipes: PlannerRecipe[] = [];
  for (let i = 0; i < count; i++) {
    const styleRoll = rng.next();
    let cumulative = 0;
    const style =
      STYLES.find((st) => {
        cumulative += st.share;
        return styleRoll < cumulative;
      }) ?? STYLES[STYLES.length - 1]!;
    const of = (kind: Kind): Entry[] => {
      const all = byKind.get(kind)!;
      return all.filter((e) => fitsStyle(e.food, style.banned));
    };
    const roll = rng.next();
    const type: 'breakfast' | 'main' | 'snack' =
      roll < 0.25 ? 'breakfast' : roll < 0.85 ? 'main' : 'snack';
    const parts: { entry: Entry; amount: number }[] = [];
    const add = (entry: Entry | undefined, lo: number, hi: number): void => {
      if (!entry || parts.some((p) => p.entry.ref.ndb === entry.ref.ndb)) return;
      parts.push({ entry, amount: between(rng, lo, hi) });
    };
    let mealTypes: MealType[];
    let minutes: [number, number];
    let keeps: number;
    if (type === 'breakfast') {
      mealTypes = rng.next() < 0.2 ? ['breakfast', 'snack'] : ['breakfast'];
      const form = rng.int(3);
      if (form === 0) add(pick(rng, of('breakfast-base')), 0.8, 1.5);
      else if (form === 1) {
        const morning = of('protein').filter((e) =>
          /egg|salmon|sausage|bacon|turkey|tofu|chicken/.test(e.food.name),
        );
        add(pick(rng, morning.length > 0 ? morning : of('protein')), 0.8, 1.3);
      } else add(pick(rng, of('starch')), 0.6, 1.1);
      if (form !== 0 && rng.next() < 0.5) add(pick(rng, of('dairy')), 0.5, 1);
      for (let k = rng.int(2) + 1; k > 0; k--)
        add(pick(rng, rng.next() < 0.6 ? of('fruit') : of('veg')), 0.6, 1.2);
      if (rng.next() < 0.6) add(pick(rng, of('nut')), 0.4, 1);
      if (rng.next() < 0.4)
        add(
          pick(
            rng,
            of('condiment').filter((e) => e.food.n[3] > 5),
          ),
          0.3,
          0.8,
        );
      add(pick(rng, of('fat')), 0.2, 0.5);
      for (let k = rng.int(2) + 1; k > 0; k--) add(pick(rng, of('spice')), 1, 1);
      minutes = [Math.round(between(rng, 3, 15)), Math.round(between(rng, 0, 30))];
      keeps = rng.next() < 0.25 ? 1 + rng.int(3) : 0;
    } else if (type === 'main') {
      mealTypes =
        rng.next() < 0.7 ? ['lunch', 'dinner'] : rng.next() < 0.5 ? ['dinner'] : ['lunch'];
      add(pick(rng, of('protein')), 0.8, 1.4);
      if (rng.next() < 0.25) add(pick(rng, of('protein')), 0.3, 0.6);
      if (rng.next() < 0.8) add(pick(rng, of('starch')), 0.6, 1.3);
      for (let k = rng.int(3) + 2; k > 0; k--) add(pick(rng, of('veg')), 0.7, 1.5);
      for (let k = rng.int(3); k > 0; k--) add(pick(rng, of('aromatic')), 0.5, 1);
      add(pick(rng, of('fat')), 0.3, 0.8);
      for (let k = rng.int(3) + 1; k > 0; k--) add(pick(rng, of('spice')), 1, 1);
      if (rng.next() < 0.5) add(pick(rng, of('condiment')), 0.5, 1);
      if (rng.next() < 0.3) add(pick(rng, rng.next() < 0.5 ? of('dairy') : of('nut')), 0.4, 0.9);
      const speed = rng.next();
      minutes =
        speed < 0.3
          ? [Math.round(between(rng, 5, 12)), Math.round(between(rng, 5, 15))]
          : speed < 0.7
            ? [Math.round(between(rng, 8, 25)), Math.round(between(rng, 10, 40))]
            : [Math.round(between(rng, 10, 30)), Math.round(between(rng, 40, 120))];
      const k = rng.next();
      keeps = k < 0.6 ? 2 + rng.int(3) : k < 0.8 ? 1 : 0;
    } else {
      mealTypes = ['snack'];
      add(pick(rng, rng.next() < 0.5 ? of('fruit') : of('veg')), 0.8, 1.5);
      add(pick(rng, rng.next() < 0.6 ? of('nut') : of('dairy')), 0.5, 1);
      if (rng.next() < 0.3) add(pick(rng, of('spice')), 1, 1);
      minutes = [
        Math.round(between(rng, 2, 10)),
        rng.next() < 0.7 ? 0 : Math.round(between(rng, 5, 25)),
      ];
      keeps = rng.next() < 0.3 ? 2 + rng.int(4) : 0;
    }
    if (
      !parts.some((p) => p.entry.food.name === 'salt') &&
      (parts.length === 0 || rng.next() < 0.7)
    ) {
      add(of('spice')[0], 1, 1);
    }
    const sum = [0, 0, 0, 0];
    let inflWeight = 0;
    let inflSum = 0;
    for (const { entry, amount } of parts) {
      for (let j = 0; j < 4; j++) sum[j] = sum[j]! + amount * entry.food.n[j]!;
      const w = entry.food.kind === 'spice' ? 0.3 : entry.food.kind === 'fat' ? 0.6 : 1;
      inflWeight += w;
      inflSum += w * entry.food.infl;
    }
    const main = parts[0]!.entry.food.name;
    const second = parts[1]?.entry.food.name ?? 'herbs';
    const name = `${main[0]!.toUpperCase()}${main.slice(1)} with ${second} #${i + 1}`;
    recipes.push({
      slug: `${main}-with-${second}-${i + 1}`.replace(/[^a-z0-9]+/g, '-'),
      name,
      mealTypes,
      servings: 2 + rng.int(5),
      prepMinutes: minutes[0],
      cookMinutes: minutes[1],
      // no split is known: the budget counts prep + cook; no heat and quick is put together
      activeMinutes: null,
      assembly: minutes[1] === 0 && minutes[0] <= 15,
      leftoverDays: keeps,
      light: type === 'main' && sum[0]! < 400,
      perServing: {
        energyKcal: Math.round(sum[0]!),
        proteinG: Math.round(sum[1]! * 10) / 10,
        fiberG: Math.round(sum[2]! * 10) / 10,
        carbsG: Math.round(sum[3]! * 10) / 10,
      },
      ingredients: parts.map((p) => p.entry.ref),
      inflammationScore: Math.round((inflSum / inflWeight) * 100) / 100,
    });
  }
  return recipes;
}

const rule = (
  kind: 'allergen' | 'group',
  code: string,
  origin: Restriction['rules'][number]['origin'],
  reason: string,
): Restriction['rules'][number] => ({ kind, code, origin, reason });

/** A spread of real-world restrictions: protocols, diets, allergies, avoids and dislikes. */
export const SYNTHETIC_RESTRICTIONS: { name: string; restriction: Restriction }[] = [
  { name: 'none', restriction: { rules: [], allow: [], dislikes: [] } },
  {
    name: 'AIP elimination',
    restriction: {
      rules: [
        'grain',
        'pseudo-grain',
        'legume',
        'dairy',
        'egg',
        'nightshade',
        'nut',
        'seed',
        'added-sugar',
        'seed-oil',
        'processed',
        'cocoa',
        'soy',
      ].map((code) => rule('group', code, 'protocol', 'not in AIP · Elimination')),
      allow: [],
      dislikes: [],
    },
  },
  {
    name: 'low-FODMAP',
    restriction: {
      rules: [rule('group', 'high-fodmap', 'protocol', 'not in low-FODMAP · Elimination')],
      allow: [],
      dislikes: [],
    },
  },
  {
    name: 'Whole30',
    restriction: {
      rules: ['grain', 'pseudo-grain', 'legume', 'dairy', 'added-sugar', 'soy', 'processed'].map(
        (code) => rule('group', code, 'protocol', 'not in Whole30'),
      ),
      allow: [
        { code: 'ghee', excuses: ['dairy'], note: 'ghee is fine on Whole30' },
        { code: 'edible-pod-legume', excuses: ['legume'], note: 'green beans are fine' },
      ],
      dislikes: [],
    },
  },
  {
    name: 'gluten-free dairy-free',
    restriction: {
      rules: [
        rule('allergen', 'gluten', 'diet', 'gluten-free'),
        rule('group', 'gluten', 'diet', 'gluten-free'),
        rule('group', 'dairy', 'diet', 'dairy-free'),
      ],
      allow: [],
      dislikes: [],
    },
  },
  {
    name: 'fish allergy + avoid legume',
    restriction: {
      rules: [
        rule('allergen', 'fish', 'allergy', 'your fish allergy'),
        rule('group', 'legume', 'avoid', 'avoid'),
      ],
      allow: [],
      dislikes: [],
    },
  },
  {
    name: 'six-food elimination',
    restriction: {
      rules: [
        ...[
          'milk',
          'egg',
          'wheat',
          'soy',
          'fish',
          'crustacean',
          'mollusc',
          'tree-nut',
          'peanut',
        ].map((code) => rule('allergen', code, 'protocol', 'not in six-food elimination')),
      ],
      allow: [],
      dislikes: [],
    },
  },
  {
    name: 'vegetarian-ish + dislikes',
    restriction: {
      rules: ['meat', 'fish', 'shellfish'].map((code) => rule('group', code, 'diet', 'vegetarian')),
      allow: [],
      dislikes: [
        { ndb: '90044', name: 'mushrooms' },
        { ndb: '90047', name: 'cauliflower' },
      ],
    },
  },
];

const SLOT_SETS: MealType[][] = [
  ['breakfast', 'lunch', 'dinner'],
  ['breakfast', 'lunch', 'dinner'],
  ['breakfast', 'lunch', 'dinner', 'snack'],
  ['lunch', 'dinner'],
  ['breakfast', 'dinner'],
];

/** A plausible profile: targets from body size and activity, time limits, leftovers, T1D carbs. */
export function randomProfile(rng: Rng): PlannerProfile {
  const energyKcal = Math.round(between(rng, 1600, 2900) / 50) * 50;
  const weightKg = between(rng, 55, 95);
  const weekday = choose(rng, [20, 30, 45, 60, 90]);
  const hasCarbs = rng.next() < 0.15;
  return {
    householdSize: 1 + rng.int(4),
    slots: choose(rng, SLOT_SETS),
    energyKcal,
    proteinG: Math.round(weightKg * between(rng, 0.8, 1.4)),
    fiberG: Math.round((14 * energyKcal) / 1000),
    maxMinutes: { weekday, weekend: weekday + choose(rng, [0, 30, 60]) },
    leftovers: rng.next() < 0.5,
    carbsPerMealG: hasCarbs
      ? { target: Math.round(between(rng, 35, 70)), tolerance: choose(rng, [5, 7, 10]) }
      : null,
  };
}
