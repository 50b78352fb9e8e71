import type { z } from 'zod';
import type { Symptoms } from '@/lib/journal/schema';
import { type ChallengeDefinition, challengeDefinitionSchema } from '@/lib/reintroduction/types';
import type { ClinicianReportInput } from '@/lib/report/clinician';

/**
 * A hand-made low-FODMAP reintroduction: elimination from Nov 2, lactose (three doses) from
 * Nov 9, fructose (one dose) from Nov 16, mannitol still pending. The expected numbers of the
 * tests are worked out by hand from these rows, in the comments beside them.
 */
const quiet: Symptoms = {
  bloating: 0,
  pain: 0,
  stool: 4,
  fatigue: 2,
  joints: 1,
  skin: 0,
  brainFog: 0,
  headache: 0,
  sleep: 0,
};
const day = (date: string, change: Partial<Symptoms>, note: string | null = null) => ({
  date,
  symptoms: { ...quiet, ...change },
  note,
  meals: [],
});

export const ENTRIES = [
  // elimination, before lactose's baseline
  day('2026-11-03', { bloating: 5, pain: 4 }),
  // lactose baseline (the three days before Nov 9): bloating 1, 2, 3 (mean 2); stool 4, 4, 5
  // (type 4.3, distance ⅓); fatigue 2, 2, 2; joints 1, 1, 2 (mean 1.33)
  day('2026-11-06', { bloating: 1 }),
  day('2026-11-07', { bloating: 2 }),
  day('2026-11-08', { bloating: 3, stool: 5, joints: 2 }),
  // lactose window (the dose days Nov 9–11): bloating up to 6, pain up to 3, stool up to
  // type 7, fatigue up to 3, joints up to 2
  day('2026-11-09', { bloating: 2 }),
  day('2026-11-10', { bloating: 5, pain: 1, stool: 6 }, 'after milk at lunch, "gurgly"'),
  day('2026-11-11', { bloating: 6, pain: 3, stool: 7, fatigue: 3, joints: 2 }),
  // the day after lactose's window: neither its window nor fructose's baseline
  day('2026-11-12', { bloating: 4, stool: 5 }),
  // fructose baseline (Nov 13–15): bloating 2, 1 (mean 1.5)
  day('2026-11-14', { bloating: 2 }),
  day('2026-11-15', { bloating: 1, stool: null }, '=felt fine'),
  // fructose window (Nov 16, watched to Nov 18): bloating 2, 2; nothing rises a point
  day('2026-11-16', { bloating: 2 }),
  day('2026-11-17', { bloating: 2 }),
];

export const DEFINITIONS: ChallengeDefinition[] = (
  [
    {
      id: 'lactose',
      stage: 1,
      label: 'Lactose (milk)',
      food: { ndb: '01077', name: 'Milk, whole' },
      subgroup: 'fodmap-lactose',
      doses: [
        { grams: 60, words: '¼ cup milk' },
        { grams: 120, words: '½ cup milk' },
        { grams: 240, words: '1 cup milk' },
      ],
      washoutDays: 3,
      slot: 'breakfast',
      scope: { groups: ['fodmap-lactose'], concepts: [], foods: [] },
    },
    {
      id: 'fructose',
      stage: 1,
      label: 'Fructose (honey)',
      food: { ndb: '19296', name: 'Honey' },
      subgroup: 'fodmap-fructose',
      doses: [{ grams: 7, words: '1 tsp honey' }],
      washoutDays: 3,
      slot: 'breakfast',
      scope: { groups: ['fodmap-fructose'], concepts: [], foods: [] },
    },
    {
      id: 'mannitol',
      stage: 1,
      label: 'Mannitol (mushrooms)',
      food: { ndb: '11260', name: 'Mushrooms, white, raw' },
      subgroup: 'fodmap-mannitol',
      doses: [{ grams: 20, words: '¼ cup mushrooms' }],
      washoutDays: 3,
      slot: 'dinner',
      scope: { groups: ['fodmap-mannitol'], concepts: [], foods: [] },
    },
  ] satisfies z.input<typeof challengeDefinitionSchema>[]
).map((d) => challengeDefinitionSchema.parse(d));

export const INPUT: ClinicianReportInput = {
  today: '2026-11-20',
  profile: {
    id: 7,
    name: 'Ada | test',
    protocol: 'low-fodmap',
    phase: 'reintroduction',
    phaseStartedOn: '2026-11-02',
  },
  protocol: {
    id: 'low-fodmap',
    name: 'Low-FODMAP',
    phases: [
      { id: 'elimination', name: 'Elimination', durationWeeks: { min: 2, max: 6 } },
      { id: 'reintroduction', name: 'Reintroduction', durationWeeks: { min: 6, max: 8 } },
    ],
  },
  entries: ENTRIES,
  reintroduction: {
    protocol: 'low-fodmap',
    startedOn: '2026-11-09',
    pausedOn: null,
    challenges: [
      {
        id: 'lactose',
        challenge: 'lactose',
        status: 'done',
        startOn: '2026-11-09',
        outcome: 'reacted',
        maxDoseG: 60,
        decidedOn: '2026-11-14',
      },
      {
        id: 'fructose',
        challenge: 'fructose',
        status: 'done',
        startOn: '2026-11-16',
        outcome: 'tolerated',
        maxDoseG: 7,
        decidedOn: '2026-11-19',
      },
      {
        id: 'mannitol',
        challenge: 'mannitol',
        status: 'pending',
        startOn: null,
        outcome: null,
        maxDoseG: null,
        decidedOn: null,
      },
    ],
  },
  challengeSet: { clinicianLed: false, challenges: DEFINITIONS },
  personal: {
    allowed: [
      {
        kind: 'group',
        code: 'fodmap-fructose',
        label: 'Fructose',
        maxDoseG: 7,
        source: { challengeId: 'fructose', from: '2026-11-16', to: '2026-11-16' },
      },
    ],
    excluded: [
      {
        kind: 'group',
        code: 'fodmap-lactose',
        label: 'Lactose',
        maxDoseG: null,
        source: { challengeId: 'lactose', from: '2026-11-09', to: '2026-11-11' },
      },
      { kind: 'concept', code: 'garlic', label: 'Garlic', maxDoseG: null, source: null },
    ],
  },
  meals: null,
  nutrition: [
    {
      planId: 12,
      weekStart: '2026-11-09',
      findings: [
        {
          nutrient: 'calciumMg',
          status: 'low',
          message: 'Calcium is low this week.',
          meals: [],
          suggestions: [],
        },
        {
          nutrient: 'ironMg',
          status: 'ok',
          message: 'Iron meets its target.',
          meals: [],
          suggestions: [],
        },
      ],
      weekAverage: {
        calciumMg: { amount: 612.34, unit: 'mg', knownShare: 1 },
        ironMg: { amount: 14, unit: 'mg', knownShare: 1 },
      },
      targets: {
        calciumMg: { amount: 1000, unit: 'mg', source: 'default', basis: 'RDA' },
        ironMg: { amount: 8, unit: 'mg', source: 'default', basis: 'RDA' },
      },
    },
    {
      planId: 11,
      weekStart: '2026-11-02',
      findings: [
        {
          nutrient: 'ironMg',
          status: 'ok',
          message: 'Iron meets its target.',
          meals: [],
          suggestions: [],
        },
      ],
      weekAverage: { ironMg: { amount: 12, unit: 'mg', knownShare: 1 } },
      targets: { ironMg: { amount: 8, unit: 'mg', source: 'default', basis: 'RDA' } },
    },
  ],
};
