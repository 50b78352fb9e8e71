import type { Measure } from '../foods/types';
import { ML_PER_VOLUME_UNIT, type UnitSystem, type VolumeUnit } from '../units/constants';
import {
  formatExactWeight,
  formatPurchaseVolume,
  formatPurchaseWeight,
  formatShare,
} from '../units/format';
import { type MeasureLabel, parseMeasureLabel } from '../units/measure-label';
import { ceilTo, countUnits } from '../units/round';
import { shortFoodName } from './food-name';
import type { PurchaseUnit } from './purchase-units';
import type { Aisle, Food, PurchaseMode } from './types';
import { inflectHead, pluralizeWord, singularizeWord } from './words';

/** Units a shopper picks up whole, in order of preference after the item itself. */
const ITEM_UNIT_WORDS = ['head', 'bunch', 'block', 'loaf', 'stalk', 'ear', 'bulb', 'clove'];
/** Packaging a shopper picks up whole. */
const CONTAINER_WORDS = [
  'can',
  'jar',
  'bottle',
  'carton',
  'package',
  'container',
  'tub',
  'box',
  'bag',
  'pouch',
];
/** Items lighter than this are bought by weight ("250 g mushrooms", not "14 mushrooms"). */
const MIN_ITEM_GRAMS = 25;
/** Small enough to count anyway: a recipe's "3 cloves garlic" is what the shopper reads. */
const SMALL_ITEM_WORDS = new Set(['clove']);
/**
 * A whole item at least this heavy is not bought for less than half of it: "1 head red cabbage"
 * for 93 g contradicts its grams (a head is ~840 g); such a need is bought by weight instead.
 */
const LARGE_ITEM_GRAMS = 250;
const MIN_SHARE_OF_LARGE_ITEM = 0.5;
/** More than this many units reads worse than a weight. */
const MAX_COUNT = 24;
/** At or below a quarter cup a volume reads better than a weight even for solids. */
const SMALL_VOLUME_ML = 60;
const LIQUID_NAME =
  /\b(oil|vinegar|milk|juice|syrup|sauce|broth|stock|extract|honey|water|wine|cream)\b/i;
const VOLUME_PREFERENCE: VolumeUnit[] = ['tbsp', 'tsp', 'cup', 'fl oz'];

export type Purchase = {
  mode: PurchaseMode;
  /** The amount without the name: '3', '3 medium', '1 bunch', '450 g'. */
  quantity: string;
  /** The name as it reads after the quantity ('sweet potatoes' after '3'). */
  name: string;
  display: string;
  exact: string;
};

type Parsed = { measure: Measure; label: MeasureLabel; unitGrams: number };

function parseMeasures(measures: Measure[]): Parsed[] {
  return measures
    .filter((m) => m.amount > 0 && m.grams > 0)
    .map((measure) => ({
      measure,
      label: parseMeasureLabel(measure.label),
      unitGrams: measure.grams / measure.amount,
    }));
}

/** Letters only, lower case: 'Sweet potato' → 'sweetpotato'. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z]/g, '');
}

/** The label names the food itself: 'sweetpotato' for "Sweet potato", 'onion' for "Onions". */
function namesTheFood(unitWord: string, food: Food): boolean {
  if (unitWord === 'fruit') return true;
  const word = squash(unitWord);
  const head = squash(food.name.split(',')[0] ?? '');
  return word.length >= 3 && head.startsWith(word);
}

/** Rank of an item measure: the item itself first, then heads, bunches…; null if not an item. */
function itemRank(p: Parsed, food: Food): number | null {
  const word = p.label.unitWord;
  if (p.label.isPortion || p.label.volumeUnit !== null) return null;
  if (word === null) return p.label.size === null ? null : 0;
  if (namesTheFood(word, food)) return 0;
  const i = ITEM_UNIT_WORDS.indexOf(word);
  return i === -1 ? null : i + 1;
}

function sizeRank(size: string | null, aisle: Aisle): number {
  if (size === null) return aisle.preferSizes.length;
  const i = aisle.preferSizes.indexOf(size);
  return i === -1 ? aisle.preferSizes.length + 1 : i;
}

function byRank<T>(items: T[], rank: (t: T) => number[]): T[] {
  return [...items].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i += 1) {
      const d = (ra[i] ?? 0) - (rb[i] ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  });
}

function countable(p: Parsed, grams: number): number | null {
  const word = p.label.unitWord;
  const light = p.unitGrams < MIN_ITEM_GRAMS && !(word !== null && SMALL_ITEM_WORDS.has(word));
  if (light) return null;
  if (p.unitGrams >= LARGE_ITEM_GRAMS && grams / p.unitGrams < MIN_SHARE_OF_LARGE_ITEM) return null;
  const n = countUnits(grams, p.unitGrams);
  return n <= MAX_COUNT ? n : null;
}

function itemPurchase(food: Food, parsed: Parsed[], grams: number, aisle: Aisle, name: string) {
  const ranked = parsed
    .map((p) => ({ p, rank: itemRank(p, food) }))
    .filter((r): r is { p: Parsed; rank: number } => r.rank !== null);
  const sorted = byRank(ranked, (r) => [r.rank, sizeRank(r.p.label.size, aisle), r.p.measure.seq]);
  for (const { p, rank } of sorted) {
    const n = countable(p, grams);
    if (n === null) continue;
    const size = p.label.size ? ` ${p.label.size}` : '';
    if (rank === 0) {
      const inflected = inflectHead(name, n === 1 ? singularizeWord : pluralizeWord);
      return { quantity: `${n}${size}`, name: inflected };
    }
    const unit = p.label.unitWord ?? '';
    return { quantity: `${n}${size} ${n === 1 ? unit : pluralizeWord(unit)}`, name };
  }
  return null;
}

/**
 * Fresh juice is bought as fruit: "1 lemon yields 47 g" turns 60 g of lemon juice into
 * "2 lemons (for juice)". Only for '<fruit> juice, raw' foods with such a measure.
 */
function juicePurchase(food: Food, parsed: Parsed[], grams: number) {
  const fruit = /^(\w+) juice, raw\b/i.exec(food.name)?.[1]?.toLowerCase();
  if (!fruit) return null;
  const yieldMeasure = parsed.find((p) =>
    new RegExp(`^(?:${fruit}|fruit) yields$`).test(p.measure.label.trim().toLowerCase()),
  );
  if (!yieldMeasure) return null;
  const n = countUnits(grams, yieldMeasure.unitGrams);
  if (n > MAX_COUNT) return null;
  return { quantity: String(n), name: `${n === 1 ? fruit : pluralizeWord(fruit)} (for juice)` };
}

function containerPurchase(parsed: Parsed[], grams: number, name: string) {
  const candidates = parsed.filter(
    (p) => !p.label.isPortion && CONTAINER_WORDS.includes(p.label.unitWord ?? ''),
  );
  const sorted = byRank(candidates, (p) => [
    CONTAINER_WORDS.indexOf(p.label.unitWord ?? ''),
    p.measure.seq,
  ]);
  for (const p of sorted) {
    const n = countUnits(grams, p.unitGrams);
    if (n > MAX_COUNT) continue;
    const unit = p.label.unitWord ?? '';
    const note = p.label.packNote ? ` ${p.label.packNote}` : '';
    return { quantity: `${n} ${n === 1 ? unit : pluralizeWord(unit)}${note}`, name };
  }
  return null;
}

/**
 * Buys in what a shop sells (seeds/purchase-units.json): the need rounded UP to the unit's
 * step ("¼ head" for 93 g of red cabbage, "2 cans (400 g)" for 520 g of canned tomatoes).
 * Steps finer than a quarter are not shown; a step under a quarter counts as a quarter.
 */
function unitPurchase(units: PurchaseUnit[], grams: number, name: string) {
  for (const u of units) {
    const step = Math.max(0.25, Math.round(u.step * 4) / 4);
    if (grams / u.grams < u.min) continue;
    const amount = Math.max(step, ceilTo(grams / u.grams, step));
    if (amount > MAX_COUNT) continue;
    const unit = amount > 1 ? pluralizeWord(u.unit) : u.unit;
    const note = u.note ? ` (${u.note})` : '';
    const mode: PurchaseMode = CONTAINER_WORDS.includes(u.unit) ? 'container' : 'item';
    return { mode, quantity: `${formatShare(amount)} ${unit}${note}`, name: u.item ?? name };
  }
  return null;
}

/** Grams per millilitre from the food's plain volume measures, or null without one. */
export function densityGramsPerMl(measures: Measure[]): number | null {
  const volumes = parseMeasures(measures).filter((p) => p.label.volumeUnit !== null);
  const best = byRank(volumes, (p) => [
    VOLUME_PREFERENCE.indexOf(p.label.volumeUnit as VolumeUnit),
    p.measure.seq,
  ])[0];
  if (!best?.label.volumeUnit) return null;
  return best.unitGrams / ML_PER_VOLUME_UNIT[best.label.volumeUnit];
}

function isLiquid(food: Food): boolean {
  return (
    food.groupCode === '0400' ||
    LIQUID_NAME.test(food.name) ||
    food.measures.some((m) => parseMeasureLabel(m.label).volumeUnit === 'fl oz')
  );
}

function volumePurchase(food: Food, grams: number, units: UnitSystem, name: string) {
  const density = densityGramsPerMl(food.measures);
  if (density === null) return null;
  const ml = grams / density;
  if (!isLiquid(food) && ml > SMALL_VOLUME_ML) return null;
  return { quantity: formatPurchaseVolume(ml, units), name };
}

/**
 * What a shopper buys to cover `grams` of a food: what a shop sells where the data names it
 * (`food.buy`), else the aisle's purchase modes in order:
 * whole items from USDA measures ("3 sweet potatoes"), containers ("2 cans"), a volume for
 * liquids and small pantry amounts ("2 tbsp"), else a weight rounded up ("450 g", "1 lb").
 * Counts and amounts are rounded UP so the exact need (also returned) is always covered.
 */
export function describePurchase(
  food: Food,
  grams: number,
  aisle: Aisle,
  units: UnitSystem,
): Purchase {
  const name = food.shopping ?? shortFoodName(food.name);
  const parsed = parseMeasures(food.measures);
  const exact = formatExactWeight(grams, units);
  const sold = food.buy ? unitPurchase(food.buy, grams, name) : null;
  if (sold) return { ...sold, display: `${sold.quantity} ${sold.name}`, exact };
  for (const mode of aisle.purchase) {
    const found =
      mode === 'item'
        ? (juicePurchase(food, parsed, grams) ?? itemPurchase(food, parsed, grams, aisle, name))
        : mode === 'container'
          ? containerPurchase(parsed, grams, name)
          : mode === 'volume'
            ? volumePurchase(food, grams, units, name)
            : { quantity: formatPurchaseWeight(grams, units), name };
    if (found) {
      // "2 cans canned mackerel" says canned twice
      const named = / cans?\b/.test(found.quantity)
        ? found.name.replace(/^canned /, '')
        : found.name;
      return {
        mode,
        quantity: found.quantity,
        name: named,
        display: `${found.quantity} ${named}`,
        exact,
      };
    }
  }
  const quantity = formatPurchaseWeight(grams, units);
  return { mode: 'weight', quantity, name, display: `${quantity} ${name}`, exact };
}
