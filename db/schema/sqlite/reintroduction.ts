import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { profiles } from './profiles';

/**
 * A profile's reintroduction schedule: one row per profile, the schedule and what happened in
 * one JSON document (lib/reintroduction/types reintroductionStateSchema, parsed on read), so a
 * challenge's outcome and the schedule change together or not at all.
 */
export const reintroductions = sqliteTable(
  'reintroductions',
  {
    profileId: integer('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    state: text('state', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  // a table-level key: a column-level integer key would be SQLite's rowid alias
  (t) => [primaryKey({ columns: [t.profileId] })],
);
