import { describe, expect, it } from 'vitest';
import { PROFILE_FIELDS } from '@/app/profile/_lib/field-messages';
import {
  checkStep,
  errorsOfStep,
  firstStepWithErrors,
  ONBOARDING_STEPS,
  profileErrors,
  progressText,
  stepOfPath,
} from '@/app/profile/_lib/onboarding-steps';
import { DEFAULT_BODY, type FormState, formStateOf } from '@/app/profile/_lib/profile-form-state';
import { DEFAULT_PROFILE } from '@/app/profile/_lib/profile-values';

const fresh = (): FormState => formStateOf({ ...DEFAULT_PROFILE, name: 'Me' });
const step = (id: string) => ONBOARDING_STEPS.findIndex((s) => s.id === id);

describe('onboarding steps', () => {
  it('puts every profile form field in exactly one step, in the brief’s order', () => {
    expect(ONBOARDING_STEPS.map((s) => s.id)).toEqual([
      'protocol',
      'allergies',
      'dislikes',
      'household',
      'targets',
    ]);
    for (const field of PROFILE_FIELDS) {
      const owners = ONBOARDING_STEPS.filter((s) =>
        s.paths.some((p) => field.path === p || field.path.startsWith(`${p}.`)),
      );
      expect(owners, field.path).toHaveLength(1);
    }
  });

  it('finds the step of a nested or listed path, and none for a path no step asks', () => {
    expect(stepOfPath('body.ageYears')).toBe(step('targets'));
    expect(stepOfPath('allergens.2')).toBe(step('allergies'));
    expect(stepOfPath('maxMinutes.weekday')).toBe(step('household'));
    expect(stepOfPath('_root')).toBe(-1);
    // a prefix is a whole path segment: "nameX" is not "name"
    expect(stepOfPath('nameX')).toBe(-1);
  });

  it('says where the person is', () => {
    expect(progressText(0)).toBe('Step 1 of 5');
    expect(progressText(4)).toBe('Step 5 of 5');
  });

  it('lets a fresh profile through every step', () => {
    const state = fresh();
    expect(profileErrors(state)).toEqual({});
    for (let i = 0; i < ONBOARDING_STEPS.length; i++) expect(checkStep(state, i)).toEqual({});
  });

  it('stops a step only on its own fields, with the words the server uses', () => {
    const state = fresh();
    state.values = {
      ...state.values,
      householdSize: 40,
      maxMinutes: { weekday: 2, weekend: 90 },
      proteinG: 1,
    };
    expect(checkStep(state, step('protocol'))).toEqual({});
    expect(checkStep(state, step('household'))).toEqual({
      householdSize: ['People you cook for must be between 1 and 12 people'],
      'maxMinutes.weekday': ['Minutes on weekdays must be between 5 and 300 minutes'],
    });
    expect(checkStep(state, step('targets'))).toEqual({
      proteinG: ['Protein must be between 20 and 300 g'],
    });
    expect(firstStepWithErrors(profileErrors(state))).toBe(step('household'));
  });

  it('asks for an empty name on the household step', () => {
    const state = fresh();
    state.values = { ...state.values, name: '  ' };
    expect(checkStep(state, step('household'))).toEqual({ name: ['Profile name is required'] });
  });

  it('runs the safety gates on the targets step once every other answer is valid', () => {
    const state: FormState = {
      ...fresh(),
      energyMode: 'body',
      body: { ...DEFAULT_BODY, ageYears: 16 },
    };
    const errors = checkStep(state, step('targets'));
    expect(Object.keys(errors)).toEqual(['clinicianSupervised']);
    expect(errors.clinicianSupervised?.[0]).toMatch(/^Under 18, an elimination diet/);
    state.values = { ...state.values, clinicianSupervised: true };
    expect(checkStep(state, step('targets'))).toEqual({});
  });

  it('sends body data only with the estimate or when added to a typed target', () => {
    const typed: FormState = {
      ...fresh(),
      energyMode: 'typed',
      hasBody: false,
      body: { ...DEFAULT_BODY, ageYears: 5 },
    };
    typed.values = { ...typed.values, energyKcal: 2200 };
    // the hidden body is not sent, so its age is not checked
    expect(checkStep(typed, step('targets'))).toEqual({});
    expect(Object.keys(checkStep({ ...typed, hasBody: true }, step('targets')))).toEqual([
      'body.ageYears',
    ]);
  });

  it('keeps a step’s errors and drops the others', () => {
    const errors = { name: ['a'], 'body.ageYears': ['b'], _root: ['c'] };
    expect(errorsOfStep(errors, step('targets'))).toEqual({ 'body.ageYears': ['b'] });
    expect(firstStepWithErrors({ _root: ['c'] })).toBeNull();
    expect(firstStepWithErrors(errors)).toBe(step('household'));
  });
});
