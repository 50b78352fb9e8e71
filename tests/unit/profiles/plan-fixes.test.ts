import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GROUP_CODES, MEAL_TYPES } from '@/lib/foods/codes';
import type { Diagnosis, SlotDiagnosis } from '@/lib/planner/types';
import {
  applyFix,
  doableSuggestions,
  type FixLadder,
  findWorkingFixes,
  type PlanFix,
  planFixLadders,
} from '@/lib/profiles/plan-fixes';
import { profileCreateSchema, profilePatchSchema } from '@/lib/profiles/schema';
import { avoidReason } from '@/lib/protocols/labels';
import type { RestrictionRule } from '@/lib/restrictions/types';

const profile = profileCreateSchema.parse({
  name: 'Sam',
  protocol: 'aip',
  allergens: ['egg'],
  avoid: ['fish', 'nightshade', 'red-meat'],
  dislikes: ['11260'],
  dislikedConcepts: ['salmon', 'liver'],
  maxMinutes: { weekday: 10, weekend: 10 },
  leftovers: false,
});

const context = {
  foodNames: new Map([['11260', 'Mushrooms, white, raw']]),
  concepts: new Map([
    ['salmon', { name: 'salmon', label: 'salmon (all kinds)' }],
    ['liver', { name: 'liver', label: 'liver (all kinds)' }],
  ]),
  // AIP leaves nightshades out on its own; the allergy leaves eggs out.
  rules: [
    { kind: 'group', code: 'nightshade', origin: 'protocol', reason: 'not in AIP · Elimination' },
    { kind: 'allergen', code: 'egg', origin: 'allergy', reason: 'your egg allergy' },
  ] satisfies RestrictionRule[],
};

function slot(s: SlotDiagnosis['slot'], blockers: [string, number][]): SlotDiagnosis {
  return {
    slot: s,
    available: 1,
    needed: 4,
    blockers: blockers.map(([rule, recipesExcluded]) => ({ rule, recipesExcluded })),
  };
}

/** Every rule the planner names for such a profile: protocol, allergy, avoid, dislike, time. */
const diagnosis: Diagnosis = {
  slots: [
    slot('dinner', [
      ['not in AIP · Elimination: nightshade', 90],
      ['your egg allergy', 12],
      ['weekday time limit 10 min', 70],
      ['weekend time limit 10 min', 70],
      ['you avoid fish', 20],
      ['you avoid nightshades', 15],
      ['you avoid red meat: red-meat', 30],
      ['you chose to leave out salmon (all kinds)', 8],
      ['you chose to leave out Mushrooms, white, raw', 3],
    ]),
    slot('snack', [['weekday time limit 10 min', 5]]),
  ],
  suggestions: [],
};

const allFixes = (ladders: FixLadder[]) => ladders.flatMap((l) => l.fixes);

describe('planFixLadders', () => {
  const ladders = planFixLadders(profile, diagnosis, context);
  const fixes = allFixes(ladders);

  it('offers only what the person may change, each a valid PATCH body', () => {
    expect(fixes.length).toBeGreaterThan(0);
    for (const fix of fixes) {
      expect(profilePatchSchema.safeParse(fix.patch).success, fix.id).toBe(true);
      expect(
        Object.keys(fix.patch).filter(
          (k) =>
            !['maxMinutes', 'leftovers', 'slots', 'avoid', 'dislikes', 'dislikedConcepts'].includes(
              k,
            ),
        ),
        fix.id,
      ).toEqual([]);
      // The changed profile is still a profile the API stores, allergy, protocol and diet intact.
      const changed = profileCreateSchema.parse(applyFix(profile, fix.patch));
      expect(changed).toMatchObject({
        allergens: ['egg'],
        protocol: 'aip',
        phase: 'elimination',
        diet: 'omnivore',
      });
    }
    expect(fixes.map((f) => f.text).join(' ')).not.toMatch(/allerg|protocol|phase|diet|recipes/i);
  });

  it('tries the time limits first, alone and then together, smallest step first', () => {
    expect(ladders.map((l) => l.key).slice(0, 4)).toEqual([
      'time-weekday',
      'time-weekend',
      'time-both',
      'leftovers',
    ]);
    expect(ladders[0]!.fixes.map((f) => f.patch)).toEqual(
      [20, 30, 40, 50, 60, 70].map((weekday) => ({ maxMinutes: { weekday } })),
    );
    expect(ladders[0]!.fixes[2]!.text).toBe('Allow 40 minutes for weekday meals');
    expect(ladders[1]!.fixes[0]!.text).toBe('Allow 20 minutes for weekend meals');
    expect(ladders[2]).toMatchObject({ skipWhenFound: ['time-weekday', 'time-weekend'] });
    expect(ladders[2]!.fixes[0]).toEqual({
      id: 'time-both-20-20',
      text: 'Allow 20 minutes for every meal',
      patch: { maxMinutes: { weekday: 20, weekend: 20 } },
    });
  });

  it('names the fixes in plain words', () => {
    const texts = fixes.map((f) => f.text);
    expect(texts).toContain(
      'Turn on leftovers (a cooked lunch or dinner feeds up to two later meals)',
    );
    expect(texts).toContain('Stop avoiding fish');
    expect(texts).toContain('Stop avoiding red meat');
    expect(texts).toContain('Include salmon again');
    expect(texts).toContain('Include Mushrooms, white, raw again');
    expect(texts).toContain('Plan without snacks');
    expect(texts).toContain('Plan without dinner');
  });

  it('leaves out what would not help: a group the protocol excludes anyway, a dislike not named', () => {
    const ids = fixes.map((f) => f.id);
    expect(ids).not.toContain('avoid-nightshade');
    expect(ids).not.toContain('concept-liver');
    // Slots the diagnosis does not call short stay.
    expect(ids).not.toContain('without-breakfast');
    expect(fixes.find((f) => f.id === 'avoid-fish')!.patch).toEqual({
      avoid: ['nightshade', 'red-meat'],
    });
    expect(fixes.find((f) => f.id === 'concept-salmon')!.patch).toEqual({
      dislikedConcepts: ['liver'],
    });
  });

  it('orders the food changes by how many recipes they free', () => {
    const keys = ladders.map((l) => l.key);
    expect(keys.indexOf('concept-salmon')).toBeLessThan(keys.indexOf('dislike-11260'));
    expect(keys.indexOf('avoid-red-meat')).toBeLessThan(keys.indexOf('avoid-fish'));
    expect(keys.indexOf('dislike-11260')).toBeLessThan(keys.indexOf('avoid-red-meat'));
    expect(keys.indexOf('without-snack')).toBeLessThan(keys.indexOf('without-dinner'));
  });

  it('raises only the limit the diagnosis names', () => {
    const weekdayOnly: Diagnosis = {
      slots: [slot('dinner', [['weekday time limit 10 min', 40]])],
      suggestions: [],
    };
    const patches = allFixes(planFixLadders(profile, weekdayOnly)).map((f) => f.patch.maxMinutes);
    expect(patches.filter(Boolean).every((m) => m && !('weekend' in m))).toBe(true);
    const none: Diagnosis = { slots: [slot('dinner', [['you avoid fish', 4]])], suggestions: [] };
    expect(allFixes(planFixLadders(profile, none)).some((f) => f.patch.maxMinutes)).toBe(false);
  });

  it('skips a longer limit that lets no recipe in, and never goes past 300 minutes', () => {
    const times = planFixLadders(profile, diagnosis, { recipeMinutes: [12, 25, 27, 55, 200] })[0]!;
    expect(times.fixes.map((f) => f.patch.maxMinutes?.weekday)).toEqual([20, 30, 60]);
    const long = profileCreateSchema.parse({ name: 'x', maxMinutes: { weekday: 280 } });
    const capped = planFixLadders(long, {
      slots: [slot('dinner', [['weekday time limit 280 min', 2]])],
    });
    expect(capped[0]!.fixes.map((f) => f.patch.maxMinutes?.weekday)).toEqual([290, 300]);
  });

  it('offers no slot change for one slot, and no leftovers when on or without lunch and dinner', () => {
    const one = { ...profile, slots: ['dinner' as const] };
    expect(allFixes(planFixLadders(one, diagnosis, context)).map((f) => f.id)).not.toContain(
      'without-dinner',
    );
    const on = { ...profile, leftovers: true };
    expect(allFixes(planFixLadders(on, diagnosis)).map((f) => f.id)).not.toContain('leftovers');
    const noLunch = { ...profile, slots: ['breakfast' as const, 'dinner' as const] };
    expect(allFixes(planFixLadders(noLunch, diagnosis)).map((f) => f.id)).not.toContain(
      'leftovers',
    );
  });

  it('builds valid patches for any profile and diagnosis', () => {
    const minutes = fc.integer({ min: 5, max: 300 });
    const cookingDay = fc.record({
      sessions: fc.integer({ min: 1, max: 4 }),
      activeMinutes: fc.integer({ min: 10, max: 480 }),
    });
    const arbitraryProfile = fc.record({
      slots: fc.uniqueArray(fc.constantFrom(...MEAL_TYPES), { minLength: 1 }),
      maxMinutes: fc.record({ weekday: minutes, weekend: minutes }),
      leftovers: fc.boolean(),
      avoid: fc.uniqueArray(fc.constantFrom(...GROUP_CODES), { maxLength: 6 }),
      dislikes: fc.uniqueArray(fc.constantFrom('11260', '05006', '15076'), { maxLength: 3 }),
      dislikedConcepts: fc.uniqueArray(fc.constantFrom('salmon', 'liver'), { maxLength: 2 }),
      cooking: fc.record({ weekday: cookingDay, weekend: cookingDay }),
      maxProteinMeals: fc.integer({ min: 1, max: 14 }),
    });
    const limits = fc.record({
      weekday: fc.boolean(),
      weekend: fc.boolean(),
      protein: fc.boolean(),
    });
    fc.assert(
      fc.property(
        arbitraryProfile,
        fc.boolean(),
        fc.boolean(),
        limits,
        (p, weekday, weekend, l) => {
          const rules: [string, number][] = [
            ...(weekday
              ? [[`weekday time limit ${p.maxMinutes.weekday} min`, 3] as [string, number]]
              : []),
            ...(weekend
              ? [[`weekend time limit ${p.maxMinutes.weekend} min`, 3] as [string, number]]
              : []),
            ...p.avoid.map((code): [string, number] => [avoidReason(code), 2]),
            ['you chose to leave out salmon (all kinds)', 1],
            ['you chose to leave out Mushrooms, white, raw', 1],
          ];
          const d: Diagnosis = {
            slots: p.slots.map((s) => slot(s, rules)),
            suggestions: [
              ...(['weekday', 'weekend'] as const)
                .filter((k) => l[k])
                .map((k) => `No week found within your ${k} cooking budget (2026-11-30)`),
              ...(l.protein ? ['No week found with each main protein in at most 3 meals'] : []),
            ],
          };
          for (const fix of allFixes(planFixLadders(p, d, context))) {
            expect(profilePatchSchema.safeParse(fix.patch).success).toBe(true);
            const changed = applyFix({ ...profile, ...p }, fix.patch);
            expect(profileCreateSchema.safeParse(changed).success).toBe(true);
            expect(changed.allergens).toEqual(profile.allergens);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

const fix = (id: string): PlanFix => ({ id, text: id, patch: { leftovers: true } });
const ladder = (key: string, ids: string[], extra: Partial<FixLadder> = {}): FixLadder => ({
  key,
  fixes: ids.map(fix),
  ...extra,
});

describe('planFixLadders: cooking budget and main-protein limit', () => {
  const budgetDiagnosis: Diagnosis = {
    slots: [slot('breakfast', [])],
    suggestions: [
      'No week found within your weekday cooking budget 2 cooking sessions and 60 hands-on minutes a day (2026-11-30)',
      'No week found with each main protein in at most 3 meals (salmon more often)',
    ],
  };
  const ladders = planFixLadders(profile, budgetDiagnosis, context);

  it('tries the budget the diagnosis names first: more sessions, then more hands-on minutes', () => {
    expect(ladders.slice(0, 3).map((l) => l.key)).toEqual([
      'sessions-weekday',
      'hands-on-weekday',
      'protein',
    ]);
    expect(ladders[0]!.fixes.map((f) => f.text)).toEqual([
      'Allow 3 cooking sessions on weekdays',
      'Allow 4 cooking sessions on weekdays',
    ]);
    expect(ladders[0]!.fixes[0]!.patch).toEqual({ cooking: { weekday: { sessions: 3 } } });
    expect(ladders[1]!.fixes.map((f) => f.text)).toEqual([
      'Allow 75 hands-on minutes on weekdays',
      'Allow 90 hands-on minutes on weekdays',
      'Allow 120 hands-on minutes on weekdays',
      'Allow 180 hands-on minutes on weekdays',
    ]);
    expect(ladders[2]!.fixes.map((f) => f.patch)).toEqual([
      { maxProteinMeals: 4 },
      { maxProteinMeals: 5 },
      { maxProteinMeals: 6 },
      { maxProteinMeals: 7 },
    ]);
    expect(allFixes(ladders).some((f) => f.text.includes('at weekends'))).toBe(false);
  });

  it('names a day’s budget that keeps recipes out on its own, and applies a fix to one part', () => {
    const blocked = planFixLadders(profile, {
      slots: [
        slot('dinner', [
          ['weekend cooking budget 3 cooking sessions and 120 hands-on minutes a day', 9],
        ]),
      ],
      suggestions: [],
    });
    expect(blocked[0]!.key).toBe('sessions-weekend');
    const changed = applyFix(profile, blocked[1]!.fixes[0]!.patch);
    expect(changed.cooking).toEqual({
      weekday: { sessions: 2, activeMinutes: 60 },
      weekend: { sessions: 3, activeMinutes: 135 },
    });
  });

  it('offers no budget fix when the diagnosis names none', () => {
    expect(
      allFixes(planFixLadders(profile, diagnosis, context)).filter(
        (f) => f.patch.cooking || f.patch.maxProteinMeals,
      ),
    ).toEqual([]);
  });
});

describe('findWorkingFixes', () => {
  /** A planner that plans exactly the fixes named in `working`, and records what it was asked. */
  function planner(working: string[]) {
    const tried: string[] = [];
    const works = async (f: PlanFix) => {
      tried.push(f.id);
      return working.includes(f.id);
    };
    return { tried, works };
  }

  it('finds the smallest working step of a ladder by halving', async () => {
    const steps = ['t1', 't2', 't3', 't4', 't5', 't6'];
    const { tried, works } = planner(['t4', 't5', 't6']);
    const found = await findWorkingFixes([ladder('time', steps)], works);
    expect(found.map((f) => f.id)).toEqual(['t4']);
    expect(tried).toEqual(['t1', 't6', 't3', 't4']);
  });

  it('gives up a ladder whose largest step fails, at one try when asked to look there first', async () => {
    const { tried, works } = planner(['leftovers']);
    const found = await findWorkingFixes(
      [ladder('time', ['t1', 't2', 't3'], { topFirst: true }), ladder('leftovers', ['leftovers'])],
      works,
    );
    expect(found.map((f) => f.id)).toEqual(['leftovers']);
    expect(tried).toEqual(['t3', 'leftovers']);
  });

  it('skips a ladder that asks for more than one already found', async () => {
    const { tried, works } = planner(['w1', 'b1']);
    const found = await findWorkingFixes(
      [
        ladder('time-weekday', ['w1']),
        ladder('time-both', ['b1'], { skipWhenFound: ['time-weekday'] }),
      ],
      works,
    );
    expect(found.map((f) => f.id)).toEqual(['w1']);
    expect(tried).toEqual(['w1']);
  });

  it('stops after enough working fixes or tries', async () => {
    const ladders = ['a', 'b', 'c', 'd', 'e'].map((k) => ladder(k, [k]));
    const all = planner(['a', 'b', 'c', 'd', 'e']);
    expect((await findWorkingFixes(ladders, all.works, { maxFixes: 3 })).length).toBe(3);
    expect(all.tried).toEqual(['a', 'b', 'c']);
    const none = planner([]);
    expect(await findWorkingFixes(ladders, none.works, { maxTries: 2 })).toEqual([]);
    expect(none.tried).toEqual(['a', 'b']);
  });

  it('keeps what it found when a try throws', async () => {
    let n = 0;
    const found = await findWorkingFixes([ladder('a', ['a']), ladder('b', ['b'])], async () => {
      n++;
      if (n === 2) throw new Error('busy');
      return true;
    });
    expect(found.map((f) => f.id)).toEqual(['a']);
  });
});

describe('doableSuggestions', () => {
  it('drops asking for recipes the catalog does not have', () => {
    expect(
      doableSuggestions([
        'Allow 15 more minutes on weekdays',
        'Add more dinner recipes that fit your rules',
        'No week found within the daily limits (sodium 2300 mg) on 2026-11-30: keep fewer salty or liver meals locked, or add more low-sodium recipes',
      ]),
    ).toEqual([
      'Allow 15 more minutes on weekdays',
      'No week found within the daily limits (sodium 2300 mg) on 2026-11-30: keep fewer salty or liver meals locked',
    ]);
  });
});
