import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RATED_SYMPTOMS, type Symptoms } from '@/lib/journal/schema';
import { addDays } from '@/lib/planner/dates';
import { proposeOutcome } from '@/lib/reintroduction/outcome';

const RUNS = 400;
const baseline = { from: '2026-11-24', to: '2026-11-30' };
const challengeDay = '2026-12-02';

/** Ratings up to `max`, so a later shift by 10 − max stays on the scale. */
const symptomsArb = (max: number) =>
  fc.record({
    bloating: fc.integer({ min: 0, max }),
    pain: fc.integer({ min: 0, max }),
    stool: fc.option(fc.integer({ min: 1, max: 7 }), { nil: null }),
    fatigue: fc.integer({ min: 0, max }),
    joints: fc.integer({ min: 0, max }),
    skin: fc.integer({ min: 0, max }),
    brainFog: fc.integer({ min: 0, max }),
    headache: fc.integer({ min: 0, max }),
    sleep: fc.integer({ min: 0, max }),
  });

/**
 * Some days of the baseline week and of the challenge window (and one day outside both). The
 * challenge's ratings go up to `challengeMax`: low values make tolerated journals common enough
 * to test, high ones reactions.
 */
const journalArb = (max: number, challengeMax = max) =>
  fc.record({
    baseline: fc.array(fc.option(symptomsArb(max), { nil: null }), { minLength: 7, maxLength: 7 }),
    challenge: fc.array(fc.option(symptomsArb(challengeMax), { nil: null }), {
      minLength: 4,
      maxLength: 4,
    }),
  });
const anyJournalArb = fc.integer({ min: 0, max: 10 }).chain((top) => journalArb(10, top));

type Journal = { baseline: (Symptoms | null)[]; challenge: (Symptoms | null)[] };

function entries(j: Journal) {
  const at = (from: string, days: (Symptoms | null)[]) =>
    days.flatMap((symptoms, i) => (symptoms ? [{ date: addDays(from, i), symptoms }] : []));
  // the challenge list starts the day before the challenge, a day that must not count
  return [...at(baseline.from, j.baseline), ...at(addDays(challengeDay, -1), j.challenge)];
}

const outcomeOf = (j: Journal) =>
  proposeOutcome({ entries: entries(j), baseline, challengeDay }).outcome;

function mapRated(s: Symptoms | null, f: (v: number) => number): Symptoms | null {
  if (!s) return null;
  const out = { ...s };
  for (const k of RATED_SYMPTOMS) out[k] = f(s[k]);
  return out;
}

describe('proposeOutcome properties', () => {
  it('adding the same constant to every rating of baseline and challenge never changes the outcome', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((c) => fc.tuple(fc.constant(c), journalArb(10 - c))),
        ([c, j]) => {
          const shifted = {
            baseline: j.baseline.map((s) => mapRated(s, (v) => v + c)),
            challenge: j.challenge.map((s) => mapRated(s, (v) => v + c)),
          };
          expect(outcomeOf(shifted)).toBe(outcomeOf(j));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('lowering challenge ratings never turns tolerated into reacted (nor into anything else)', () => {
    let tolerated = 0;
    fc.assert(
      fc.property(anyJournalArb, fc.integer({ min: 1, max: 10 }), (j, drop) => {
        const before = outcomeOf(j);
        const lowered = {
          ...j,
          challenge: j.challenge.map((s) => mapRated(s, (v) => Math.max(0, v - drop))),
        };
        const after = outcomeOf(lowered);
        if (before !== 'reacted') expect(after).not.toBe('reacted');
        if (before === 'tolerated') {
          tolerated++;
          expect(after).toBe('tolerated');
        }
      }),
      { numRuns: RUNS },
    );
    // the property said something about tolerated journals, not only about the others
    expect(tolerated).toBeGreaterThan(RUNS / 20);
  });

  it('raising challenge ratings never turns reacted into anything else', () => {
    fc.assert(
      fc.property(anyJournalArb, fc.integer({ min: 1, max: 10 }), (j, rise) => {
        const raised = {
          ...j,
          challenge: j.challenge.map((s) => mapRated(s, (v) => Math.min(10, v + rise))),
        };
        if (outcomeOf(j) === 'reacted') expect(outcomeOf(raised)).toBe('reacted');
      }),
      { numRuns: RUNS },
    );
  });
});
