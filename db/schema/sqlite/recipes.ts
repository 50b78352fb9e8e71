import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { foods } from './foods';

export const recipes = sqliteTable('recipes', {
  slug: text('slug').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  mealTypes: text('meal_types', { mode: 'json' }).$type<string[]>().notNull(),
  servings: integer('servings').notNull(),
  prepMinutes: integer('prep_minutes').notNull(),
  cookMinutes: integer('cook_minutes').notNull(),
  totalMinutes: integer('total_minutes').notNull(),
  /** Hands-on and unattended minutes (see the recipe schema); null where the file gives none. */
  activeMinutes: integer('active_minutes'),
  passiveMinutes: integer('passive_minutes'),
  /** Assembled, not cooked: needs no cooking session. */
  assembly: integer('assembly', { mode: 'boolean' }).notNull().default(false),
  cuisine: text('cuisine').notNull(),
  light: integer('light', { mode: 'boolean' }).notNull(),
  leftoverDays: integer('leftover_days').notNull(),
  freezes: integer('freezes', { mode: 'boolean' }).notNull(),
  steps: text('steps', { mode: 'json' }).$type<string[]>().notNull(),
  /** Derived at seed time from the ingredients: never typed by hand. */
  nutritionPerServing: text('nutrition_per_serving', { mode: 'json' })
    .$type<Record<string, number | null>>()
    .notNull(),
  /** Per nutrient, ingredient lines without an SR21 value: where > 0 the amount is a lower bound. */
  nutritionUnknown: text('nutrition_unknown', { mode: 'json' })
    .$type<Record<string, number>>()
    .notNull()
    .default({}),
  /**
   * Fructose per serving, grams: an estimate that does not undercount (table value where the
   * food has one, else its total sugars, else its carbohydrate). Null = unknown.
   */
  fructoseG: real('fructose_g'),
  /** JSON { ndb, name, gramsPerServing } of a strained broth's nutrition source, else null. */
  nutritionFrom: text('nutrition_from', { mode: 'json' }).$type<{
    ndb: string;
    name: string;
    gramsPerServing: number;
  }>(),
  /** A baked treat or pancake (see the recipe schema); Whole30 leaves these out. */
  treat: integer('treat', { mode: 'boolean' }).notNull().default(false),
  energyKcal: real('energy_kcal').notNull(),
  proteinG: real('protein_g').notNull(),
  inflammationClass: text('inflammation_class').notNull(),
  inflammationScore: real('inflammation_score').notNull(),
  /** Hash of the source file, so a changed recipe is re-derived. */
  sourceHash: text('source_hash').notNull(),
});

export const recipeIngredients = sqliteTable(
  'recipe_ingredients',
  {
    recipeSlug: text('recipe_slug')
      .notNull()
      .references(() => recipes.slug, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    ndb: text('ndb')
      .notNull()
      .references(() => foods.ndb),
    grams: real('grams').notNull(),
    text: text('text').notNull(),
    note: text('note'),
    /** What a shopper must pick (also at the front of `note`); shown on the shopping list. */
    shopNote: text('shop_note'),
  },
  (t) => [
    primaryKey({ columns: [t.recipeSlug, t.position] }),
    index('recipe_ingredients_ndb_idx').on(t.ndb),
  ],
);

export const recipeTags = sqliteTable(
  'recipe_tags',
  {
    recipeSlug: text('recipe_slug')
      .notNull()
      .references(() => recipes.slug, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['allergen', 'group'] }).notNull(),
    code: text('code').notNull(),
    certainty: text('certainty', { enum: ['contains', 'may-contain'] }).notNull(),
    /** JSON [{ ndb, name, certainty }]: the ingredients that caused the tag. */
    causes: text('causes', { mode: 'json' })
      .$type<{ ndb: string; name: string; certainty: string }[]>()
      .notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.recipeSlug, t.kind, t.code] }),
    index('recipe_tags_code_idx').on(t.kind, t.code),
  ],
);

export type RecipeRow = typeof recipes.$inferSelect;

/** Derived at seed time: does the recipe fit each protocol phase, and if not, why. */
export const recipeCompliance = sqliteTable(
  'recipe_compliance',
  {
    recipeSlug: text('recipe_slug')
      .notNull()
      .references(() => recipes.slug, { onDelete: 'cascade' }),
    protocol: text('protocol').notNull(),
    phase: text('phase').notNull(),
    ok: integer('ok', { mode: 'boolean' }).notNull(),
    /** JSON [{ code, reason, foods: [name] }]. */
    reasons: text('reasons', { mode: 'json' })
      .$type<{ code: string; reason: string; foods: string[] }[]>()
      .notNull(),
    /**
     * Dose-aware phases only: the largest servings per person per meal that keep every food
     * within its green serve and every FODMAP subgroup within the stacking limit; null = no cap.
     */
    maxPortion: real('max_portion'),
  },
  (t) => [
    primaryKey({ columns: [t.recipeSlug, t.protocol, t.phase] }),
    index('recipe_compliance_phase_idx').on(t.protocol, t.phase, t.ok),
  ],
);
