import { describe, expect, it } from 'vitest';
import {
  DRAFT_KEY,
  type Draft,
  decodeDraft,
  encodeDraft,
} from '@/app/profile/_lib/onboarding-draft';
import { formStateOf } from '@/app/profile/_lib/profile-form-state';
import { DEFAULT_PROFILE } from '@/app/profile/_lib/profile-values';

const draft = (): Draft => {
  const state = formStateOf({ ...DEFAULT_PROFILE, name: 'Sam' });
  state.values = {
    ...state.values,
    allergens: ['fish'],
    dislikes: [{ ndb: '11507', name: 'Sweet potato, raw' }],
    nutrientTargets: { calciumMg: 1200 },
    carbsPerMealG: { target: 45, tolerance: 10 },
  };
  return { step: 2, state, profileId: null };
};

describe('onboarding draft', () => {
  it('has a versioned key', () => {
    expect(DRAFT_KEY).toMatch(/:v\d+$/);
  });

  it('reads back what it wrote', () => {
    const d = draft();
    expect(decodeDraft(encodeDraft(d))).toEqual(d);
    const saved = { ...d, step: 4, profileId: 12 };
    expect(decodeDraft(encodeDraft(saved))).toEqual(saved);
  });

  it('keeps an answer the API would refuse: the step says so, the draft does not judge', () => {
    const d = draft();
    d.state.values = { ...d.state.values, householdSize: 40, name: '' };
    expect(decodeDraft(encodeDraft(d))?.state.values.householdSize).toBe(40);
  });

  it('finds no draft in nothing, broken text or another shape', () => {
    expect(decodeDraft(null)).toBeNull();
    expect(decodeDraft('{not json')).toBeNull();
    expect(decodeDraft('"a string"')).toBeNull();
    const d = draft();
    expect(decodeDraft(JSON.stringify({ ...d, step: 9 }))).toBeNull();
    expect(decodeDraft(JSON.stringify({ ...d, step: 1.5 }))).toBeNull();
    const noAllergens = {
      ...d,
      state: { ...d.state, values: { ...d.state.values, allergens: 'fish' } },
    };
    expect(decodeDraft(JSON.stringify(noAllergens))).toBeNull();
    const badOverride = {
      ...d,
      state: { ...d.state, values: { ...d.state.values, nutrientTargets: { calciumMg: '1200' } } },
    };
    expect(decodeDraft(JSON.stringify(badOverride))).toBeNull();
  });
});
