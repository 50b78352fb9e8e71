import type { FixPatch } from '@/lib/profiles/plan-fixes';
import { dislikesPayload, type ProfileValues } from './profile-values';

/** How the energy target is set: the 2,000 kcal default, a typed number, or from body data. */
export type EnergyMode = 'default' | 'typed' | 'body';
export type BodyValues = NonNullable<ProfileValues['body']>;

/**
 * Everything the profile form holds: the values plus the choices that decide which of them are
 * sent (energy mode, whether body data goes with a typed target). Plain data, so a draft can
 * keep it and the step checks can read it.
 */
export type FormState = {
  values: ProfileValues;
  energyMode: EnergyMode;
  /** Body data with a typed energy target: sex and age still set the nutrient targets. */
  hasBody: boolean;
  /** Kept while hidden, so switching the energy choice back and forth loses nothing. */
  body: BodyValues;
};

/** What the body fields start with before a person types their own. */
export const DEFAULT_BODY: BodyValues = {
  sex: 'female',
  ageYears: 35,
  heightCm: 168,
  weightKg: 65,
  activity: 'light',
  pregnant: false,
  lactating: false,
};

export function formStateOf(initial: ProfileValues): FormState {
  return {
    values: initial,
    energyMode: initial.energyKcal !== null ? 'typed' : initial.body ? 'body' : 'default',
    hasBody: initial.body !== null,
    body: initial.body ?? DEFAULT_BODY,
  };
}

/** Body data is sent with the estimate, or with a typed target when the person adds it. */
export function showsBody(s: FormState): boolean {
  return s.energyMode === 'body' || (s.energyMode === 'typed' && s.hasBody);
}

/** The body of POST /api/profiles (and PATCH): what the API validates. */
export function payloadOf(s: FormState) {
  const v = s.values;
  return {
    name: v.name,
    householdSize: v.householdSize,
    protocol: v.protocol,
    phase: v.phase,
    phaseStartedOn: v.phaseStartedOn,
    allergens: v.allergens,
    avoid: v.avoid,
    diet: v.diet,
    ...dislikesPayload(v.dislikes),
    energyKcal: s.energyMode === 'typed' ? v.energyKcal : null,
    body: showsBody(s) ? s.body : null,
    proteinG: v.proteinG,
    fiberG: v.fiberG,
    slots: v.slots,
    maxMinutes: v.maxMinutes,
    cooking: v.cooking,
    maxProteinMeals: v.maxProteinMeals,
    leftovers: v.leftovers,
    carbsPerMealG: v.carbsPerMealG,
    mealTimes: v.mealTimes,
    clinicianSupervised: v.clinicianSupervised,
    nutrientTargets: v.nutrientTargets,
  };
}

/** The form with a fix from an `infeasible` answer applied, as the profile now stores it. */
export function withFix(s: FormState, patch: FixPatch): FormState {
  const v = s.values;
  const { dislikes, dislikedConcepts } = patch;
  return {
    ...s,
    values: {
      ...v,
      maxMinutes: { ...v.maxMinutes, ...patch.maxMinutes },
      leftovers: patch.leftovers ?? v.leftovers,
      slots: patch.slots ?? v.slots,
      avoid: patch.avoid ?? v.avoid,
      dislikes: v.dislikes.filter((d) =>
        'ndb' in d
          ? (dislikes?.includes(d.ndb) ?? true)
          : (dislikedConcepts?.includes(d.concept) ?? true),
      ),
    },
  };
}
