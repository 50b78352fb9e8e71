import type { ServingTable } from '../../lib/fodmap/table';
import { applyServingRow } from '../../lib/fodmap/tags';
import type { FoodTagging, UsdaFood } from '../../lib/foods/types';
import type { Protocol } from '../../lib/protocols/schema';
import { type DerivationFood, type DerivedRecipe, deriveRecipe } from '../../lib/recipes/derive';
import { tagRecipeMadeFoods } from '../../lib/recipes/recipe-made-foods';
import { type RecipeInput, recipeSchema } from '../../lib/recipes/schema';
import { inflammationForTags, readableFoodName, tagAllFoods } from '../../lib/tagging';
import { loadServingTable } from '../fodmap/load';
import { loadFoods } from '../load-foods';
import { loadProtocols } from '../protocols/load';
import { loadTagRules } from '../tagging/load';
import { readRecipeFiles } from './source-files';

export type RecipeFiles = ReturnType<typeof readRecipeFiles>;

export type SeedRecipe = { input: RecipeInput; derived: DerivedRecipe; hash: string };

/** Everything the seed writes, computed and validated before any write. */
export type Catalog = {
  foods: UsdaFood[];
  taggings: Map<string, FoodTagging>;
  /** Readable name by NDB number. */
  names: Map<string, string>;
  servings: ServingTable;
  /** The reviewed match note of each NDB number the serving table covers. */
  matchNotes: Map<string, string>;
  protocols: Protocol[];
  recipes: SeedRecipe[];
  derivationFoods: Map<string, DerivationFood>;
};

/** Display order: the protocols as the product introduces them, then the everyday diets. */
const PROTOCOL_ORDER = [
  'aip',
  'low-fodmap',
  'whole30',
  'six-food',
  'gut-reset',
  'omnivore',
  'pescatarian',
  'vegetarian',
  'vegan',
];
const orderOf = (id: string) => {
  const i = PROTOCOL_ORDER.indexOf(id);
  return i === -1 ? PROTOCOL_ORDER.length : i;
};

function invalid(problems: string[]): Error {
  return new Error(`Seed data is invalid:\n${problems.join('\n')}`);
}

/** Parses every recipe file; a bad file fails with its path. */
function parseRecipeFiles(
  files: RecipeFiles,
): { file: string; input: RecipeInput; hash: string }[] {
  const problems: string[] = [];
  const parsed = files.flatMap(({ file, json, hash }) => {
    const result = recipeSchema.safeParse(json);
    if (!result.success) {
      problems.push(
        ...result.error.issues.map(
          (i) => `seeds/recipes/${file}: ${i.path.join('.')}: ${i.message}`,
        ),
      );
      return [];
    }
    if (`${result.data.slug}.json` !== file)
      problems.push(`seeds/recipes/${file}: slug must match the file name`);
    return [{ file, input: result.data, hash }];
  });
  if (problems.length > 0) throw invalid(problems);
  return parsed;
}

/**
 * Reads and derives the whole catalog from seeds/: foods with their tags (the FODMAP serving
 * table replaces the rule tags of the foods it covers; foods made by a Villi recipe take their
 * allergens and groups from that recipe), protocols, and every recipe derived. Throws before
 * anything is written when a file is invalid; `recipeFiles` replaces the recipe files (tests).
 */
export function prepareCatalog(recipeFiles: RecipeFiles = readRecipeFiles()): Catalog {
  const foods = loadFoods();
  const rules = loadTagRules();
  const taggings = tagAllFoods(foods, rules);
  const servings = loadServingTable();
  for (const [ndb, tagging] of taggings) {
    taggings.set(ndb, applyServingRow(tagging, servings.byNdb.get(ndb)));
  }
  const matchNotes = new Map(servings.matches.flatMap((m) => m.ndbs.map((n) => [n, m.note])));
  const protocols = loadProtocols().sort((a, b) => orderOf(a.id) - orderOf(b.id));

  const derivationFoods = new Map<string, DerivationFood>();
  const names = new Map<string, string>();
  for (const food of foods) {
    const tagging = taggings.get(food.ndb) as FoodTagging;
    const name = readableFoodName(food);
    names.set(food.ndb, name);
    derivationFoods.set(food.ndb, {
      ndb: food.ndb,
      name,
      nutrients: food.nutrients,
      measures: food.measures,
      tagging,
    });
  }

  const parsedRecipes = parseRecipeFiles(recipeFiles);

  // Foods made by a Villi recipe take their tags from that recipe, before any recipe uses them.
  const made = foods.flatMap((f) =>
    f.derived?.recipe ? [{ ndb: f.ndb, recipe: f.derived.recipe }] : [],
  );
  let madeTaggings: Map<string, FoodTagging>;
  try {
    madeTaggings = tagRecipeMadeFoods(
      made,
      new Map(parsedRecipes.map((r) => [r.input.slug, r.input])),
      derivationFoods,
    );
  } catch (cause) {
    throw invalid([`seeds/derived-foods.json: ${(cause as Error).message}`]);
  }
  const byNdb = new Map(foods.map((f) => [f.ndb, f]));
  for (const [ndb, tagging] of madeTaggings) {
    const withInflammation = {
      ...tagging,
      inflammation: inflammationForTags(byNdb.get(ndb) as UsdaFood, tagging, rules),
    };
    taggings.set(ndb, withInflammation);
    derivationFoods.set(ndb, {
      ...(derivationFoods.get(ndb) as DerivationFood),
      tagging: withInflammation,
    });
  }

  const problems: string[] = [];
  const recipes = parsedRecipes.flatMap(({ file, input, hash }) => {
    const derived = deriveRecipe(input, derivationFoods);
    if (!derived.ok) {
      problems.push(...derived.errors.map((e) => `seeds/recipes/${file}: ${e}`));
      return [];
    }
    return [{ input, derived: derived.recipe, hash }];
  });
  if (problems.length > 0) throw invalid(problems);

  return { foods, taggings, names, servings, matchNotes, protocols, recipes, derivationFoods };
}
