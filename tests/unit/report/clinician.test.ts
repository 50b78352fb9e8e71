import { describe, expect, it } from 'vitest';
import { outcomeWindow } from '@/lib/report/challenge-dates';
import { buildClinicianReport, symptomMoves } from '@/lib/report/clinician';
import { mondayOn, symptomTrends } from '@/lib/report/symptom-trends';
import { datesText } from '@/lib/report/words';
import { ENTRIES, INPUT } from './fixture';

const report = buildClinicianReport(INPUT);
const challenge = (id: string) => {
  const c = report.challenges.find((x) => x.id === id);
  if (!c) throw new Error(`no challenge ${id}`);
  return c;
};

describe('outcomeWindow', () => {
  it('is the dose days, or the first day and the two after it when that is longer', () => {
    expect(outcomeWindow(['2026-12-30', '2026-12-31', '2027-01-01'])).toEqual({
      from: '2026-12-30',
      to: '2027-01-01',
    });
    expect(outcomeWindow(['2026-11-16'])).toEqual({ from: '2026-11-16', to: '2026-11-18' });
    expect(outcomeWindow([])).toBeNull();
  });
});

describe('buildClinicianReport', () => {
  it('gives the protocol, the phase with its usual length, and the reintroduction start', () => {
    expect(report.protocol).toEqual({
      id: 'low-fodmap',
      name: 'Low-FODMAP',
      phase: {
        id: 'reintroduction',
        name: 'Reintroduction',
        startedOn: '2026-11-02',
        // Nov 2 → Nov 20 is 18 days: 2 whole weeks
        weeksDone: 2,
        usualWeeks: { min: 6, max: 8 },
        // 42 and 56 days after Nov 2
        usualEnd: { earliest: '2026-12-14', latest: '2026-12-28' },
      },
    });
    expect(report.reintroduction).toEqual({
      startedOn: '2026-11-09',
      pausedOn: null,
      clinicianLed: false,
    });
  });

  it('lists each challenge with doses, dates and the symptoms that rose over baseline', () => {
    const lactose = challenge('lactose');
    expect(lactose.label).toBe('Lactose (milk)');
    expect(lactose.doses.map((d) => d.grams)).toEqual([60, 120, 240]);
    expect(lactose.dates).toEqual(['2026-11-09', '2026-11-10', '2026-11-11']);
    expect(lactose.window).toEqual({ from: '2026-11-09', to: '2026-11-11' });
    expect(lactose.baseline).toEqual({ from: '2026-11-06', to: '2026-11-08', logged: 3 });
    expect(lactose.loggedInWindow).toBe(3);
    expect(lactose.moved).toEqual([
      // baseline 1, 2, 3 → mean 2; worst day 6
      { symptom: 'bloating', label: 'Bloating / gas', baselineMean: 2, windowMax: 6, rise: 4 },
      { symptom: 'pain', label: 'Abdominal pain', baselineMean: 0, windowMax: 3, rise: 3 },
      // types 4, 4, 5 → mean 4.3, ⅓ from type 4 on average; type 7 is 3 away: rise 2⅔
      { symptom: 'stool', label: 'Stool form', baselineMean: 4.3, windowMax: 7, rise: 2.7 },
      // 2, 2, 2 → 3: exactly one point, which counts
      { symptom: 'fatigue', label: 'Fatigue', baselineMean: 2, windowMax: 3, rise: 1 },
      // joints 1, 1, 2 → 2 rose only ⅔ of a point: not listed
    ]);
    expect(lactose.outcome).toBe('reacted');
    expect(lactose.decidedOn).toBe('2026-11-14');
  });

  it('judges the second challenge against its own washout days, not the first challenge', () => {
    const fructose = challenge('fructose');
    expect(fructose.dates).toEqual(['2026-11-16']);
    expect(fructose.window).toEqual({ from: '2026-11-16', to: '2026-11-18' });
    // the three days before, all after lactose's window; Nov 13 has no entry
    expect(fructose.baseline).toEqual({ from: '2026-11-13', to: '2026-11-15', logged: 2 });
    // bloating 2, 1 (mean 1.5) against 2, 2: half a point, so nothing moved
    expect(fructose.moved).toEqual([]);
    expect(fructose.outcome).toBe('tolerated');
    expect(fructose.maxDoseG).toBe(7);
  });

  it('dates only what has begun: a pending challenge has its definition but no dates yet', () => {
    const mannitol = challenge('mannitol');
    expect(mannitol).toMatchObject({
      label: 'Mannitol (mushrooms)',
      food: 'Mushrooms, white, raw',
      dates: [],
      window: null,
      baseline: null,
      moved: [],
      status: 'pending',
    });
    expect(mannitol.doses.map((d) => d.grams)).toEqual([20]);
    expect(datesText(mannitol)).toBe('not started');
  });

  it('gives no days for a clinician-led protocol, where the clinician sets them', () => {
    const led = buildClinicianReport({
      ...INPUT,
      challengeSet: { clinicianLed: true, challenges: INPUT.challengeSet?.challenges ?? [] },
    });
    expect(led.reintroduction?.clinicianLed).toBe(true);
    const lactose = led.challenges[0];
    expect(lactose).toMatchObject({ dates: [], window: null, moved: [], outcome: 'reacted' });
    expect(lactose && datesText(lactose)).toBe('not recorded');
    expect(led.trends.periods).toEqual([]);
  });

  it('says where each personal list entry came from', () => {
    expect(report.personal.allowed.map((e) => e.sourceText)).toEqual([
      'Challenge Fructose (honey), 2026-11-16 to 2026-11-16',
    ]);
    expect(report.personal.excluded.map((e) => e.sourceText)).toEqual([
      'Challenge Lactose (milk), 2026-11-09 to 2026-11-11',
      'Added by hand',
    ]);
  });

  it('reports adherence as not recorded, never 0, when no meal record exists', () => {
    expect(report.adherence).toEqual({ recorded: false, text: 'not recorded' });
    expect(buildClinicianReport({ ...INPUT, meals: { planned: 0, kept: 0 } }).adherence).toEqual({
      recorded: false,
      text: 'not recorded',
    });
    // 18 of 21: 85.7 %
    expect(buildClinicianReport({ ...INPUT, meals: { planned: 21, kept: 18 } }).adherence).toEqual({
      recorded: true,
      planned: 21,
      kept: 18,
      share: 0.857,
      text: '86 % of planned meals kept (18 of 21)',
    });
  });

  it('lists only weeks with a shortfall, oldest first, with the average against the target', () => {
    expect(report.shortfalls).toEqual([
      {
        planId: 12,
        weekStart: '2026-11-09',
        nutrients: [
          {
            nutrient: 'calciumMg',
            label: 'Calcium',
            amount: 612.3,
            target: 1000,
            unit: 'mg',
          },
        ],
      },
    ]);
  });

  it('holds every journal day, oldest first', () => {
    expect(report.journal.days).toBe(12);
    expect(report.journal.from).toBe('2026-11-03');
    expect(report.journal.to).toBe('2026-11-17');
    expect(report.journal.rows.map((r) => r.date)).toEqual([...ENTRIES.map((e) => e.date)].sort());
  });
});

describe('symptomTrends', () => {
  it('averages each symptom by Monday-to-Sunday week and marks the challenges', () => {
    expect(mondayOn('2026-11-15')).toBe('2026-11-09');
    expect(mondayOn('2026-11-16')).toBe('2026-11-16');
    const trends = report.trends;
    expect(trends.weeks).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    const bloating = trends.symptoms.find((s) => s.key === 'bloating');
    // week of Nov 2: 5, 1, 2, 3 → 2.75; of Nov 9: 2, 5, 6, 4, 2, 1 → 20 / 6
    expect(bloating?.weeks.map((w) => w.mean)).toEqual([2.8, 3.3, 2]);
    expect(bloating?.baseline).toEqual({ weekStart: '2026-11-02', mean: 2.8 });
    expect(bloating?.latest).toEqual({ weekStart: '2026-11-16', mean: 2 });
    // a day without a stool type is not a zero: 4, 6, 7, 5, 4 → 26 / 5
    const stool = trends.symptoms.find((s) => s.key === 'stool');
    expect(stool?.weeks[1]).toEqual({ weekStart: '2026-11-09', mean: 5.2, days: 5 });
    expect(trends.periods).toEqual([
      {
        id: 'lactose',
        label: 'Lactose (milk)',
        from: '2026-11-09',
        to: '2026-11-11',
        outcome: 'reacted',
      },
      {
        id: 'fructose',
        label: 'Fructose (honey)',
        from: '2026-11-16',
        to: '2026-11-16',
        outcome: 'tolerated',
      },
    ]);
  });

  it('leaves a week without entries as a gap and has no weeks without data', () => {
    const gap = symptomTrends([ENTRIES[0]!, { ...ENTRIES[0]!, date: '2026-11-18' }]);
    expect(gap.weeks).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    expect(gap.symptoms[0]?.weeks[1]).toEqual({ weekStart: '2026-11-09', mean: null, days: 0 });
    expect(symptomTrends([])).toEqual({
      weeks: [],
      symptoms: expect.arrayContaining([expect.objectContaining({ baseline: null, latest: null })]),
      periods: [],
    });
  });

  it('symptomMoves needs ratings on both sides', () => {
    const before = { from: '2026-10-01', to: '2026-10-07' };
    expect(symptomMoves(ENTRIES, before, { from: '2026-11-09', to: '2026-11-11' })).toEqual([]);
  });
});
