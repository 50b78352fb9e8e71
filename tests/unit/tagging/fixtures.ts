import type { FoodTagging, UsdaFood } from '@/lib/foods/types';
import { type TagRules, tagAllFoods } from '@/lib/tagging';
import { loadFoods } from '@/seeds/load-foods';
import { loadTagRules } from '@/seeds/tagging/load';

type Fixture = {
  foods: UsdaFood[];
  byNdb: Map<string, UsdaFood>;
  rules: TagRules;
  tagged: Map<string, FoodTagging>;
};

let cached: Fixture | undefined;

/** The real SR21 foods (with the derived foods), the committed rule files and every food tagged once per test file. */
export function loadFixture(): Fixture {
  if (cached) return cached;
  const foods = loadFoods();
  const rules = loadTagRules();
  cached = {
    foods,
    byNdb: new Map(foods.map((f) => [f.ndb, f])),
    rules,
    tagged: tagAllFoods(foods, rules),
  };
  return cached;
}

/** Every code a food carries, allergens and groups together, at any certainty. */
export function codesOf(tagging: FoodTagging): Set<string> {
  return new Set([...tagging.allergens.map((t) => t.code), ...tagging.tags.map((t) => t.code)]);
}
