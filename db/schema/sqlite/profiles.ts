import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { households } from './accounts';
import { foods } from './foods';

export const profiles = sqliteTable('profiles', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  /** The validated profile body (lib/profiles/schema), defaults applied. */
  data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  /** The household the profile belongs to; null for one made before accounts existed. */
  householdId: integer('household_id').references(() => households.id, { onDelete: 'cascade' }),
});

/** A user's explicit pantry choice; it beats the default pantry rules. */
export const profilePantry = sqliteTable(
  'profile_pantry',
  {
    profileId: integer('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    ndb: text('ndb')
      .notNull()
      .references(() => foods.ndb),
    inPantry: integer('in_pantry', { mode: 'boolean' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.profileId, t.ndb] })],
);
