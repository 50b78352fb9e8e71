import { describe, expect, it } from 'vitest';
import {
  applyOutcome,
  baselineWindow,
  type ChallengeSet,
  challengeSlot,
  createSchedule,
  currentChallenge,
  pauseSchedule,
  reorderChallenges,
  resumeSchedule,
  ScheduleError,
  scheduleDates,
  skipChallenges,
  weekChallenges,
} from '@/lib/reintroduction/schedule';
import { parseReintroductionSeeds } from '@/lib/reintroduction/seed-schema';
import type { PersonalList } from '@/lib/reintroduction/types';
import aipJson from '@/seeds/reintroduction/aip.json';
import lowFodmapJson from '@/seeds/reintroduction/low-fodmap.json';
import sixFoodJson from '@/seeds/reintroduction/six-food.json';

const seeds = parseReintroductionSeeds({
  aip: aipJson,
  'low-fodmap': lowFodmapJson,
  'six-food': sixFoodJson,
});
const set = (id: string): ChallengeSet => {
  const s = seeds.get(id);
  if (!s) throw new Error(id);
  return s;
};
const LF = set('low-fodmap');
const AIP = set('aip');
const EMPTY: PersonalList = { allowed: [], excluded: [] };

// 2025-03-03 is a Monday; every expected date below is counted by hand on a calendar.
const START = '2025-03-03';

describe('a new schedule', () => {
  it('runs low-FODMAP subgroups three dose days then three washout days, back to back', () => {
    const s = createSchedule('low-fodmap', LF, START);
    const d = scheduleDates(s, LF);
    expect(s.challenges.map((c) => c.id).slice(0, 3)).toEqual([
      'fructose',
      'lactose',
      'fructan-wheat',
    ]);
    expect(d.get('fructose')).toEqual({
      challenge: ['2025-03-03', '2025-03-04', '2025-03-05'],
      washout: ['2025-03-06', '2025-03-07', '2025-03-08'],
    });
    expect(d.get('lactose')?.challenge).toEqual(['2025-03-09', '2025-03-10', '2025-03-11']);
    expect(d.get('fructan-wheat')?.challenge[0]).toBe('2025-03-15');
    // eight subgroups × six days: the last washout ends 47 days after the start
    expect(d.get('mannitol')?.washout.at(-1)).toBe('2025-04-19');
    expect(currentChallenge(s)).toMatchObject({ id: 'fructose', status: 'active', startOn: START });
  });

  it('runs AIP one challenge day then six days of watching, stage 1 first', () => {
    const s = createSchedule('aip', AIP, START);
    const d = scheduleDates(s, AIP);
    expect(d.get('egg-yolks')).toEqual({
      challenge: ['2025-03-03'],
      washout: ['2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07', '2025-03-08', '2025-03-09'],
    });
    expect(d.get('seed-spices')?.challenge).toEqual(['2025-03-10']);
    const stages = s.challenges.map((c) => AIP.challenges.find((x) => x.id === c.challenge)?.stage);
    expect(stages).toEqual([...stages].sort());
  });
});

describe('skip and reorder', () => {
  it('gives a skipped challenge no dates and moves the next one up', () => {
    const s = skipChallenges(
      createSchedule('low-fodmap', LF, START),
      LF,
      ['lactose'],
      '2025-03-01',
    );
    const d = scheduleDates(s, LF);
    expect(d.get('lactose')).toBeNull();
    expect(d.get('fructan-wheat')?.challenge[0]).toBe('2025-03-09');
  });

  it('skipping the current challenge before its first day hands that day to the next', () => {
    const s = skipChallenges(
      createSchedule('low-fodmap', LF, START),
      LF,
      ['fructose'],
      '2025-03-01',
    );
    expect(currentChallenge(s)).toMatchObject({ id: 'lactose', startOn: START });
  });

  it('refuses to skip a challenge that has begun', () => {
    const s = createSchedule('low-fodmap', LF, START);
    expect(() => skipChallenges(s, LF, ['fructose'], '2025-03-04')).toThrow(ScheduleError);
  });

  it('reorders the challenges still to come', () => {
    const s = createSchedule('low-fodmap', LF, START);
    const rest = s.challenges.slice(1).map((c) => c.id);
    const order = [...rest].reverse();
    const r = reorderChallenges(s, LF, order, '2025-03-04');
    expect(r.challenges.map((c) => c.id)).toEqual(['fructose', ...order]);
    expect(scheduleDates(r, LF).get('mannitol')?.challenge[0]).toBe('2025-03-09');
    expect(() => reorderChallenges(s, LF, order.slice(1), '2025-03-04')).toThrow(/exactly once/);
  });
});

describe('outcomes', () => {
  it('tolerated: the subgroup joins the allowed list with the last dose and the dates, the next starts after the washout', () => {
    const s = createSchedule('low-fodmap', LF, START);
    const r = applyOutcome(s, LF, EMPTY, {
      challengeId: 'fructose',
      outcome: 'tolerated',
      today: '2025-03-06',
    });
    expect(r.personal.allowed).toEqual([
      {
        kind: 'group',
        code: 'fodmap-fructose',
        label: 'Fructose (honey)',
        maxDoseG: 42,
        source: { challengeId: 'fructose', from: '2025-03-03', to: '2025-03-05' },
      },
    ]);
    expect(r.state.challenges[0]).toMatchObject({
      status: 'done',
      outcome: 'tolerated',
      decidedOn: '2025-03-06',
    });
    expect(currentChallenge(r.state)).toMatchObject({ id: 'lactose', startOn: '2025-03-09' });
  });

  it('a late decision starts the next challenge on the day it is made', () => {
    const s = createSchedule('low-fodmap', LF, START);
    const r = applyOutcome(s, LF, EMPTY, {
      challengeId: 'fructose',
      outcome: 'tolerated',
      maxDoseG: 21,
      today: '2025-03-12',
    });
    expect(r.personal.allowed[0]?.maxDoseG).toBe(21);
    expect(currentChallenge(r.state)?.startOn).toBe('2025-03-12');
  });

  it('reacted: the scope joins the excluded list and leaves the allowed one', () => {
    const before: PersonalList = {
      allowed: [{ kind: 'group', code: 'fodmap-fructose', maxDoseG: 7, source: null }],
      excluded: [],
    };
    const s = createSchedule('low-fodmap', LF, START);
    const r = applyOutcome(s, LF, before, {
      challengeId: 'fructose',
      outcome: 'reacted',
      today: '2025-03-06',
    });
    expect(r.personal.allowed).toEqual([]);
    expect(r.personal.excluded.map((e) => [e.kind, e.code, e.maxDoseG])).toEqual([
      ['group', 'fodmap-fructose', null],
    ]);
  });

  it('reacted to egg yolks: whole eggs hold the yolk, so eggs stay out too, even after egg whites agree', () => {
    const s = createSchedule('aip', AIP, START);
    const r = applyOutcome(s, AIP, EMPTY, {
      challengeId: 'egg-yolks',
      outcome: 'reacted',
      today: '2025-03-04',
    });
    expect(r.personal.excluded.map((e) => e.code)).toEqual(['egg-yolk', 'egg']);
    // the egg-white challenge comes later; a tolerated result cannot bring whole eggs back
    const whites = r.state.challenges.find((c) => c.challenge === 'egg-whites');
    const order = [
      'egg-whites',
      ...r.state.challenges
        .filter((c) => c.status !== 'done' && c.id !== 'egg-whites')
        .map((c) => c.id),
    ];
    const moved = reorderChallenges(r.state, AIP, order, '2025-03-04');
    expect(whites && currentChallenge(moved)?.id).toBe('egg-whites');
    const later = applyOutcome(moved, AIP, r.personal, {
      challengeId: 'egg-whites',
      outcome: 'tolerated',
      today: '2025-03-20',
    });
    expect(later.personal.allowed).toEqual([]);
    expect(later.personal.excluded.map((e) => e.code)).toEqual(['egg-yolk', 'egg']);
  });

  it('an outcome confirmed before the last dose day ends the doses that day; the washout follows', () => {
    const s = createSchedule('low-fodmap', LF, START);
    // clear symptoms after the second honey dose (Tuesday 4 March)
    const r = applyOutcome(s, LF, EMPTY, {
      challengeId: 'fructose',
      outcome: 'reacted',
      today: '2025-03-04',
    });
    expect(scheduleDates(r.state, LF).get('fructose')).toEqual({
      challenge: ['2025-03-03', '2025-03-04'],
      washout: ['2025-03-05', '2025-03-06', '2025-03-07'],
    });
    expect(currentChallenge(r.state)).toMatchObject({ id: 'lactose', startOn: '2025-03-08' });
    // tolerated after the first dose only: the largest dose eaten is the first, 1 tsp (7 g)
    const t = applyOutcome(s, LF, EMPTY, {
      challengeId: 'fructose',
      outcome: 'tolerated',
      today: '2025-03-03',
    });
    expect(t.personal.allowed.map((e) => [e.code, e.maxDoseG, e.source?.to])).toEqual([
      ['fodmap-fructose', 7, '2025-03-03'],
    ]);
  });

  it('unclear: a retest of the same challenge follows the washout, and the rest moves back', () => {
    const s = createSchedule('low-fodmap', LF, START);
    const r = applyOutcome(s, LF, EMPTY, {
      challengeId: 'fructose',
      outcome: 'unclear',
      today: '2025-03-06',
    });
    expect(r.personal).toEqual(EMPTY);
    expect(r.state.challenges.slice(0, 3).map((c) => c.id)).toEqual([
      'fructose',
      'fructose-2',
      'lactose',
    ]);
    const d = scheduleDates(r.state, LF);
    expect(d.get('fructose-2')?.challenge[0]).toBe('2025-03-09');
    expect(d.get('lactose')?.challenge[0]).toBe('2025-03-15');
    const again = applyOutcome(r.state, LF, EMPTY, {
      challengeId: 'fructose-2',
      outcome: 'unclear',
      today: '2025-03-12',
    });
    expect(again.state.challenges.map((c) => c.id)).toContain('fructose-3');
  });

  it('refuses an outcome for a challenge that is not current or has not begun', () => {
    const s = createSchedule('low-fodmap', LF, START);
    expect(() =>
      applyOutcome(s, LF, EMPTY, {
        challengeId: 'lactose',
        outcome: 'tolerated',
        today: '2025-03-20',
      }),
    ).toThrow(/not the current/);
    expect(() =>
      applyOutcome(s, LF, EMPTY, {
        challengeId: 'fructose',
        outcome: 'tolerated',
        today: '2025-03-02',
      }),
    ).toThrow(/not been run/);
    expect(() =>
      applyOutcome(s, LF, EMPTY, {
        challengeId: 'nope',
        outcome: 'tolerated',
        today: '2025-03-20',
      }),
    ).toThrow(/no challenge/);
  });

  it('a clinician-led protocol records any open challenge, in any order, without dates', () => {
    const six = set('six-food');
    const s = createSchedule('six-food', six, START);
    const r = applyOutcome(s, six, EMPTY, {
      challengeId: 'egg',
      outcome: 'tolerated',
      today: '2025-05-01',
    });
    expect(r.personal.allowed.map((e) => e.code)).toEqual(['egg']);
    expect(scheduleDates(r.state, six).get('milk')).toBeNull();
    expect(weekChallenges(r.state, six, START, ['breakfast'])).toEqual({
      challenges: {},
      washout: [],
    });
  });
});

describe('pause and resume', () => {
  it('a pause drops every day from its date; resuming starts the current challenge that day', () => {
    const s = applyOutcome(createSchedule('low-fodmap', LF, START), LF, EMPTY, {
      challengeId: 'fructose',
      outcome: 'tolerated',
      today: '2025-03-06',
    }).state;
    const paused = pauseSchedule(s, '2025-03-07');
    expect(scheduleDates(paused, LF).get('lactose')).toBeNull();
    const week = weekChallenges(paused, LF, START, ['breakfast', 'lunch', 'dinner']);
    expect(Object.keys(week.challenges)).toEqual(['2025-03-03', '2025-03-04', '2025-03-05']);
    expect(week.washout).toEqual(['2025-03-06']);
    const resumed = resumeSchedule(paused, LF, '2025-03-20');
    expect(currentChallenge(resumed)).toMatchObject({ id: 'lactose', startOn: '2025-03-20' });
    expect(scheduleDates(resumed, LF).get('fructan-wheat')?.challenge[0]).toBe('2025-03-26');
  });
});

describe('a week of challenges', () => {
  it('puts each day’s dose on the challenge meal and marks the washout days', () => {
    const s = createSchedule('low-fodmap', LF, START);
    const week = weekChallenges(s, LF, START, ['breakfast', 'lunch', 'dinner']);
    expect(week.challenges['2025-03-04']).toEqual({
      challengeId: 'fructose',
      food: 'Fructose (honey)',
      ndb: '19296',
      doseG: 21,
      words: '1 tbsp honey',
      day: 2,
      days: 3,
      slot: 'breakfast',
    });
    expect(week.washout).toEqual(['2025-03-06', '2025-03-07', '2025-03-08']);
    expect(Object.keys(week.challenges)).toEqual([
      '2025-03-03',
      '2025-03-04',
      '2025-03-05',
      '2025-03-09',
    ]);
  });

  it('moves the add-on to the nearest meal the profile plans', () => {
    expect(challengeSlot('breakfast', ['lunch', 'dinner'])).toBe('lunch');
    expect(challengeSlot('snack', ['breakfast', 'dinner'])).toBe('dinner');
    expect(challengeSlot('dinner', ['dinner'])).toBe('dinner');
  });
});

describe('baseline window', () => {
  it('is the three days before the first challenge, and the washout after an earlier one', () => {
    const s = createSchedule('low-fodmap', LF, START);
    expect(baselineWindow(s, LF, 'fructose')).toEqual({ from: '2025-02-28', to: '2025-03-02' });
    expect(baselineWindow(s, LF, 'lactose')).toEqual({ from: '2025-03-06', to: '2025-03-08' });
    const aip = createSchedule('aip', AIP, START);
    // egg yolks on 03-03 are judged through 03-05; the baseline for 03-10 is 03-07 to 03-09
    expect(baselineWindow(aip, AIP, 'seed-spices')).toEqual({
      from: '2025-03-07',
      to: '2025-03-09',
    });
  });
});
