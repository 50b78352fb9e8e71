import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '@/lib/planner/dates';
import {
  applyOutcome,
  type ChallengeSet,
  createSchedule,
  currentChallenge,
  pauseSchedule,
  reorderChallenges,
  resumeSchedule,
  scheduleDates,
  skipChallenges,
} from '@/lib/reintroduction/schedule';
import { parseReintroductionSeeds } from '@/lib/reintroduction/seed-schema';
import type { PersonalList, ReintroductionState } from '@/lib/reintroduction/types';
import aipJson from '@/seeds/reintroduction/aip.json';
import gutResetJson from '@/seeds/reintroduction/gut-reset.json';
import lowFodmapJson from '@/seeds/reintroduction/low-fodmap.json';

const seeds = parseReintroductionSeeds({
  aip: aipJson,
  'low-fodmap': lowFodmapJson,
  'gut-reset': gutResetJson,
});
const PROTOCOLS = [...seeds.keys()];
const EMPTY: PersonalList = { allowed: [], excluded: [] };

/** One step a person may take; indexes pick among what is possible at that moment. */
type Step =
  | { kind: 'wait'; days: number }
  | { kind: 'outcome'; outcome: 'tolerated' | 'reacted' | 'unclear' }
  | { kind: 'skip'; pick: number }
  | { kind: 'reorder'; seed: number }
  | { kind: 'pause' }
  | { kind: 'resume' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 0, max: 9 }) }),
  fc.record({
    kind: fc.constant('outcome' as const),
    outcome: fc.constantFrom('tolerated' as const, 'reacted' as const, 'unclear' as const),
  }),
  fc.record({ kind: fc.constant('skip' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('reorder' as const), seed: fc.nat() }),
  fc.record({ kind: fc.constant('pause' as const) }),
  fc.record({ kind: fc.constant('resume' as const) }),
);

const notBegun = (s: ReintroductionState, today: string) =>
  s.challenges.filter(
    (c) => c.status === 'pending' || (c.status === 'active' && (!c.startOn || c.startOn > today)),
  );

/** Plays the steps, doing each only when the schedule allows it, as the API would. */
function play(protocol: string, steps: readonly Step[]) {
  const set = seeds.get(protocol) as ChallengeSet;
  let today = '2025-03-03';
  let state = createSchedule(protocol, set, today);
  let personal = EMPTY;
  for (const s of steps) {
    if (s.kind === 'wait') today = addDays(today, s.days);
    const current = currentChallenge(state);
    if (s.kind === 'outcome' && current?.startOn && current.startOn <= today) {
      ({ state, personal } = applyOutcome(state, set, personal, {
        challengeId: current.id,
        outcome: s.outcome,
        today,
      }));
    }
    const movable = notBegun(state, today);
    if (s.kind === 'skip' && movable.length > 0) {
      const pick = movable[s.pick % movable.length];
      if (pick) state = skipChallenges(state, set, [pick.id], today);
    }
    if (s.kind === 'reorder' && movable.length > 1) {
      const ids = movable.map((c) => c.id);
      const rotated = [...ids.slice(s.seed % ids.length), ...ids.slice(0, s.seed % ids.length)];
      const before = new Set(state.challenges.map((c) => c.id));
      state = reorderChallenges(state, set, rotated, today);
      expect(new Set(state.challenges.map((c) => c.id))).toEqual(before);
      expect(state.challenges).toHaveLength(before.size);
    }
    if (s.kind === 'pause') state = pauseSchedule(state, today);
    if (s.kind === 'resume') state = resumeSchedule(state, set, today);
  }
  return { set, state, personal };
}

describe('schedule properties', () => {
  it('challenges never overlap and each is followed by its washout before the next; skipped ones have no dates', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROTOCOLS),
        fc.array(step, { maxLength: 30 }),
        (protocol, steps) => {
          const { set, state } = play(protocol, steps);
          const dates = scheduleDates(state, set);
          let previousEnd: string | null = null;
          for (const c of state.challenges) {
            const d = dates.get(c.id);
            if (c.status === 'skipped') {
              expect(d).toBeNull();
              continue;
            }
            if (!d) continue;
            const def = set.challenges.find((x) => x.id === c.challenge);
            // every dose day, unless the outcome was confirmed earlier: then up to that day
            const doses = def?.doses.length ?? -1;
            const eaten =
              c.status === 'done' && c.decidedOn && c.startOn
                ? Math.min(doses, Math.max(1, daysBetween(c.startOn, c.decidedOn) + 1))
                : doses;
            expect(d.challenge).toHaveLength(eaten);
            expect(d.washout).toHaveLength(def?.washoutDays ?? -1);
            // consecutive days: the dose days, then the washout
            const all = [...d.challenge, ...d.washout];
            for (const [i, day] of all.entries()) expect(day).toBe(addDays(all[0] ?? '', i));
            if (previousEnd) expect(all[0] && all[0] > previousEnd).toBe(true);
            previousEnd = all.at(-1) ?? previousEnd;
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reordering keeps the same set of challenges, and the schedule always has at most one active challenge', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROTOCOLS),
        fc.array(step, { maxLength: 30 }),
        (protocol, steps) => {
          const { state } = play(protocol, steps);
          const ids = state.challenges.map((c) => c.id);
          expect(new Set(ids).size).toBe(ids.length);
          expect(state.challenges.filter((c) => c.status === 'active').length).toBeLessThanOrEqual(
            1,
          );
          const current = currentChallenge(state);
          if (current) expect(current.status).toBe('active');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a food, concept or group is never both allowed and excluded', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROTOCOLS),
        fc.array(step, { maxLength: 30 }),
        (protocol, steps) => {
          const { personal } = play(protocol, steps);
          const key = (e: { kind: string; code: string }) => `${e.kind}:${e.code}`;
          const excluded = new Set(personal.excluded.map(key));
          expect(personal.allowed.filter((a) => excluded.has(key(a)))).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
