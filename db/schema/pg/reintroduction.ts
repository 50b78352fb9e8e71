import { integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { profiles } from './profiles';

export const reintroductions = pgTable(
  'reintroductions',
  {
    profileId: integer('profile_id')
      .notNull()
      .references(() => profiles.id, { onDelete: 'cascade' }),
    state: jsonb('state').$type<Record<string, unknown>>().notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.profileId] })],
);
