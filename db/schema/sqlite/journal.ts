import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { profiles } from './profiles';

/**
 * The symptom journal: one entry per profile and day. The key is the pair, so a second entry
 * for a day cannot be written even by two racing requests.
 */
export const journalEntries = sqliteTable(
  'journal_entries',
  {
    profileId: integer('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    /** The day the entry is about, YYYY-MM-DD (the person's calendar, never in the future). */
    date: text('date').notNull(),
    /** Ratings by symptom (lib/journal/schema); parsed with zod when read back. */
    symptoms: text('symptoms', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    note: text('note'),
    /** Reactions after a planned meal: [{ mealId, reaction }]. */
    meals: text('meals', { mode: 'json' }).$type<unknown[]>().notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.profileId, t.date] })],
);
