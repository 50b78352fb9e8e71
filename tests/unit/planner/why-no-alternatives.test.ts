import { describe, expect, it } from 'vitest';
import type { AlternativeRejections } from '@/lib/planner/swap';
import { type EmptyListFacts, explainNoAlternatives } from '@/lib/planner/why-no-alternatives';

const none: AlternativeRejections = {
  candidates: 0,
  tooLong: 0,
  repeated: 0,
  leftover: 0,
  overCap: { fructoseG: 0, sodiumMg: 0, retinolUg: 0 },
  overBudget: { sessions: 0, activeMinutes: 0 },
  notReady: 0,
  protein: 0,
};

function facts(over: Partial<EmptyListFacts>): EmptyListFacts {
  return {
    slot: 'dinner',
    available: 0,
    filter: {},
    rejected: none,
    day: { limitMinutes: 30, weekend: false },
    totals: {},
    ...over,
  };
}

describe('explainNoAlternatives', () => {
  it('says nothing when there are alternatives to show', () => {
    expect(explainNoAlternatives(facts({ available: 4 }), 4)).toEqual([]);
  });

  it('names the search and filters when the rules leave recipes and the filter removes them', () => {
    const out = explainNoAlternatives(
      facts({ available: 7, filter: { q: 'salmon', maxMinutes: 20, maxKcal: 450 } }),
      0,
    );
    expect(out).toEqual([
      {
        limit: 'filters',
        recipes: 7,
        message:
          'None of the 7 recipes that fit match your search and filters (“salmon”, at most 20 min, at most 450 kcal).',
      },
    ]);
  });

  it('says no recipe of the slot follows the food rules when there is none', () => {
    const [only, ...rest] = explainNoAlternatives(facts({ slot: 'snack' }), 0);
    expect(rest).toEqual([]);
    expect(only?.limit).toBe('no-recipes');
    expect(only?.message).toBe('No other snack recipe fits your protocol, allergies and dislikes.');
  });

  it('names the day’s sodium cap with its numbers, the largest blocker first', () => {
    const out = explainNoAlternatives(
      facts({
        rejected: {
          candidates: 15,
          tooLong: 2,
          repeated: 1,
          leftover: 0,
          overCap: { fructoseG: 0, sodiumMg: 12, retinolUg: 0 },
          overBudget: { sessions: 0, activeMinutes: 0 },
          notReady: 0,
          protein: 0,
        },
        totals: { sodiumMg: { total: 2210.4, max: 2300 }, retinolUg: { total: 400, max: 3000 } },
      }),
      0,
    );
    expect(out.map((b) => b.limit)).toEqual(['sodium', 'time', 'repeats']);
    expect(out[0]!.message).toBe(
      'The day already has 2,210 of its 2,300 mg sodium limit per person: 12 recipes would take it over.',
    );
    expect(out[1]!.message).toBe('2 recipes take longer than your weekday time limit of 30 min.');
    expect(out[2]!.message).toBe('1 recipe is already cooked this week or served that day.');
  });

  it('names the fructose and retinol caps, the weekend limit and the leftover meal', () => {
    const out = explainNoAlternatives(
      facts({
        day: { limitMinutes: 60, weekend: true },
        rejected: {
          candidates: 9,
          tooLong: 1,
          repeated: 0,
          leftover: 1,
          overCap: { fructoseG: 4, sodiumMg: 0, retinolUg: 3 },
          overBudget: { sessions: 0, activeMinutes: 0 },
          notReady: 0,
          protein: 0,
        },
        totals: { fructoseG: { total: 19.6, max: 20 } },
      }),
      0,
    );
    expect(out.map((b) => [b.limit, b.recipes])).toEqual([
      ['fructose', 4],
      ['retinol', 3],
      ['time', 1],
      ['leftover', 1],
    ]);
    expect(out[0]!.message).toContain('20 of its 20 g fructose limit');
    // No total for retinol in the day's totals: the cap is named without numbers.
    expect(out[1]!.message).toBe(
      'The day is near its preformed vitamin A (retinol) limit: 3 recipes would take it over.',
    );
    expect(out[2]!.message).toBe('1 recipe takes longer than your weekend time limit of 60 min.');
    expect(out[3]!.message).toContain('leftover meal of its batch');
  });

  it('names the cooking budget with the day’s sessions and hands-on minutes', () => {
    const out = explainNoAlternatives(
      facts({
        day: {
          limitMinutes: 45,
          weekend: false,
          cooking: { sessions: 2, activeMinutes: 52, budget: { sessions: 2, activeMinutes: 60 } },
        },
        rejected: {
          ...none,
          candidates: 20,
          overBudget: { sessions: 6, activeMinutes: 9 },
        },
      }),
      0,
    );
    expect(out.map((b) => [b.limit, b.recipes])).toEqual([
      ['hands-on', 9],
      ['cooking-sessions', 6],
    ]);
    expect(out[0]!.message).toBe(
      'The day already has 52 of the 60 hands-on minutes your weekday budget allows: 9 recipes would take it over.',
    );
    expect(out[1]!.message).toBe(
      'The day already has 2 of the 2 cooking sessions your weekday budget allows: 6 recipes would need one more.',
    );
  });

  it('names make-ahead recipes that would not be ready that day', () => {
    const out = explainNoAlternatives(
      facts({ slot: 'snack', rejected: { ...none, candidates: 5, repeated: 1, notReady: 3 } }),
      0,
    );
    expect(out.map((b) => [b.limit, b.recipes])).toEqual([
      ['not-ready', 3],
      ['repeats', 1],
    ]);
    expect(out[0]!.message).toBe(
      '3 recipes are made ahead and would not be ready that day: the prep would start before the week.',
    );
  });

  it('names the main-protein limit', () => {
    const out = explainNoAlternatives(
      facts({ maxProteinMeals: 3, rejected: { ...none, candidates: 12, protein: 5 } }),
      0,
    );
    expect(out).toEqual([
      {
        limit: 'protein',
        recipes: 5,
        message:
          '5 recipes would serve their main protein more often than your limit of 3 meals a week.',
      },
    ]);
  });
});
