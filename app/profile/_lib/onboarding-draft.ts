import { z } from 'zod';
import { NUTRIENT_OVERRIDE_KEYS } from '@/lib/nutrition/nutrient-model';
import { DEFAULT_COOKING, DEFAULT_MAX_PROTEIN_MEALS } from '@/lib/profiles/schema';
import { ONBOARDING_STEPS } from './onboarding-steps';
import type { FormState } from './profile-form-state';

/**
 * Where the onboarding answers wait between visits (localStorage). The version is in the key:
 * a draft of another shape is never read as this one, it is simply not found.
 */
export const DRAFT_KEY = 'villi:onboarding-draft:v1';

export type Draft = {
  step: number;
  state: FormState;
  /** Set once the profile exists but its first plan could not be made: later saves update it. */
  profileId: number | null;
};

// Shape only: a draft holds answers as typed, checked against the API's ranges on each step.
const body = z.object({
  sex: z.enum(['female', 'male']),
  ageYears: z.number(),
  heightCm: z.number(),
  weightKg: z.number(),
  activity: z.string(),
  pregnant: z.boolean().optional(),
  lactating: z.boolean().optional(),
});

const cookingDay = z.object({ sessions: z.number(), activeMinutes: z.number() });

const draftSchema = z.object({
  step: z
    .number()
    .int()
    .min(0)
    .max(ONBOARDING_STEPS.length - 1),
  profileId: z.number().int().positive().nullable(),
  state: z.object({
    energyMode: z.enum(['default', 'typed', 'body']),
    hasBody: z.boolean(),
    body,
    values: z.object({
      name: z.string(),
      householdSize: z.number(),
      protocol: z.string(),
      phase: z.string(),
      // a draft kept before the field existed starts the phase on the day it is saved
      phaseStartedOn: z.string().nullable().default(null),
      allergens: z.array(z.string()),
      avoid: z.array(z.string()),
      diet: z.string(),
      dislikes: z.array(
        z.union([
          z.object({ ndb: z.string(), name: z.string() }),
          z.object({ concept: z.string(), name: z.string() }),
        ]),
      ),
      energyKcal: z.number().nullable(),
      body: body.nullable(),
      proteinG: z.number().nullable(),
      fiberG: z.number().nullable(),
      slots: z.array(z.string()),
      maxMinutes: z.object({ weekday: z.number(), weekend: z.number() }),
      // a draft saved before the cooking budget existed takes the defaults
      cooking: z.object({ weekday: cookingDay, weekend: cookingDay }).default({
        weekday: { ...DEFAULT_COOKING.weekday },
        weekend: { ...DEFAULT_COOKING.weekend },
      }),
      leftovers: z.boolean(),
      maxProteinMeals: z.number().default(DEFAULT_MAX_PROTEIN_MEALS),
      carbsPerMealG: z.object({ target: z.number(), tolerance: z.number() }).nullable(),
      mealTimes: z.object({
        breakfast: z.string(),
        lunch: z.string(),
        dinner: z.string(),
        snack: z.string(),
      }),
      clinicianSupervised: z.boolean(),
      nutrientTargets: z.partialRecord(z.enum(NUTRIENT_OVERRIDE_KEYS), z.number()),
    }),
  }),
});

export function encodeDraft(draft: Draft): string {
  return JSON.stringify(draft);
}

/** The draft stored as text, or null when there is none or it is not one this version wrote. */
export function decodeDraft(text: string | null): Draft | null {
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = draftSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
