import { z } from 'zod';

/** Aisle ids in the shopper's walking order, comma-separated; aisles left out follow in the default order. */
const aisleOrderSchema = z
  .string()
  .regex(
    /^[a-z-]+(,[a-z-]+)*$/,
    'aisles is a comma-separated list of aisle ids, e.g. pantry,produce',
  )
  .transform((s) => s.split(','));

export const shoppingQuerySchema = z.strictObject({
  aisles: aisleOrderSchema.optional(),
  format: z
    .enum(['json', 'csv', 'md', 'txt'], { error: 'format must be one of: json, csv, md, txt' })
    .default('json'),
  units: z.enum(['metric', 'us'], { error: 'units must be "metric" or "us"' }).default('metric'),
});

export const checkItemSchema = z.strictObject({
  checked: z.boolean({ error: 'checked must be true or false' }),
});

export const exportQuerySchema = z.strictObject({
  format: z.enum(['ics', 'md', 'json'], { error: 'format must be one of: ics, md, json' }),
});

export type ShoppingQuery = z.infer<typeof shoppingQuerySchema>;
