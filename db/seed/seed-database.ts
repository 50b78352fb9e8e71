import {
  type DoseIngredient,
  foodsOverLimit,
  maxPortionOf,
  portionFits,
} from '../../lib/fodmap/load';
import { applyServingRow } from '../../lib/fodmap/tags';
import { FOOD_GROUPS } from '../../lib/foods/codes';
import type { FoodTagging, UsdaFood } from '../../lib/foods/types';
import { PORTIONS } from '../../lib/planner/score';
import { restrictionForPhase } from '../../lib/protocols/build-restriction';
import type { Protocol } from '../../lib/protocols/schema';
import { type DerivationFood, type DerivedRecipe, deriveRecipe } from '../../lib/recipes/derive';
import { fructoseByNdb, fructosePerServing } from '../../lib/recipes/fructose';
import { tagRecipeMadeFoods } from '../../lib/recipes/recipe-made-foods';
import { type RecipeInput, recipeSchema } from '../../lib/recipes/schema';
import { ingredientLimitBreaches } from '../../lib/restrictions/ingredient-limits';
import {
  findRecipeViolations,
  summarizeViolations,
  type ViolationSummary,
} from '../../lib/restrictions/recipe-violations';
import type { TaggedFoodRef } from '../../lib/restrictions/types';
import { inflammationForTags, readableFoodName, tagAllFoods } from '../../lib/tagging';
import { loadServingTable } from '../../seeds/fodmap/load';
import { loadFoods } from '../../seeds/load-foods';
import { loadFructoseTable } from '../../seeds/nutrition/load';
import { loadProtocols } from '../../seeds/protocols/load';
import { loadTagRules } from '../../seeds/tagging/load';
import type { Db } from '../client';
import { hashSeedData, readRecipeFiles } from './source-files';

export type SeedCounts = Record<string, number>;

const SEED_HASH_KEY = 'seed-hash';
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

export function isSeeded(db: Db): boolean {
  const row = db.$client.prepare('SELECT count(*) AS n FROM foods').get() as { n: number };
  const recipes = db.$client.prepare('SELECT count(*) AS n FROM recipes').get() as { n: number };
  return row.n > 0 && recipes.n > 0;
}

export function storedSeedHash(db: Db): string | null {
  const row = db.$client.prepare('SELECT value FROM seed_meta WHERE key = ?').get(SEED_HASH_KEY) as
    | { value: string }
    | undefined;
  return row?.value ?? null;
}

/**
 * Seeds foods, tags, protocols and recipes. Idempotent: every row is upserted on its natural key
 * (NDB number, protocol id, recipe slug) and derived rows are recomputed, all in one transaction.
 * Foods made by a Villi recipe (`recipe` in seeds/derived-foods.json) take their allergens and
 * groups from that recipe; a recipe missing from the catalog fails the seed before any write.
 * `sources.recipeFiles` replaces the recipe files (tests).
 */
export function seedDatabase(
  db: Db,
  sources: { recipeFiles?: ReturnType<typeof readRecipeFiles> } = {},
): SeedCounts {
  const sqlite = db.$client;
  const usda = loadFoods();
  const rules = loadTagRules();
  const taggings = tagAllFoods(usda, rules);
  // The FODMAP serving table replaces the rule tags of the foods it covers (see lib/fodmap/tags).
  const servings = loadServingTable();
  for (const [ndb, tagging] of taggings) {
    taggings.set(ndb, applyServingRow(tagging, servings.byNdb.get(ndb)));
  }
  const matchNotes = new Map(servings.matches.flatMap((m) => m.ndbs.map((n) => [n, m.note])));
  const protocols = loadProtocols().sort((a, b) => orderOf(a.id) - orderOf(b.id));
  const recipeFiles = sources.recipeFiles ?? readRecipeFiles();

  const derivationFoods = new Map<string, DerivationFood>();
  const names = new Map<string, string>();
  for (const food of usda) {
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

  // Validate every recipe before writing anything: a bad file fails with its path.
  const problems: string[] = [];
  const parsedRecipes = recipeFiles.flatMap(({ file, json, hash }) => {
    const parsed = recipeSchema.safeParse(json);
    if (!parsed.success) {
      problems.push(
        ...parsed.error.issues.map(
          (i) => `seeds/recipes/${file}: ${i.path.join('.')}: ${i.message}`,
        ),
      );
      return [];
    }
    if (`${parsed.data.slug}.json` !== file)
      problems.push(`seeds/recipes/${file}: slug must match the file name`);
    return [{ file, input: parsed.data, hash }];
  });
  if (problems.length > 0) throw new Error(`Seed data is invalid:\n${problems.join('\n')}`);

  // Foods made by a Villi recipe take their tags from that recipe, before any recipe uses them.
  const made = usda.flatMap((f) =>
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
    throw new Error(`Seed data is invalid:\nseeds/derived-foods.json: ${(cause as Error).message}`);
  }
  const byNdb = new Map(usda.map((f) => [f.ndb, f]));
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

  const recipes = parsedRecipes.flatMap(({ file, input, hash }) => {
    const derived = deriveRecipe(input, derivationFoods);
    if (!derived.ok) {
      problems.push(...derived.errors.map((e) => `seeds/recipes/${file}: ${e}`));
      return [];
    }
    return [{ input, derived: derived.recipe, hash }];
  });
  if (problems.length > 0) throw new Error(`Seed data is invalid:\n${problems.join('\n')}`);

  const counts: SeedCounts = {};
  const run = sqlite.transaction(() => {
    const upsertFood =
      sqlite.prepare(`INSERT INTO foods (ndb, name, group_code, group_name, long_desc, short_desc,
      common_names, manufacturer, sci_name, refuse_pct, nutrients, energy_kcal, protein_g, inflammation_class,
      inflammation_rationale, inflammation_evidence, inflammation_source, derived_from, derivation)
      VALUES (@ndb, @name, @groupCode, @groupName, @longDesc, @shortDesc, @commonNames, @manufacturer, @sciName,
      @refusePct, @nutrients, @energyKcal, @proteinG, @inflammationClass, @inflammationRationale,
      @inflammationEvidence, @inflammationSource, @derivedFrom, @derivation)
      ON CONFLICT(ndb) DO UPDATE SET name = excluded.name, group_code = excluded.group_code,
      group_name = excluded.group_name, long_desc = excluded.long_desc, short_desc = excluded.short_desc,
      common_names = excluded.common_names, manufacturer = excluded.manufacturer, sci_name = excluded.sci_name,
      refuse_pct = excluded.refuse_pct, nutrients = excluded.nutrients, energy_kcal = excluded.energy_kcal,
      protein_g = excluded.protein_g, inflammation_class = excluded.inflammation_class,
      inflammation_rationale = excluded.inflammation_rationale, inflammation_evidence = excluded.inflammation_evidence,
      inflammation_source = excluded.inflammation_source, derived_from = excluded.derived_from,
      derivation = excluded.derivation`);
    const deleteMeasures = sqlite.prepare('DELETE FROM food_measures WHERE ndb = ?');
    const insertMeasure = sqlite.prepare(
      'INSERT INTO food_measures (ndb, seq, amount, label, grams) VALUES (?, ?, ?, ?, ?)',
    );
    const deleteFoodTags = sqlite.prepare('DELETE FROM food_tags WHERE ndb = ?');
    const insertFoodTag = sqlite.prepare(
      'INSERT INTO food_tags (ndb, kind, code, certainty, rationale, source, green_max_g, subgroups_above) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const deleteServes = sqlite.prepare('DELETE FROM food_fodmap_serves WHERE ndb = ?');
    const insertServes =
      sqlite.prepare(`INSERT INTO food_fodmap_serves (ndb, table_food, green_max_g,
      amber_from_g, red_from_g, subgroups_above, unlimited, tier, source, note, match_note)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    let servesRows = 0;
    sqlite.prepare('DELETE FROM foods_fts').run();
    const insertFoodFts = sqlite.prepare(
      'INSERT INTO foods_fts (ndb, name, common_names) VALUES (?, ?, ?)',
    );
    let tagRows = 0;
    let measureRows = 0;
    for (const food of usda) {
      const tagging = taggings.get(food.ndb) as FoodTagging;
      const name = names.get(food.ndb) as string;
      upsertFood.run({
        ndb: food.ndb,
        name,
        groupCode: food.groupCode,
        groupName: FOOD_GROUPS[food.groupCode] ?? food.groupCode,
        longDesc: food.longDesc,
        shortDesc: food.shortDesc,
        commonNames: food.commonNames,
        manufacturer: food.manufacturer,
        sciName: food.sciName,
        refusePct: food.refusePct,
        nutrients: JSON.stringify(food.nutrients),
        energyKcal: food.nutrients.energyKcal,
        proteinG: food.nutrients.proteinG,
        inflammationClass: tagging.inflammation.class,
        inflammationRationale: tagging.inflammation.rationale,
        inflammationEvidence: tagging.inflammation.evidence,
        inflammationSource: tagging.inflammation.source,
        derivedFrom: food.derived?.parent ?? null,
        derivation: food.derived?.derivation ?? null,
      });
      deleteMeasures.run(food.ndb);
      for (const m of food.measures) {
        insertMeasure.run(food.ndb, m.seq, m.amount, m.label, m.grams);
        measureRows++;
      }
      deleteFoodTags.run(food.ndb);
      for (const t of tagging.allergens) {
        insertFoodTag.run(
          food.ndb,
          'allergen',
          t.code,
          t.certainty,
          t.rationale,
          t.source,
          null,
          null,
        );
        tagRows++;
      }
      for (const t of tagging.tags) {
        insertFoodTag.run(
          food.ndb,
          'group',
          t.code,
          t.certainty,
          t.rationale,
          t.source,
          t.greenMaxG ?? null,
          t.subgroupsAbove ? JSON.stringify(t.subgroupsAbove) : null,
        );
        tagRows++;
      }
      deleteServes.run(food.ndb);
      const row = servings.byNdb.get(food.ndb);
      if (row) {
        insertServes.run(
          food.ndb,
          row.food,
          row.greenMaxG,
          row.amberFromG,
          row.redFromG,
          JSON.stringify(row.subgroupsAbove),
          row.unlimited ? 1 : 0,
          row.tier,
          row.source,
          row.note,
          matchNotes.get(food.ndb) ?? '',
        );
        servesRows++;
      }
      insertFoodFts.run(food.ndb, name, food.commonNames);
    }
    counts.foods = usda.length;
    counts.food_measures = measureRows;
    counts.food_tags = tagRows;
    counts.food_fodmap_serves = servesRows;

    const upsertProtocol = sqlite.prepare(`INSERT INTO protocols (id, kind, name, position, data)
      VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, name = excluded.name,
      position = excluded.position, data = excluded.data`);
    protocols.forEach((p, i) => {
      upsertProtocol.run(p.id, p.kind, p.name, i, JSON.stringify(p));
    });
    counts.protocols = protocols.length;

    counts.recipes = seedRecipes(db, recipes, protocols, derivationFoods);
    removeDroppedDerivedFoods(db, usda);
    sqlite
      .prepare(
        'INSERT INTO seed_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(SEED_HASH_KEY, hashSeedData());
  });
  run();
  return counts;
}

/**
 * A derived food taken out of seeds/derived-foods.json leaves the database too, unless a recipe
 * or a pantry choice still names it. SR21 foods never leave.
 */
function removeDroppedDerivedFoods(db: Db, foods: { ndb: string }[]): void {
  const current = new Set(foods.map((f) => f.ndb));
  const stored = db.$client
    .prepare('SELECT ndb FROM foods WHERE derived_from IS NOT NULL')
    .all() as { ndb: string }[];
  const inUse = db.$client.prepare(
    'SELECT 1 FROM recipe_ingredients WHERE ndb = @ndb UNION ALL SELECT 1 FROM profile_pantry WHERE ndb = @ndb LIMIT 1',
  );
  const remove = db.$client.prepare('DELETE FROM foods WHERE ndb = ?');
  for (const { ndb } of stored) {
    if (!current.has(ndb) && !inUse.get({ ndb })) remove.run(ndb);
  }
}

type SeedRecipe = {
  input: RecipeInput;
  derived: DerivedRecipe;
  hash: string;
};

function toRef(food: DerivationFood): TaggedFoodRef {
  return {
    ndb: food.ndb,
    name: food.name,
    allergens: food.tagging.allergens.map((t) => ({ code: t.code, certainty: t.certainty })),
    tags: food.tagging.tags.map((t) => ({
      code: t.code,
      certainty: t.certainty,
      ...(t.greenMaxG !== undefined ? { greenMaxG: t.greenMaxG } : {}),
      ...(t.subgroupsAbove ? { subgroupsAbove: t.subgroupsAbove } : {}),
    })),
  };
}

/**
 * Dose-aware phases: the largest servings per person that keep every food within its green serve
 * and every subgroup within the stacking limit, and a reason when even the smallest planned
 * portion (PORTIONS[0]) is over.
 */
function fodmapDoseCompliance(
  ingredients: DoseIngredient[],
  foods: Map<string, DerivationFood>,
): { maxPortion: number | null; reason: ViolationSummary | null } {
  const max = maxPortionOf(ingredients);
  if (!Number.isFinite(max)) return { maxPortion: null, reason: null };
  const maxPortion = Math.round(max * 1000) / 1000;
  if (portionFits(PORTIONS[0], max)) return { maxPortion, reason: null };
  const over = foodsOverLimit(ingredients, PORTIONS[0]);
  return {
    maxPortion,
    reason: {
      code: 'high-fodmap',
      reason: `over the low-FODMAP serve even at ${PORTIONS[0]} serving per person (up to ${maxPortion} fits)`,
      foods: over.map((ndb) => foods.get(ndb)?.name ?? ndb),
    },
  };
}

function seedRecipes(
  db: Db,
  recipes: SeedRecipe[],
  protocols: Protocol[],
  foods: Map<string, DerivationFood>,
): number {
  const sqlite = db.$client;
  const upsert =
    sqlite.prepare(`INSERT INTO recipes (slug, name, description, meal_types, servings, prep_minutes,
    cook_minutes, total_minutes, cuisine, light, leftover_days, freezes, steps, nutrition_per_serving,
    nutrition_unknown, nutrition_from, fructose_g, treat, energy_kcal, protein_g, inflammation_class, inflammation_score, source_hash)
    VALUES (@slug, @name, @description, @mealTypes, @servings, @prepMinutes, @cookMinutes, @totalMinutes, @cuisine,
    @light, @leftoverDays, @freezes, @steps, @nutrition, @nutritionUnknown, @nutritionFrom, @fructoseG, @treat, @energyKcal,
    @proteinG, @inflammationClass, @inflammationScore, @hash)
    ON CONFLICT(slug) DO UPDATE SET name = excluded.name, description = excluded.description,
    meal_types = excluded.meal_types, servings = excluded.servings, prep_minutes = excluded.prep_minutes,
    cook_minutes = excluded.cook_minutes, total_minutes = excluded.total_minutes, cuisine = excluded.cuisine,
    light = excluded.light, leftover_days = excluded.leftover_days, freezes = excluded.freezes,
    steps = excluded.steps, nutrition_per_serving = excluded.nutrition_per_serving,
    nutrition_unknown = excluded.nutrition_unknown, nutrition_from = excluded.nutrition_from, fructose_g = excluded.fructose_g, treat = excluded.treat,
    energy_kcal = excluded.energy_kcal, protein_g = excluded.protein_g,
    inflammation_class = excluded.inflammation_class, inflammation_score = excluded.inflammation_score,
    source_hash = excluded.source_hash`);
  const clear = ['recipe_ingredients', 'recipe_tags', 'recipe_compliance'].map((t) =>
    sqlite.prepare(`DELETE FROM ${t} WHERE recipe_slug = ?`),
  );
  const insertIngredient = sqlite.prepare(
    'INSERT INTO recipe_ingredients (recipe_slug, position, ndb, grams, text, note, shop_note) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertTag = sqlite.prepare(
    'INSERT INTO recipe_tags (recipe_slug, kind, code, certainty, causes) VALUES (?, ?, ?, ?, ?)',
  );
  const insertCompliance = sqlite.prepare(
    'INSERT INTO recipe_compliance (recipe_slug, protocol, phase, ok, reasons, max_portion) VALUES (?, ?, ?, ?, ?, ?)',
  );
  sqlite.prepare('DELETE FROM recipes_fts').run();
  const insertFts = sqlite.prepare(
    'INSERT INTO recipes_fts (slug, name, description, ingredients) VALUES (?, ?, ?, ?)',
  );
  const fructoseTable = fructoseByNdb(loadFructoseTable());
  const phaseRestrictions = protocols.flatMap((p) =>
    p.phases.map((ph) => ({
      protocol: p.id,
      phase: ph.id,
      restriction: restrictionForPhase(p, ph),
    })),
  );

  for (const { input, derived, hash } of recipes) {
    const n = derived.nutritionPerServing;
    upsert.run({
      slug: input.slug,
      name: input.name,
      description: input.description,
      mealTypes: JSON.stringify(input.mealTypes),
      servings: input.servings,
      prepMinutes: input.prepMinutes,
      cookMinutes: input.cookMinutes,
      totalMinutes: input.prepMinutes + input.cookMinutes,
      cuisine: input.cuisine,
      light: input.light ? 1 : 0,
      leftoverDays: input.leftoverDays,
      freezes: input.freezes ? 1 : 0,
      steps: JSON.stringify(input.steps),
      nutrition: JSON.stringify(n),
      nutritionUnknown: JSON.stringify(derived.nutritionUnknown),
      nutritionFrom: derived.nutritionFrom ? JSON.stringify(derived.nutritionFrom) : null,
      fructoseG: derived.nutritionFrom
        ? fructosePerServing(
            [{ ndb: derived.nutritionFrom.ndb, grams: derived.nutritionFrom.gramsPerServing }],
            1,
            foods,
            fructoseTable,
          )
        : fructosePerServing(derived.ingredients, input.servings, foods, fructoseTable),
      treat: input.treat ? 1 : 0,
      energyKcal: n.energyKcal ?? 0,
      proteinG: n.proteinG ?? 0,
      inflammationClass: derived.inflammation.class,
      inflammationScore: derived.inflammation.score,
      hash,
    });
    for (const stmt of clear) stmt.run(input.slug);
    derived.ingredients.forEach((ing, i) => {
      insertIngredient.run(input.slug, i, ing.ndb, ing.grams, ing.text, ing.note, ing.shopNote);
    });
    for (const [kind, list] of [
      ['allergen', derived.allergens],
      ['group', derived.tags],
    ] as const) {
      for (const t of list)
        insertTag.run(input.slug, kind, t.code, t.certainty, JSON.stringify(t.causes));
    }
    const refs = [...new Set(derived.ingredients.map((i) => i.ndb))].map((ndb) =>
      toRef(foods.get(ndb) as DerivationFood),
    );
    // One serving's lines with their tags: what the FODMAP dose and per-meal limit checks read.
    const servingLines = derived.ingredients.map((ing) => ({
      ndb: ing.ndb,
      name: ing.name,
      gramsPerServing: ing.grams / input.servings,
      tags: toRef(foods.get(ing.ndb) as DerivationFood).tags,
    }));
    for (const { protocol, phase, restriction } of phaseRestrictions) {
      const reasons = summarizeViolations(findRecipeViolations(refs, restriction));
      if (input.treat && restriction.excludeTreats) {
        reasons.push({ code: 'treat', reason: restriction.excludeTreats.reason, foods: [] });
      }
      for (const b of ingredientLimitBreaches(
        servingLines,
        restriction.ingredientLimits ?? [],
        Math.max(...PORTIONS),
      )) {
        reasons.push(b);
      }
      const dose = restriction.fodmapDoses ? fodmapDoseCompliance(servingLines, foods) : null;
      if (dose?.reason) reasons.push(dose.reason);
      insertCompliance.run(
        input.slug,
        protocol,
        phase,
        reasons.length === 0 ? 1 : 0,
        JSON.stringify(reasons),
        dose?.maxPortion ?? null,
      );
    }
    insertFts.run(
      input.slug,
      input.name,
      input.description,
      derived.ingredients.map((i) => i.name).join('; '),
    );
  }
  // Recipes removed from seeds/ go too, unless a saved plan still uses them.
  const slugs = new Set(recipes.map((r) => r.input.slug));
  const existing = sqlite.prepare('SELECT slug FROM recipes').all() as { slug: string }[];
  const inUse = sqlite.prepare('SELECT 1 FROM plan_meals WHERE recipe_slug = ? LIMIT 1');
  const remove = sqlite.prepare('DELETE FROM recipes WHERE slug = ?');
  for (const { slug } of existing) {
    if (!slugs.has(slug) && !inUse.get(slug)) remove.run(slug);
  }
  return recipes.length;
}
