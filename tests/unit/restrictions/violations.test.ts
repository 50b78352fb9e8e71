import { describe, expect, it } from 'vitest';
import type { Restriction, TaggedFoodRef } from '@/lib/restrictions/types';
import { findViolations } from '@/lib/restrictions/violations';

const makeFood = (over: Partial<TaggedFoodRef> = {}): TaggedFoodRef => ({
  ndb: '11052',
  name: 'Beans, snap, green, raw',
  allergens: [],
  tags: [],
  ...over,
});

const whole30: Restriction = {
  rules: [{ kind: 'group', code: 'legume', origin: 'protocol', reason: 'not in Whole30' }],
  allow: [{ code: 'edible-pod-legume', excuses: ['legume'], note: 'green beans are fine' }],
  dislikes: [],
};

describe('findViolations', () => {
  it('excuses a protocol rule when the food certainly carries the exception code', () => {
    const beans = makeFood({
      tags: [
        { code: 'legume', certainty: 'contains' },
        { code: 'edible-pod-legume', certainty: 'contains' },
      ],
    });
    expect(findViolations(beans, whole30)).toEqual([]);
  });

  it('does not excuse when the exception code is only may-contain', () => {
    const casserole = makeFood({
      tags: [
        { code: 'legume', certainty: 'may-contain' },
        { code: 'edible-pod-legume', certainty: 'may-contain' },
      ],
    });
    expect(findViolations(casserole, whole30).map((v) => v.code)).toEqual(['legume']);
  });

  it('treats may-contain allergens as contains and never excuses an allergy', () => {
    const r: Restriction = {
      rules: [{ kind: 'allergen', code: 'fish', origin: 'allergy', reason: 'your fish allergy' }],
      allow: [{ code: 'edible-pod-legume', excuses: ['fish'], note: 'nonsense exception' }],
      dislikes: [],
    };
    const food = makeFood({
      allergens: [{ code: 'fish', certainty: 'may-contain' }],
      tags: [{ code: 'edible-pod-legume', certainty: 'contains' }],
    });
    const v = findViolations(food, r);
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ code: 'fish', certainty: 'may-contain', origin: 'allergy' });
  });

  it('reports a disliked food by name', () => {
    const r: Restriction = {
      rules: [],
      allow: [],
      dislikes: [{ ndb: '11052', name: 'green beans' }],
    };
    expect(findViolations(makeFood(), r)[0]?.reason).toContain('green beans');
  });
});
