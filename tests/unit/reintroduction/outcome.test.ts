import { describe, expect, it } from 'vitest';
import type { Symptoms } from '@/lib/journal/schema';
import { challengeWindow, OUTCOME_RULE_TEXT, proposeOutcome } from '@/lib/reintroduction/outcome';

const quiet: Symptoms = {
  bloating: 1,
  pain: 0,
  stool: 4,
  fatigue: 2,
  joints: 0,
  skin: 0,
  brainFog: 1,
  headache: 0,
  sleep: 2,
};
const day = (date: string, change: Partial<Symptoms> = {}) => ({
  date,
  symptoms: { ...quiet, ...change },
});

// Baseline Dec 1–3; the food is eaten Dec 5, so the window is Dec 5, 6 and 7.
const baseline = { from: '2026-12-01', to: '2026-12-03' };
const challengeDay = '2026-12-05';
// bloating 1, 2, 3 in the baseline: mean 2, so 4 or more crosses and 3 does not
const base = [
  day('2026-12-01', { bloating: 1 }),
  day('2026-12-02', { bloating: 2 }),
  day('2026-12-03', { bloating: 3 }),
];

const propose = (challenge: { date: string; symptoms: Symptoms }[]) =>
  proposeOutcome({ entries: [...base, ...challenge], baseline, challengeDay });

describe('proposeOutcome', () => {
  it('the window is the challenge day and the two after it', () => {
    expect(challengeWindow('2026-12-30')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
  });

  it('is tolerated when no symptom rises 2 points above its baseline mean', () => {
    const p = propose([
      day('2026-12-05', { bloating: 3 }),
      day('2026-12-06', { bloating: 3 }),
      day('2026-12-07'),
    ]);
    expect(p.outcome).toBe('tolerated');
    expect(p.crossings).toEqual([]);
    expect(p.logged).toEqual({ baseline: 3, challenge: 3 });
  });

  it('reacts when one symptom is at mean + 2 on two of the three days (exactly the threshold)', () => {
    const p = propose([
      day('2026-12-05', { bloating: 4 }),
      day('2026-12-06'),
      day('2026-12-07', { bloating: 6 }),
    ]);
    expect(p.outcome).toBe('reacted');
    expect(p.crossings).toEqual([
      { symptom: 'bloating', date: '2026-12-05', score: 4, baselineMean: 2 },
      { symptom: 'bloating', date: '2026-12-07', score: 6, baselineMean: 2 },
    ]);
    expect(p.reasons[0]).toBe(
      'Bloating / gas was at least 2 points above baseline on 2026-12-05, 2026-12-07.',
    );
  });

  it('is unclear when only one day crosses', () => {
    const p = propose([day('2026-12-05', { joints: 2 }), day('2026-12-06'), day('2026-12-07')]);
    expect(p.outcome).toBe('unclear');
    expect(p.crossings.map((c) => [c.symptom, c.date])).toEqual([['joints', '2026-12-05']]);
  });

  it('is unclear, not reacted, when two different symptoms each cross on one day', () => {
    const p = propose([
      day('2026-12-05', { headache: 3 }),
      day('2026-12-06', { skin: 2 }),
      day('2026-12-07'),
    ]);
    expect(p.outcome).toBe('unclear');
    expect(p.crossings).toHaveLength(2);
  });

  it('judges stool by its distance from Bristol 4, both ways', () => {
    // baseline distances 0, 0, 0; type 6 (distance 2) and type 2 (distance 2) both cross
    const p = propose([
      day('2026-12-05', { stool: 6 }),
      day('2026-12-06', { stool: 2 }),
      day('2026-12-07', { stool: 5 }),
    ]);
    expect(p.outcome).toBe('reacted');
    expect(p.crossings.map((c) => c.date)).toEqual(['2026-12-05', '2026-12-06']);
  });

  it('compares stool with a baseline that was already off 4', () => {
    // baseline types 6, 6, 5: distances 2, 2, 1, mean 5/3; type 7 is distance 3, only 4/3 above
    const offBase = [
      day('2026-12-01', { stool: 6 }),
      day('2026-12-02', { stool: 6 }),
      day('2026-12-03', { stool: 5 }),
    ];
    const p = proposeOutcome({
      entries: [...offBase, day('2026-12-05', { stool: 7 }), day('2026-12-06', { stool: 7 })],
      baseline,
      challengeDay,
    });
    expect(p.outcome).toBe('tolerated');
  });

  it('skips days without stool and a symptom the baseline never rated', () => {
    const noStool = base.map((e) => ({ ...e, symptoms: { ...e.symptoms, stool: null } }));
    const p = proposeOutcome({
      entries: [...noStool, day('2026-12-05', { stool: 7 }), day('2026-12-06', { stool: 1 })],
      baseline,
      challengeDay,
    });
    expect(p.outcome).toBe('tolerated');
  });

  it('is unclear when either window has fewer than 2 logged days', () => {
    const short = propose([day('2026-12-05', { bloating: 9 })]);
    expect(short.outcome).toBe('unclear');
    expect(short.logged).toEqual({ baseline: 3, challenge: 1 });
    expect(short.reasons[0]).toMatch(/Too few days logged/);
    const noBase = proposeOutcome({
      entries: [base[2]!, day('2026-12-05', { bloating: 9 }), day('2026-12-06', { bloating: 9 })],
      baseline,
      challengeDay,
    });
    expect(noBase.outcome).toBe('unclear');
  });

  it('counts only the three days of the window and the baseline range', () => {
    const p = propose([
      day('2026-12-04', { pain: 9 }),
      day('2026-12-05'),
      day('2026-12-06'),
      day('2026-12-08', { pain: 9 }),
    ]);
    expect(p.outcome).toBe('tolerated');
    expect(p.logged.challenge).toBe(2);
  });

  it('writes the rule with the numbers the code uses', () => {
    expect(OUTCOME_RULE_TEXT).toContain('at least 2 points above its baseline average');
    expect(OUTCOME_RULE_TEXT).toContain('2 or more of the 3 days');
  });
});
