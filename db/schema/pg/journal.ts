import { integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { profiles } from './profiles';

export const journalEntries = pgTable(
  'journal_entries',
  {
    profileId: integer('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    date: text('date').notNull(),
    symptoms: jsonb('symptoms').$type<Record<string, unknown>>().notNull(),
    note: text('note'),
    meals: jsonb('meals').$type<unknown[]>().notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.profileId, t.date] })],
);
