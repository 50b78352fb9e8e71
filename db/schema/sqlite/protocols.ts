import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Protocol } from '../../../lib/protocols/schema';

export const protocols = sqliteTable('protocols', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: ['protocol', 'diet'] }).notNull(),
  name: text('name').notNull(),
  position: integer('position').notNull(),
  /** The validated seed file, as the single source of the rules. */
  data: text('data', { mode: 'json' }).$type<Protocol>().notNull(),
});

export const seedMeta = sqliteTable('seed_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Reference data the app reads at run time (aisles, pantry defaults, shopper words, purchase
 * units, dislike concepts, DRI rows), seeded from seeds/ and parsed with its zod schema on read.
 */
export const referenceData = sqliteTable('reference_data', {
  key: text('key').primaryKey(),
  data: text('data', { mode: 'json' }).$type<unknown>().notNull(),
});
