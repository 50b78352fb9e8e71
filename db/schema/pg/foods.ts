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

export const foods = pgTable(
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
    refusePct: doublePrecision('refuse_pct'),
    nutrients: jsonb('nutrients').$type<Record<string, number | null>>().notNull(),
    energyKcal: doublePrecision('energy_kcal'),
    proteinG: doublePrecision('protein_g'),
    inflammationClass: text('inflammation_class').notNull(),
    inflammationRationale: text('inflammation_rationale').notNull(),
    inflammationEvidence: text('inflammation_evidence').notNull(),
    inflammationSource: text('inflammation_source').notNull(),
    derivedFrom: text('derived_from'),
    derivation: text('derivation'),
  },
  (t) => [
    index('foods_group_idx').on(t.groupCode),
    index('foods_inflammation_idx').on(t.inflammationClass),
  ],
);

export const foodMeasures = pgTable(
  'food_measures',
  {
    ndb: text('ndb')
      .notNull()
      .references(() => foods.ndb, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    amount: doublePrecision('amount').notNull(),
    label: text('label').notNull(),
    grams: doublePrecision('grams').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ndb, t.seq] })],
);

export const foodTags = pgTable(
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
    greenMaxG: doublePrecision('green_max_g'),
    subgroupsAbove: jsonb('subgroups_above').$type<string[]>(),
  },
  (t) => [
    primaryKey({ columns: [t.ndb, t.kind, t.code] }),
    index('food_tags_code_idx').on(t.kind, t.code),
  ],
);

export const foodFodmapServes = pgTable('food_fodmap_serves', {
  ndb: text('ndb')
    .primaryKey()
    .references(() => foods.ndb, { onDelete: 'cascade' }),
  tableFood: text('table_food').notNull(),
  greenMaxG: doublePrecision('green_max_g'),
  amberFromG: doublePrecision('amber_from_g'),
  redFromG: doublePrecision('red_from_g'),
  subgroupsAbove: jsonb('subgroups_above').$type<string[]>().notNull(),
  unlimited: boolean('unlimited').notNull(),
  tier: text('tier').notNull(),
  source: text('source').notNull(),
  note: text('note').notNull(),
  matchNote: text('match_note').notNull(),
});
