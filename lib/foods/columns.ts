import { z } from 'zod';
import { TABLE_SUBGROUPS } from '../fodmap/table';

/**
 * A stored JSON column's schema where a missing (null) value, as an older row may hold, reads
 * as the empty value.
 */
export const orEmpty = <T extends z.ZodType>(schema: T, empty: () => z.output<T>) =>
  schema.nullish().transform((v): z.output<T> => v ?? empty());

// Stored JSON columns of the food tables, parsed on read (never cast).

/** Nutrients per 100 g by key; null = unknown, never 0. */
export const nutrientsColumn = orEmpty(z.record(z.string(), z.number().nullable()), () => ({}));

/** A FODMAP tag's subgroup codes above its green serve; null for tags without a dose. */
export const tagSubgroupsColumn = z.array(z.string()).nullable();

/** The serving-table row's subgroup words above its green serve. */
export const tableSubgroupsColumn = orEmpty(z.array(z.enum(TABLE_SUBGROUPS)), () => []);
