import { describe, expect, it } from 'vitest';
import { formStateOf, payloadOf, withFix } from '@/app/profile/_lib/profile-form-state';
import { DEFAULT_PROFILE } from '@/app/profile/_lib/profile-values';

const state = formStateOf({
  ...DEFAULT_PROFILE,
  name: 'Sam',
  avoid: ['fish', 'nightshade'],
  dislikes: [
    { concept: 'salmon', name: 'salmon (all kinds)' },
    { concept: 'liver', name: 'liver (all kinds)' },
    { ndb: '11260', name: 'Mushrooms, white, raw' },
  ],
  maxMinutes: { weekday: 10, weekend: 10 },
});

describe('withFix', () => {
  it('changes only what the fix names, so saving the form keeps the fix', () => {
    const fixed = withFix(state, { maxMinutes: { weekday: 40 } });
    expect(fixed.values.maxMinutes).toEqual({ weekday: 40, weekend: 10 });
    expect(payloadOf(fixed)).toEqual({
      ...payloadOf(state),
      maxMinutes: { weekday: 40, weekend: 10 },
    });
  });

  it('drops the food or kind of food a fix includes again, and the slot it plans without', () => {
    expect(payloadOf(withFix(state, { dislikedConcepts: ['liver'] }))).toMatchObject({
      dislikes: ['11260'],
      dislikedConcepts: ['liver'],
    });
    expect(payloadOf(withFix(state, { dislikes: [] }))).toMatchObject({
      dislikes: [],
      dislikedConcepts: ['salmon', 'liver'],
    });
    const payload = payloadOf(
      withFix(state, {
        avoid: ['nightshade'],
        slots: ['breakfast', 'lunch', 'dinner'],
        leftovers: true,
      }),
    );
    expect(payload).toMatchObject({
      avoid: ['nightshade'],
      slots: ['breakfast', 'lunch', 'dinner'],
      leftovers: true,
    });
  });
});
