import { integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import type { Protocol } from '../../../lib/protocols/schema';

export const protocols = pgTable('protocols', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: ['protocol', 'diet'] }).notNull(),
  name: text('name').notNull(),
  position: integer('position').notNull(),
  data: jsonb('data').$type<Protocol>().notNull(),
});

export const seedMeta = pgTable('seed_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const referenceData = pgTable('reference_data', {
  key: text('key').primaryKey(),
  data: jsonb('data').$type<unknown>().notNull(),
});
