import { describe, expect, it } from 'vitest';
import { energyPenalty, mealSharePenalty, slotShares } from '@/lib/planner/score';

describe('energy split across slots (hand-computed)', () => {
  it('renormalises the default split over the profile’s slots', () => {
    expect(slotShares(['breakfast', 'lunch', 'dinner', 'snack'])).toEqual([0.25, 0.35, 0.3, 0.1]);
    // lunch 35 and dinner 30 of 65
    const two = slotShares(['lunch', 'dinner'])!;
    expect(two[0]).toBeCloseTo(35 / 65, 12);
    expect(two[1]).toBeCloseTo(30 / 65, 12);
    expect(slotShares(['dinner'])).toBeNull();
  });

  it('takes a profile’s own split where it sets one', () => {
    // breakfast 40 set; lunch 35 and dinner 30 default: 40 / 105 …
    const s = slotShares(['breakfast', 'lunch', 'dinner'], { breakfast: 40 })!;
    expect(s[0]).toBeCloseTo(40 / 105, 12);
    expect(slotShares(['lunch', 'dinner'], { lunch: 0, dinner: 0 })).toBeNull();
  });

  it('is free within ±10 points of the slot’s share and 0.5 per point beyond', () => {
    // 2,000 kcal target, dinner share 30 %: 700 kcal = 35 % (inside), 1,200 kcal = 60 % (20 points out)
    expect(mealSharePenalty(700, 0.3, 2000)).toBe(0);
    expect(mealSharePenalty(1200, 0.3, 2000)).toBeCloseTo(10, 9);
    // a 250 kcal breakfast against 25 %: 12.5 %, 2.5 points below the band
    expect(mealSharePenalty(250, 0.25, 2000)).toBeCloseTo(1.25, 9);
    expect(mealSharePenalty(1200, 0.3, 0)).toBe(0);
  });

  it('prices a dinner twice its share like a day 10 % outside the energy band', () => {
    expect(mealSharePenalty(1200, 0.3, 2000)).toBeCloseTo(energyPenalty(2400, 2000), 9);
  });
});
