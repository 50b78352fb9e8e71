import { z } from 'zod';
import { storedProfileSchema } from './schema';

/**
 * A profile as the API returns it (POST /api/profiles, GET/PATCH /api/profiles/{id}, the list),
 * for the OpenAPI document and for checking responses: the stored body with every field
 * present (its defaults applied), plus id, today's targets and the resolved nutrient targets.
 */
const target = z.strictObject({
  amount: z.number(),
  unit: z.string(),
  source: z.enum(['default', 'set']),
  basis: z.string().describe('how the default was chosen, e.g. "RDA, female 31–50"'),
});

/** The stored body's fields, required: a response always carries each of them. */
const bodyShape = Object.fromEntries(
  Object.entries(
    storedProfileSchema.omit({ nutrientTargets: true, phaseStartedOn: true }).shape,
  ).map(([key, field]) => [key, field instanceof z.ZodDefault ? field.unwrap() : field]),
);

export const profileViewSchema = z.strictObject({
  ...bodyShape,
  id: z.number().int().positive(),
  phaseStartedOn: z.string().describe('YYYY-MM-DD'),
  targets: z.strictObject({
    energyKcal: z.number(),
    proteinG: z.number(),
    fiberG: z.number(),
    energySource: z.enum(['typed', 'mifflin-st-jeor', 'default']),
    energyNote: z.string().optional(),
  }),
  nutrientTargets: z.strictObject({
    lifeStage: z.string(),
    lifeStageNote: z.string().optional(),
    targets: z.record(z.string(), target).describe('weekly-average floors (RDA or AI)'),
    caps: z.strictObject({ sodiumMg: target, retinolUg: target }),
    energyShares: z.strictObject({
      saturatedFatMaxPct: target,
      proteinMaxPct: target,
      fatMinPct: target,
      fatMaxPct: target,
    }),
    avoidPregnancyRisks: z.boolean(),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const profileListSchema = z.strictObject({ items: z.array(profileViewSchema) });
