import { fieldErrorsOf } from '@/lib/http/app-error';
import { profileCreateSchema } from '@/lib/profiles/schema';
import { personFieldErrors } from './field-messages';
import { type FormState, payloadOf } from './profile-form-state';

export type FieldErrors = Record<string, string[]>;

/**
 * The onboarding steps in order, each with the API field paths it asks for (a path owns its
 * sub-paths: "body" owns "body.ageYears"). Every field of the profile form belongs to exactly
 * one step, so any error the API or the schema names leads back to the step that can fix it.
 */
export const ONBOARDING_STEPS = [
  { id: 'protocol', title: 'Protocol and phase', paths: ['protocol', 'phase', 'phaseStartedOn'] },
  { id: 'allergies', title: 'Allergies and diet', paths: ['allergens', 'diet', 'avoid'] },
  { id: 'dislikes', title: 'Foods you dislike', paths: ['dislikes', 'dislikedConcepts'] },
  {
    id: 'household',
    title: 'Household and cooking time',
    paths: [
      'name',
      'householdSize',
      'slots',
      'mealTimes',
      'maxMinutes',
      'cooking',
      'leftovers',
      'maxProteinMeals',
    ],
  },
  {
    id: 'targets',
    title: 'Daily targets',
    paths: [
      'energyKcal',
      'body',
      'proteinG',
      'fiberG',
      'carbsPerMealG',
      'clinicianSupervised',
      'nutrientTargets',
    ],
  },
] as const;

export const LAST_STEP = ONBOARDING_STEPS.length - 1;

/** "Step 2 of 5". */
export function progressText(step: number): string {
  return `Step ${step + 1} of ${ONBOARDING_STEPS.length}`;
}

/** The step that asks for an API field path, or -1 when no step does (e.g. "_root"). */
export function stepOfPath(path: string): number {
  return ONBOARDING_STEPS.findIndex((s) =>
    s.paths.some((p) => path === p || path.startsWith(`${p}.`)),
  );
}

/**
 * Every problem the API would name for these answers, in a person's words: the same schema and
 * safety gates the server runs (lib/profiles/schema.ts), so a step says what the server would.
 */
export function profileErrors(state: FormState): FieldErrors {
  const parsed = profileCreateSchema.safeParse(payloadOf(state));
  return parsed.success ? {} : personFieldErrors(fieldErrorsOf(parsed.error));
}

/** The errors a step's own fields have. */
export function errorsOfStep(errors: FieldErrors, step: number): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([path]) => stepOfPath(path) === step));
}

/** What stops the person leaving this step: the step's own fields only. */
export function checkStep(state: FormState, step: number): FieldErrors {
  return errorsOfStep(profileErrors(state), step);
}

/** The first step with an error, or null when no step owns any of them. */
export function firstStepWithErrors(errors: FieldErrors): number | null {
  const steps = Object.keys(errors)
    .map(stepOfPath)
    .filter((s) => s >= 0);
  return steps.length === 0 ? null : Math.min(...steps);
}
