import { z } from 'zod';

/**
 * The body of GET /api/plans/{id}/nutrition (lib/nutrition/report.ts), for the OpenAPI document
 * and for checking responses. `knownShare` < 1: some ingredient lines have no value, so the
 * amount is a lower bound ("at least").
 */
const amount = z.object({
  amount: z.number().describe('per person per day'),
  unit: z.string(),
  knownShare: z.number().min(0).max(1).describe('share of ingredient lines with a known value'),
});
const target = z.object({
  amount: z.number(),
  unit: z.string(),
  source: z.enum(['default', 'set']),
  basis: z.string(),
});

export const nutritionReportSchema = z.object({
  lifeStage: z.string(),
  lifeStageNote: z.string().optional(),
  perDay: z.array(z.object({ date: z.string(), nutrients: z.record(z.string(), amount) })),
  weekAverage: z.record(z.string(), amount),
  targets: z.record(z.string(), target).describe('weekly-average floors and daily goals'),
  caps: z.record(z.string(), target).describe('per-day limits'),
  findings: z.array(
    z.object({
      nutrient: z.string(),
      status: z.enum(['low', 'high', 'ok']),
      message: z.string(),
      meals: z.array(z.string()).describe('meal ids that drove the finding'),
      suggestions: z.array(z.string()).describe('compliant recipe slugs to swap in'),
    }),
  ),
  notTracked: z.array(z.object({ nutrient: z.string(), message: z.string() })),
});
