import { boolean, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { households } from './accounts';
import { foods } from './foods';

export const profiles = pgTable('profiles', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  name: text('name').notNull(),
  data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  householdId: integer('household_id').references(() => households.id, { onDelete: 'cascade' }),
});

export const profilePantry = pgTable(
  'profile_pantry',
  {
    profileId: integer('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    ndb: text('ndb')
      .notNull()
      .references(() => foods.ndb),
    inPantry: boolean('in_pantry').notNull(),
  },
  (t) => [primaryKey({ columns: [t.profileId, t.ndb] })],
);
