import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
} from 'drizzle-orm/pg-core';
import { foods } from './foods';

export const recipes = pgTable('recipes', {
  slug: text('slug').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  mealTypes: jsonb('meal_types').$type<string[]>().notNull(),
  servings: integer('servings').notNull(),
  prepMinutes: integer('prep_minutes').notNull(),
  cookMinutes: integer('cook_minutes').notNull(),
  totalMinutes: integer('total_minutes').notNull(),
  /** Hands-on and unattended minutes (see the recipe schema); null where the file gives none. */
  activeMinutes: integer('active_minutes'),
  passiveMinutes: integer('passive_minutes'),
  /** Assembled, not cooked: needs no cooking session. */
  assembly: boolean('assembly').notNull().default(false),
  cuisine: text('cuisine').notNull(),
  light: boolean('light').notNull(),
  leftoverDays: integer('leftover_days').notNull(),
  freezes: boolean('freezes').notNull(),
  steps: jsonb('steps').$type<string[]>().notNull(),
  nutritionPerServing: jsonb('nutrition_per_serving')
    .$type<Record<string, number | null>>()
    .notNull(),
  nutritionUnknown: jsonb('nutrition_unknown')
    .$type<Record<string, number>>()
    .notNull()
    .default({}),
  fructoseG: doublePrecision('fructose_g'),
  nutritionFrom: jsonb('nutrition_from').$type<{
    ndb: string;
    name: string;
    gramsPerServing: number;
  }>(),
  treat: boolean('treat').notNull().default(false),
  energyKcal: doublePrecision('energy_kcal').notNull(),
  proteinG: doublePrecision('protein_g').notNull(),
  inflammationClass: text('inflammation_class').notNull(),
  inflammationScore: doublePrecision('inflammation_score').notNull(),
  sourceHash: text('source_hash').notNull(),
});

export const recipeIngredients = pgTable(
  'recipe_ingredients',
  {
    recipeSlug: text('recipe_slug')
      .notNull()
      .references(() => recipes.slug, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    ndb: text('ndb')
      .notNull()
      .references(() => foods.ndb),
    grams: doublePrecision('grams').notNull(),
    text: text('text').notNull(),
    note: text('note'),
    shopNote: text('shop_note'),
  },
  (t) => [
    primaryKey({ columns: [t.recipeSlug, t.position] }),
    index('recipe_ingredients_ndb_idx').on(t.ndb),
  ],
);

export const recipeTags = pgTable(
  'recipe_tags',
  {
    recipeSlug: text('recipe_slug')
      .notNull()
      .references(() => recipes.slug, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['allergen', 'group'] }).notNull(),
    code: text('code').notNull(),
    certainty: text('certainty', { enum: ['contains', 'may-contain'] }).notNull(),
    causes: jsonb('causes').$type<{ ndb: string; name: string; certainty: string }[]>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.recipeSlug, t.kind, t.code] }),
    index('recipe_tags_code_idx').on(t.kind, t.code),
  ],
);

export const recipeCompliance = pgTable(
  'recipe_compliance',
  {
    recipeSlug: text('recipe_slug')
      .notNull()
      .references(() => recipes.slug, { onDelete: 'cascade' }),
    protocol: text('protocol').notNull(),
    phase: text('phase').notNull(),
    ok: boolean('ok').notNull(),
    reasons: jsonb('reasons')
      .$type<{ code: string; reason: string; foods: string[] }[]>()
      .notNull(),
    maxPortion: doublePrecision('max_portion'),
  },
  (t) => [
    primaryKey({ columns: [t.recipeSlug, t.protocol, t.phase] }),
    index('recipe_compliance_phase_idx').on(t.protocol, t.phase, t.ok),
  ],
);
