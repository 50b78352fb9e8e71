import { describe, expect, it } from 'vitest';
import {
  errorSummary,
  fieldOf,
  invalidFields,
  PROFILE_FIELDS,
  personFieldErrors,
} from '@/app/profile/_lib/field-messages';
import { fieldErrorsOf } from '@/lib/http/app-error';
import { NUTRIENT_OVERRIDE_KEYS } from '@/lib/nutrition/nutrient-model';
import { profileCreateSchema } from '@/lib/profiles/schema';

/** The field errors the API sends for a body (the same zod schema and the same flattening). */
function apiFieldErrors(body: unknown): Record<string, string[]> {
  const parsed = profileCreateSchema.safeParse(body);
  if (parsed.success) throw new Error('expected the body to be refused');
  return fieldErrorsOf(parsed.error);
}

const adult = { sex: 'female', ageYears: 35, heightCm: 168, weightKg: 65, activity: 'light' };

describe('profile form error messages', () => {
  it('names the field in words and keeps the schema’s range', () => {
    const errors = personFieldErrors(
      apiFieldErrors({ name: 'A', body: { ...adult, ageYears: 130 } }),
    );
    expect(errors['body.ageYears']).toEqual(['Age must be between 14 and 120 years']);
  });

  it('words a household size, a nutrient override and a meal time', () => {
    const errors = personFieldErrors(
      apiFieldErrors({
        name: 'A',
        householdSize: 40,
        nutrientTargets: { calciumMg: 10 },
        mealTimes: { lunch: '25:00' },
      }),
    );
    expect(errors).toEqual({
      householdSize: ['People you cook for must be between 1 and 12 people'],
      'nutrientTargets.calciumMg': ['Calcium must be between 500 and 2500 mg'],
      'mealTimes.lunch': ['Lunch time must be HH:MM (24 h)'],
    });
  });

  it('drops the API hint from a safety message and starts it with a capital', () => {
    const errors = personFieldErrors(
      apiFieldErrors({ name: 'A', body: { ...adult, ageYears: 16 } }),
    );
    const [message] = errors.clinicianSupervised ?? [];
    expect(message).toMatch(/^Under 18, an elimination diet can affect growth/);
    expect(message).toContain('tick “planned with my clinician”');
    expect(message).not.toContain('clinicianSupervised');
  });

  it('leaves no field path in any message the schema gives for a bad value', () => {
    const errors = personFieldErrors(
      apiFieldErrors({
        name: '',
        householdSize: 0,
        energyKcal: 50,
        proteinG: 1,
        fiberG: 1,
        maxMinutes: { weekday: 1, weekend: 1000 },
        carbsPerMealG: { target: 1, tolerance: 99 },
        body: { ...adult, heightCm: 20, weightKg: 1 },
      }),
    );
    const messages = Object.values(errors).flat();
    expect(messages).toHaveLength(11);
    for (const m of messages) {
      expect(m).toMatch(/^[A-Z]/);
      // no API path such as "body.heightCm" or "energyKcal" is left for a person to decode
      expect(m).not.toMatch(/\b[a-z]+(\.[a-zA-Z]+|[A-Z]\w*)\b/);
    }
    expect(messages).toContain('Height must be between 100 and 250 cm');
    expect(messages).toContain('Profile name is required');
  });

  it('finds the form field of a list item path, and lists fields in form order', () => {
    expect(fieldOf('allergens.2')?.label).toBe('Allergies');
    expect(fieldOf('_root')).toBeUndefined();
    const errors = { 'body.ageYears': ['x'], householdSize: ['y'], 'allergens.0': ['z'] };
    expect(invalidFields(errors).map((f) => f.control)).toEqual([
      'p-household',
      'p-allergens',
      'p-age',
    ]);
  });

  it('has one control per field and every nutrient override', () => {
    expect(new Set(PROFILE_FIELDS.map((f) => f.control)).size).toBe(PROFILE_FIELDS.length);
    for (const key of NUTRIENT_OVERRIDE_KEYS) {
      expect(fieldOf(`nutrientTargets.${key}`)).toBeDefined();
    }
  });

  it('sums up a failed save by field name, keeping messages no field shows', () => {
    expect(errorSummary({ householdSize: ['…'] }, 'Invalid request body: …')).toBe(
      'Nothing was saved. Check this field: People you cook for.',
    );
    expect(
      errorSummary(
        { 'body.ageYears': ['…'], name: ['…'], _root: ['change at least one field'] },
        '',
      ),
    ).toBe('Nothing was saved. Check these 2 fields: Profile name, Age. Change at least one field');
    expect(errorSummary(undefined, 'no plan fits')).toBe('No plan fits');
  });
});
