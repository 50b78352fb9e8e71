import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { profiles } from './profiles';
import { recipes } from './recipes';

export const plans = sqliteTable(
  'plans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    profileId: integer('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    weekStart: text('week_start').notNull(),
    seed: integer('seed').notNull(),
    /** Household size the meals' servings were computed for; a profile change rescales them. */
    householdSize: integer('household_size').notNull().default(1),
    /** Bumped by every change; a write whose If-Match names an older version is refused (412). */
    version: integer('version').notNull().default(1),
    /**
     * Score parts and day totals as computed by the planner at the last change, and the week's
     * challenge meals and washout days (db/queries/plan-json.ts).
     */
    score: text('score', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('plans_profile_idx').on(t.profileId)],
);

export const planMeals = sqliteTable(
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
    servings: real('servings').notNull(),
    locked: integer('locked', { mode: 'boolean' }).notNull(),
    leftoverOf: text('leftover_of'),
    explanation: text('explanation', { mode: 'json' }).$type<unknown>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.mealId] })],
);

export const shoppingChecks = sqliteTable(
  'shopping_checks',
  {
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    ndb: text('ndb').notNull(),
    checked: integer('checked', { mode: 'boolean' }).notNull(),
    gramsAtCheck: real('grams_at_check').notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.ndb] })],
);

/** Lines the last swap or regeneration added, changed or removed, so the list can mark them. */
export const shoppingChanges = sqliteTable(
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

/**
 * The members of a plan shared by several profiles, in the order asked for (a one-person plan
 * has no rows: its profile is the plan's `profile_id`). `portion` is what the member eats of a
 * meal relative to the planned portion (½ steps), fixed when the plan is made.
 */
export const planMembers = sqliteTable(
  'plan_members',
  {
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    profileId: integer('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    portion: real('portion').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.profileId] }),
    index('plan_members_profile_idx').on(t.profileId),
  ],
);
