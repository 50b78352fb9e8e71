import { z } from 'zod';

export const shoppingQuerySchema = z.strictObject({
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
