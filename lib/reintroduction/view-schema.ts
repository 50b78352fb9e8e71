import { z } from 'zod';
import { OUTCOMES } from './types';

/**
 * What GET /api/profiles/{id}/reintroduction (and every reintroduction write) returns, for the
 * OpenAPI document and for checking responses.
 */
const date = z.string().describe('YYYY-MM-DD');

export const scheduleItemSchema = z.strictObject({
  id: z.string(),
  challenge: z.string(),
  label: z.string(),
  stage: z.number().int(),
  food: z.strictObject({ ndb: z.string(), name: z.string() }),
  subgroup: z.string().nullable(),
  doses: z.array(z.strictObject({ grams: z.number(), words: z.string() })),
  slot: z.string(),
  days: z.array(date).describe('the challenge days; empty while undated'),
  washoutDays: z.array(date),
  washoutLength: z.number().int(),
  status: z.enum(['planned', 'pending', 'active', 'done', 'skipped']),
  outcome: z.enum(OUTCOMES).nullable(),
  maxDoseG: z.number().nullable(),
  decidedOn: date.nullable(),
  retestOf: z.string().nullable(),
  scope: z.strictObject({
    groups: z.array(z.string()),
    concepts: z.array(z.string()),
    foods: z.array(z.string()),
  }),
  note: z.string().nullable(),
});

const proposalSchema = z.strictObject({
  outcome: z.enum(OUTCOMES),
  reasons: z.array(z.string()),
  crossings: z.array(
    z.strictObject({
      symptom: z.string(),
      date,
      score: z.number(),
      baselineMean: z.number(),
    }),
  ),
  logged: z.strictObject({ baseline: z.number().int(), challenge: z.number().int() }),
});

export const reintroductionViewSchema = z.strictObject({
  protocol: z.string(),
  phase: z.string(),
  phaseStartedOn: date.nullable(),
  startedOn: date.nullable().describe('null before reintroduction has started'),
  pausedOn: date.nullable(),
  available: z.boolean().describe('false when the protocol has no reintroduction'),
  clinicianLed: z.boolean(),
  schedule: z.array(scheduleItemSchema),
  current: scheduleItemSchema
    .extend({
      baseline: z.strictObject({ from: date, to: date }).nullable(),
      proposal: proposalSchema.nullable(),
    })
    .nullable(),
  results: z.array(scheduleItemSchema),
  readiness: z
    .strictObject({
      weeksDone: z.number().int(),
      usualWeeks: z.strictObject({ min: z.number(), max: z.number().nullable() }),
      usualDone: z.boolean(),
      symptoms: z.strictObject({
        firstWeek: z.number().nullable(),
        lastWeek: z.number().nullable(),
        daysLogged: z.number().int(),
      }),
      summary: z.string(),
    })
    .nullable(),
  talkToClinician: z.array(z.string()),
  outcomeRule: z.string(),
});
