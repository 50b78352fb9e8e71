import { z } from 'zod';

/**
 * What the shopping routes return as JSON (GET /api/plans/{id}/shopping-list, a line's check,
 * a pantry choice), for the OpenAPI document and for checking responses.
 */
export const shoppingListItemSchema = z.strictObject({
  ndb: z.string().describe('the line key: the lowest NDB number of the foods it buys'),
  ndbs: z.array(z.string()),
  name: z.string(),
  aisle: z.string(),
  grams: z.number(),
  quantity: z.string().describe("the amount to buy, e.g. '1 bunch', '450 g'"),
  display: z.string().describe("e.g. '3 sweet potatoes'"),
  exact: z.string().describe("the exact need, e.g. 'about 390 g'"),
  checked: z.boolean(),
  changed: z.boolean().describe('the amount differs from when the line was checked'),
  inPantry: z.boolean(),
  meals: z.array(z.string()),
  notes: z.array(z.string()),
  challenge: z
    .strictObject({ challengeIds: z.array(z.string()), grams: z.number() })
    .nullable()
    .describe(
      'the part bought for reintroduction challenges (their ids and grams); null when none',
    ),
});

export const shoppingListViewSchema = z.strictObject({
  planId: z.number().int().positive(),
  profileId: z.number().int().positive(),
  weekStart: z.string(),
  units: z.enum(['metric', 'us']),
  items: z.array(shoppingListItemSchema),
  aisles: z.array(z.strictObject({ id: z.string(), name: z.string(), items: z.array(z.string()) })),
  totals: z.strictObject({
    items: z.number().int(),
    toBuy: z.number().int(),
    inPantry: z.number().int(),
    checked: z.number().int(),
  }),
  lastChange: z
    .strictObject({
      added: z.array(z.string()),
      changed: z.array(z.string()),
      removed: z.array(z.string()),
    })
    .describe('what the last swap or regeneration did to the list'),
});

export const pantryChoiceSchema = z.strictObject({
  profileId: z.number().int().positive(),
  ndb: z.string(),
  inPantry: z.boolean(),
});
