import { FODMAP_SUBGROUP_CODES, isFodmapCode } from '../foods/codes';
import { type DoseIngredient, LOAD_EPS, maxPortionOf } from './load';

export type FodmapLevel = 'green' | 'amber' | 'red';

/** A food's serves from the table, grams; null = not published. */
export type FoodServes = {
  greenMaxG: number | null;
  amberFromG: number | null;
  redFromG: number | null;
};

export type RatedIngredient = DoseIngredient & { name: string; serves: FoodServes | null };

export type SubgroupRating = {
  /** A FODMAP subgroup code, or `high-fodmap` for dosed foods that name no subgroup. */
  code: string;
  level: FodmapLevel;
  /** Σ grams ÷ green serve over the dosed foods of this subgroup; null when one has no dose. */
  load: number | null;
  foods: {
    ndb: string;
    name: string;
    grams: number | null;
    greenMaxG: number | null;
    level: FodmapLevel;
  }[];
};

export type FodmapRating = {
  level: FodmapLevel;
  subgroups: SubgroupRating[];
  /** Largest servings per person that stay green (null = no limit from FODMAP doses). */
  maxPortion: number | null;
};

const RANK: Record<FodmapLevel, number> = { green: 0, amber: 1, red: 2 };
const worse = (a: FodmapLevel, b: FodmapLevel): FodmapLevel => (RANK[a] >= RANK[b] ? a : b);

/**
 * One food's level at `grams` in a sitting: green up to its green serve; red from its red serve;
 * amber in between when an amber or red serve is published; red when only the green serve is
 * known. A food with no green serve (or unknown grams) is red.
 */
export function foodLevel(
  grams: number | null,
  green: number | null,
  serves: FoodServes | null,
): FodmapLevel {
  if (grams === null || green === null) return 'red';
  if (grams <= green * (1 + LOAD_EPS)) return 'green';
  const red = serves?.redFromG ?? null;
  const amber = serves?.amberFromG ?? null;
  if (red !== null && grams >= red) return 'red';
  if (amber !== null || red !== null) return 'amber';
  return 'red';
}

/**
 * Per-serving FODMAP rating of a recipe, by subgroup: each food is rated against its own serves
 * (amber and red serves where the table has them); a subgroup is as high as its highest food, and
 * amber when its foods are each green but stack past the limit (Σ grams ÷ green > 1).
 */
export function rateServing(ingredients: RatedIngredient[]): FodmapRating {
  const bySubgroup = new Map<string, SubgroupRating>();
  for (const ing of ingredients) {
    const fodmap = ing.tags.filter((t) => isFodmapCode(t.code));
    if (fodmap.length === 0) continue;
    const dosed = fodmap.every((t) => t.greenMaxG !== undefined && t.greenMaxG > 0);
    const green = dosed ? Math.min(...fodmap.map((t) => t.greenMaxG as number)) : null;
    const subgroups = fodmap
      .map((t) => t.code)
      .filter((c) => (FODMAP_SUBGROUP_CODES as readonly string[]).includes(c));
    const grams = ing.gramsPerServing ?? null;
    const level = foodLevel(grams, green, ing.serves);
    for (const code of subgroups.length > 0 ? subgroups : ['high-fodmap']) {
      const entry = bySubgroup.get(code) ?? { code, level: 'green', load: 0, foods: [] };
      const existing = entry.foods.find((f) => f.ndb === ing.ndb);
      if (existing) continue;
      entry.foods.push({
        ndb: ing.ndb,
        name: ing.name,
        grams,
        greenMaxG: green,
        level,
      });
      entry.level = worse(entry.level, level);
      entry.load =
        entry.load === null || green === null || grams === null ? null : entry.load + grams / green;
      bySubgroup.set(code, entry);
    }
  }
  const subgroups = [...bySubgroup.values()].map((s) => ({
    ...s,
    level:
      s.level === 'green' && s.load !== null && s.load > 1 + LOAD_EPS
        ? ('amber' as const)
        : s.level,
    load: s.load === null ? null : Math.round(s.load * 1000) / 1000,
  }));
  const max = maxPortionOf(ingredients);
  return {
    level: subgroups.reduce<FodmapLevel>((a, s) => worse(a, s.level), 'green'),
    subgroups,
    maxPortion: Number.isFinite(max) ? Math.round(max * 1000) / 1000 : null,
  };
}
