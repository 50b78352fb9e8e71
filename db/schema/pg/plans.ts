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
import { profiles } from './profiles';
import { recipes } from './recipes';

export const plans = pgTable(
  'plans',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    profileId: integer('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    weekStart: text('week_start').notNull(),
    seed: integer('seed').notNull(),
    householdSize: integer('household_size').notNull().default(1),
    version: integer('version').notNull().default(1),
    score: jsonb('score').$type<Record<string, unknown>>().notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('plans_profile_idx').on(t.profileId)],
);

export const planMeals = pgTable(
  'plan_meals',
  {
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    mealId: text('meal_id').notNull(),
    date: text('date').notNull(),
    slot: text('slot').notNull(),
    recipeSlug: text('recipe_slug')
      .notNull()
      .references(() => recipes.slug),
    servings: doublePrecision('servings').notNull(),
    locked: boolean('locked').notNull(),
    leftoverOf: text('leftover_of'),
    explanation: jsonb('explanation').$type<unknown>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.mealId] })],
);

export const shoppingChecks = pgTable(
  'shopping_checks',
  {
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    ndb: text('ndb').notNull(),
    checked: boolean('checked').notNull(),
    gramsAtCheck: doublePrecision('grams_at_check').notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.ndb] })],
);

export const shoppingChanges = pgTable(
  'shopping_changes',
  {
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    ndb: text('ndb').notNull(),
    kind: text('kind', { enum: ['added', 'changed', 'removed'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.ndb] })],
);

export const planMembers = pgTable(
  'plan_members',
  {
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    profileId: integer('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    portion: doublePrecision('portion').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.profileId] }),
    index('plan_members_profile_idx').on(t.profileId),
  ],
);
