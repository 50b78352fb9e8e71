import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveQuantity } from '@/lib/recipes/resolve-quantity';
import { namesOf } from '@/lib/shopping/food-names';
import { shoppingWords } from '@/lib/shopping/shopping-words';
import type { Food, Recipe } from '@/lib/shopping/types';
import { FOOD_NAMES, PURCHASE_UNITS } from '../../support/reference-files';
import { realFoods } from './fixtures';

type SeedIngredient = {
  ndb: string;
  grams?: number;
  amount?: number;
  measure?: string;
  note?: string;
};
export type SeedRecipe = { slug: string; servings: number; ingredients: SeedIngredient[] };

/** Every catalog recipe as written in seeds/recipes. */
export function catalogRecipes(): SeedRecipe[] {
  const dir = join(process.cwd(), 'seeds', 'recipes');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as SeedRecipe);
}

/** NDB numbers of every food a catalog recipe uses, derived 99xxx foods included. */
export function catalogNdbs(): string[] {
  return [...new Set(catalogRecipes().flatMap((r) => r.ingredients.map((i) => i.ndb)))].sort();
}

/** A real food with its shopping name and shop units from the seed data, as the app loads it. */
export function namedFood(ndb: string): Food {
  const f = realFoods().get(ndb);
  if (!f) throw new Error(`no food ${ndb}`);
  return { ...f, ...shoppingWords(FOOD_NAMES, PURCHASE_UNITS, ndb) };
}

/** The catalog recipes in the shopping domain's shape, grams resolved from the measures. */
export function catalogShoppingRecipes(): Recipe[] {
  return catalogRecipes().map((r) => ({
    slug: r.slug,
    name: r.slug,
    servings: r.servings,
    steps: [],
    prepMinutes: 0,
    cookMinutes: 0,
    description: '',
    ingredients: r.ingredients.map((i) => {
      const q = resolveQuantity(i as never, realFoods().get(i.ndb)?.measures ?? []);
      if (!q.ok) throw new Error(q.message);
      return { ndb: i.ndb, grams: q.grams, text: q.text };
    }),
  }));
}

/** The words for a food: its names row, else a name made from its USDA description. */
export function foodWords(ndb: string, longDesc: string) {
  return namesOf(FOOD_NAMES, ndb, longDesc);
}
