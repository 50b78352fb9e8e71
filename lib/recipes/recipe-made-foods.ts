import { ALLERGEN_CODES, type AllergenCode, GROUP_CODES, type GroupCode } from '../foods/codes';
import type { FoodTag, FoodTagging } from '../foods/types';
import { type DerivationFood, type DerivedTag, deriveRecipe } from './derive';
import type { RecipeInput } from './schema';

/** A food made by one of Villi's recipes (a derived food with `recipe`). */
export type RecipeMadeFood = { ndb: string; recipe: string };

/** The tag source of a recipe-made food's tags: `recipe:<slug>`. */
export const recipeTagSource = (slug: string) => `recipe:${slug}`;

function inCodeOrder<C extends string>(tags: FoodTag<C>[], order: readonly C[]): FoodTag<C>[] {
  return tags.sort((x, y) => order.indexOf(x.code) - order.indexOf(y.code));
}

function toFoodTag<C extends string>(tag: DerivedTag, recipe: RecipeInput): FoodTag<C> {
  const causes = tag.causes.map((c) => `${c.name} (${c.certainty})`).join(', ');
  return {
    code: tag.code as C,
    certainty: tag.certainty,
    rationale: `Made by Villi's recipe ${recipe.slug} (${recipe.name}), from its ingredients: ${causes}.`,
    source: recipeTagSource(recipe.slug),
  };
}

/**
 * The allergens and diet groups of the foods Villi's own recipes make: for each, exactly the
 * tags its recipe derives from its ingredients ({@link deriveRecipe}, the same merge every
 * recipe gets: the union of every ingredient's tags, `contains` winning over `may-contain`,
 * each naming the ingredients that caused it). Nothing is read from the food's description, so
 * nothing a shop-bought product may hold is added and nothing the recipe's ingredients carry is
 * dropped. Inflammation is left as given; the seed classifies it with the description rules
 * over these tags (`inflammationForTags` in lib/tagging).
 *
 * A recipe may use another recipe-made food; those are resolved first. Pure. Throws, naming the
 * food and the recipe, when the recipe is not in the catalog, when the recipe cannot be derived,
 * or when recipes make each other in a cycle: no tag may rest on a recipe that does not exist.
 */
export function tagRecipeMadeFoods(
  made: readonly RecipeMadeFood[],
  recipes: ReadonlyMap<string, RecipeInput>,
  foods: ReadonlyMap<string, DerivationFood>,
): Map<string, FoodTagging> {
  const byNdb = new Map(made.map((m) => [m.ndb, m]));
  const result = new Map<string, FoodTagging>();
  // Foods as seen so far: recipe-made ones are replaced as soon as they are resolved.
  const current = new Map(foods);
  const resolving = new Set<string>();

  const resolve = (food: RecipeMadeFood): void => {
    if (result.has(food.ndb)) return;
    const recipe = recipes.get(food.recipe);
    if (!recipe) {
      throw new Error(
        `food ${food.ndb} is made by the recipe "${food.recipe}", which is not in the catalog (seeds/recipes/${food.recipe}.json)`,
      );
    }
    if (resolving.has(food.ndb)) {
      throw new Error(`food ${food.ndb}: the recipe "${food.recipe}" uses what it makes`);
    }
    resolving.add(food.ndb);
    for (const ing of recipe.ingredients) {
      const inner = byNdb.get(ing.ndb);
      if (inner) resolve(inner);
    }
    resolving.delete(food.ndb);
    const base = current.get(food.ndb);
    if (!base) throw new Error(`food ${food.ndb} (made by "${food.recipe}") is not a known food`);
    const derived = deriveRecipe(recipe, current);
    if (!derived.ok) {
      throw new Error(
        `food ${food.ndb}: its recipe "${food.recipe}" cannot be derived: ${derived.errors.join('; ')}`,
      );
    }
    const tagging: FoodTagging = {
      allergens: inCodeOrder(
        derived.recipe.allergens.map((t) => toFoodTag<AllergenCode>(t, recipe)),
        ALLERGEN_CODES,
      ),
      tags: inCodeOrder(
        derived.recipe.tags.map((t) => toFoodTag<GroupCode>(t, recipe)),
        GROUP_CODES,
      ),
      inflammation: base.tagging.inflammation,
    };
    result.set(food.ndb, tagging);
    current.set(food.ndb, { ...base, tagging });
  };

  for (const food of made) resolve(food);
  return result;
}
