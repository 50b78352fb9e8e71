import { describe, expect, it } from 'vitest';
import {
  householdProfile,
  memberPortions,
  portionsText,
  referenceMember,
} from '@/lib/planner/household';
import type { PlannerProfile } from '@/lib/planner/types';

describe('memberPortions', () => {
  it('2400 and 1600 kcal eat 1½ and 1 servings', () => {
    expect(memberPortions([2400, 1600])).toEqual([1.5, 1]);
    expect(referenceMember([2400, 1600])).toBe(1);
  });

  it('rounds to the nearest half: 2000 / 1600 = 1.25 → 1½, 1900 / 1600 ≈ 1.19 → 1', () => {
    expect(memberPortions([1600, 2000, 1900])).toEqual([1, 1.5, 1]);
  });

  it('a teenager at 3200 next to a child at 1200: 2½ and 1', () => {
    expect(memberPortions([3200, 1200])).toEqual([2.5, 1]);
  });

  it('words: "Alex 1½ servings, Sam 1"', () => {
    expect(
      portionsText([
        { name: 'Alex', servings: 1.5 },
        { name: 'Sam', servings: 1 },
      ]),
    ).toBe('Alex 1½ servings, Sam 1');
    expect(portionsText([{ name: 'Sam', servings: 0.5 }])).toBe('Sam ½ serving');
  });
});

const base: PlannerProfile = {
  householdSize: 1,
  slots: ['breakfast', 'lunch', 'dinner'],
  energyKcal: 2000,
  proteinG: 80,
  fiberG: 30,
  maxMinutes: { weekday: 45, weekend: 90 },
  leftovers: true,
  carbsPerMealG: null,
};

describe('householdProfile', () => {
  const alex: PlannerProfile = { ...base, energyKcal: 2400, proteinG: 100 };
  const sam: PlannerProfile = {
    ...base,
    energyKcal: 1600,
    proteinG: 50,
    slots: ['breakfast', 'dinner', 'snack'],
    maxMinutes: { weekday: 30, weekend: 120 },
    leftovers: false,
    nutrition: { caps: { sodiumMg: 1500 } },
  };
  const p = householdProfile([
    { profile: alex, portion: 1.5 },
    { profile: sam, portion: 1 },
  ]);

  it('plans the slots every member plans, with the strictest time limits', () => {
    expect(p?.slots).toEqual(['breakfast', 'dinner']);
    expect(p?.maxMinutes).toEqual({ weekday: 30, weekend: 90 });
    expect(p?.leftovers).toBe(false);
  });

  it("plans the reference member's portion for the sum of the portions", () => {
    expect(p?.energyKcal).toBe(1600);
    expect(p?.proteinG).toBe(50);
    expect(p?.householdSize).toBe(2.5);
  });

  it('holds a per-person cap for the member who eats more at their portion', () => {
    const q = householdProfile([
      { profile: { ...alex, nutrition: { caps: { sodiumMg: 2300 } } }, portion: 1.5 },
      { profile: { ...sam, nutrition: { caps: { sodiumMg: 1800 } } }, portion: 1 },
    ]);
    // 2300 / 1.5 ≈ 1533 is stricter than 1800 / 1
    expect(q?.nutrition?.caps?.sodiumMg).toBeCloseTo(2300 / 1.5, 6);
  });

  it('is null when the members share no slot', () => {
    expect(
      householdProfile([
        { profile: { ...alex, slots: ['lunch'] }, portion: 1 },
        { profile: { ...sam, slots: ['dinner'] }, portion: 1 },
      ]),
    ).toBeNull();
  });

  it('a single member keeps their profile as it is', () => {
    expect(householdProfile([{ profile: alex, portion: 1 }])).toBe(alex);
  });
});
