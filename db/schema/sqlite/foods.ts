import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const foods = sqliteTable(
  'foods',
  {
    ndb: text('ndb').primaryKey(),
    name: text('name').notNull(),
    groupCode: text('group_code').notNull(),
    groupName: text('group_name').notNull(),
    longDesc: text('long_desc').notNull(),
    shortDesc: text('short_desc').notNull(),
    commonNames: text('common_names').notNull(),
    manufacturer: text('manufacturer').notNull(),
    sciName: text('sci_name').notNull(),
    refusePct: real('refuse_pct'),
    /** JSON object NutrientKey → number | null, per 100 g. */
    nutrients: text('nutrients', { mode: 'json' }).$type<Record<string, number | null>>().notNull(),
    energyKcal: real('energy_kcal'),
    proteinG: real('protein_g'),
    inflammationClass: text('inflammation_class').notNull(),
    inflammationRationale: text('inflammation_rationale').notNull(),
    inflammationEvidence: text('inflammation_evidence').notNull(),
    inflammationSource: text('inflammation_source').notNull(),
    /** Derived foods only (seeds/derived-foods.json): the SR21 parent and what changed; null for SR21. */
    derivedFrom: text('derived_from'),
    derivation: text('derivation'),
  },
  (t) => [
    index('foods_group_idx').on(t.groupCode),
    index('foods_inflammation_idx').on(t.inflammationClass),
  ],
);

export const foodMeasures = sqliteTable(
  'food_measures',
  {
    ndb: text('ndb')
      .notNull()
      .references(() => foods.ndb, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    amount: real('amount').notNull(),
    label: text('label').notNull(),
    grams: real('grams').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ndb, t.seq] })],
);

export const foodTags = sqliteTable(
  'food_tags',
  {
    ndb: text('ndb')
      .notNull()
      .references(() => foods.ndb, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['allergen', 'group'] }).notNull(),
    code: text('code').notNull(),
    certainty: text('certainty', { enum: ['contains', 'may-contain'] }).notNull(),
    rationale: text('rationale').notNull(),
    source: text('source').notNull(),
    /** FODMAP tags only: largest low-FODMAP serve per sitting, grams; null = no dose. */
    greenMaxG: real('green_max_g'),
    /** FODMAP tags only: JSON array of subgroup codes that rise above the green serve. */
    subgroupsAbove: text('subgroups_above', { mode: 'json' }).$type<string[]>(),
  },
  (t) => [
    primaryKey({ columns: [t.ndb, t.kind, t.code] }),
    index('food_tags_code_idx').on(t.kind, t.code),
  ],
);

/**
 * The FODMAP serving-table row that applies to a food (seeds/fodmap), with its source tier:
 * estimated from published sources; the Monash app is the reference. Grams; null = unknown.
 */
export const foodFodmapServes = sqliteTable('food_fodmap_serves', {
  ndb: text('ndb')
    .primaryKey()
    .references(() => foods.ndb, { onDelete: 'cascade' }),
  tableFood: text('table_food').notNull(),
  greenMaxG: real('green_max_g'),
  amberFromG: real('amber_from_g'),
  redFromG: real('red_from_g'),
  /** JSON array of table subgroup words (fructose, lactose, fructans, GOS, sorbitol, mannitol, perseitol). */
  subgroupsAbove: text('subgroups_above', { mode: 'json' }).$type<string[]>().notNull(),
  unlimited: integer('unlimited', { mode: 'boolean' }).notNull(),
  tier: text('tier').notNull(),
  source: text('source').notNull(),
  note: text('note').notNull(),
  matchNote: text('match_note').notNull(),
});

export type FoodRow = typeof foods.$inferSelect;
export type FoodTagRow = typeof foodTags.$inferSelect;
export type FoodMeasureRow = typeof foodMeasures.$inferSelect;
