import { z } from 'zod';
import { CERTAINTIES } from './codes';

/**
 * What GET /api/foods, GET /api/foods/{ndb} and GET /api/food-concepts return, for the OpenAPI
 * document and for checking responses. Strict objects: a field the API adds without describing
 * it here fails the response checks, so the document cannot fall behind.
 */
const certainty = z.enum(CERTAINTIES);
const ndb = z.string().regex(/^\d{5}$/);
const group = z.strictObject({ code: z.string(), name: z.string() });
const tagRef = z.strictObject({ code: z.string(), certainty });

export const foodListItemSchema = z.strictObject({
  ndb,
  name: z.string(),
  group,
  energyKcal: z.number().nullable(),
  proteinG: z.number().nullable(),
  inflammation: z.string(),
  inflammationEvidence: z.string().describe('strong, moderate, weak or debated'),
  allergens: z.array(tagRef),
  tags: z.array(tagRef),
});

/** A page of a list: `nextCursor` goes back as `cursor` for the next page (null: the last). */
export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    items: z.array(item),
    nextCursor: z.string().nullable(),
    total: z.number().int().min(0).describe('matching items, over all pages'),
  });

export const foodPageSchema = pageSchema(foodListItemSchema);

const tagOut = z.strictObject({
  code: z.string(),
  certainty,
  rationale: z.string(),
  source: z.string(),
  greenMaxG: z.number().optional().describe('FODMAP tags: the largest low serve, g'),
  subgroupsAbove: z.array(z.string()).optional(),
});

const fodmapSchema = z.strictObject({
  summary: z.string(),
  servingTable: z
    .strictObject({
      food: z.string(),
      greenMaxG: z.number().nullable(),
      amberFromG: z.number().nullable(),
      redFromG: z.number().nullable(),
      subgroupsAbove: z.array(z.string()),
      unlimited: z.boolean(),
      tier: z.string(),
      source: z.string(),
      note: z.string(),
      matchNote: z.string(),
    })
    .nullable(),
  disclaimer: z.string(),
});

export const foodDetailSchema = z.strictObject({
  ndb,
  name: z.string(),
  group,
  longDesc: z.string(),
  commonNames: z.string(),
  manufacturer: z.string(),
  sciName: z.string(),
  refusePct: z.number().nullable(),
  nutrientsPer100g: z.record(z.string(), z.number().nullable()),
  measures: z.array(
    z.strictObject({ seq: z.number(), amount: z.number(), label: z.string(), grams: z.number() }),
  ),
  allergens: z.array(tagOut.omit({ greenMaxG: true, subgroupsAbove: true })),
  tags: z.array(tagOut),
  inflammation: z.strictObject({
    class: z.string(),
    rationale: z.string(),
    evidence: z.string(),
    source: z.string(),
  }),
  derivation: z
    .strictObject({ parent: z.strictObject({ ndb, name: z.string() }), text: z.string() })
    .nullable()
    .describe('derived foods: the SR21 parent and the derivation; null for SR21 foods'),
  fodmap: fodmapSchema.nullable().describe('null when the food has no FODMAPs'),
});

export const foodConceptListSchema = z.strictObject({
  items: z.array(
    z.strictObject({
      id: z.string(),
      name: z.string(),
      label: z.string().describe('e.g. "salmon (all kinds)"'),
      synonyms: z.array(z.string()),
      description: z.string(),
      foodCount: z.number().int().min(0),
    }),
  ),
});
