import { describe, expect, it } from 'vitest';
import type { Symptoms } from '@/lib/journal/schema';
import { readiness } from '@/lib/reintroduction/readiness';

const calm: Symptoms = {
  bloating: 0,
  pain: 0,
  stool: 4,
  fatigue: 0,
  joints: 0,
  skin: 0,
  brainFog: 0,
  headache: 0,
  sleep: 0,
};
const day = (date: string, worst: number) => ({ date, symptoms: { ...calm, fatigue: worst } });

describe('readiness to leave elimination', () => {
  it('counts whole weeks against the usual minimum while short of it', () => {
    const r = readiness({
      phaseStartedOn: '2026-11-20',
      today: '2026-12-06',
      usualWeeks: { min: 4, max: 13 },
      entries: [],
    });
    // 16 days: 2 whole weeks of the usual 4
    expect(r.weeksDone).toBe(2);
    expect(r.usualDone).toBe(false);
    expect(r.summary).toBe(
      '2 of 4 weeks done; log symptoms for two weeks or more to compare the first week with the last',
    );
  });

  it('past the minimum, gives the usual range and compares the first and the last week', () => {
    // first week 6, 6, 6 (mean 6); last week 2, 3 (mean 2.5); 14 days apart
    const entries = [
      day('2026-11-08', 6),
      day('2026-11-09', 6),
      day('2026-11-10', 6),
      day('2026-11-21', 2),
      day('2026-11-22', 3),
    ];
    const r = readiness({
      phaseStartedOn: '2026-11-06',
      today: '2026-12-06',
      usualWeeks: { min: 2, max: 6 },
      entries,
    });
    expect(r.usualDone).toBe(true);
    expect(r.summary).toBe('4 weeks done (usually 2–6); symptoms down from 6 to 2.5');
  });
});
