import { z } from 'zod';
import { MEAL_TYPES } from '../foods/codes';
import { isoDate } from '../validation/plans';

/**
 * The shapes reintroduction shares between the seed data, the stored schedule, the planner and
 * the clinician report. Behaviour lives next to each use (schedule.ts, the planner, the report).
 */

const slug = z.string().regex(/^[a-z0-9-]+$/, 'an id of lowercase letters, digits and dashes');
const ndb = z.string().regex(/^\d{5}$/, 'a 5-digit NDB number');

/**
 * What a tolerated (or reacted) challenge brings back (or keeps out): tag group codes of the
 * food database (lib/foods/codes GROUP_CODES, FODMAP subgroups such as "fodmap-lactose"
 * included), food concepts of seeds/food-concepts.json ("garlic": every garlic food) and single
 * foods. The planner's restriction works on these three.
 */
export const foodScopeSchema = z.strictObject({
  groups: z.array(z.string()).default([]),
  concepts: z.array(z.string()).default([]),
  foods: z.array(ndb).default([]),
});
export type FoodScope = z.output<typeof foodScopeSchema>;

/** One day's amount of the challenge food: grams per person, and the words a cook uses. */
export const challengeDoseSchema = z.strictObject({
  grams: z.number().positive(),
  words: z.string().min(1),
});
export type ChallengeDose = z.output<typeof challengeDoseSchema>;

/**
 * One challenge of a protocol's reintroduction, as seeds/reintroduction/<protocol>.json holds
 * it: a food (AIP, gut reset) or a FODMAP subgroup tested with one food (low-FODMAP), one dose
 * per challenge day, then washout days on the elimination background.
 */
export const challengeDefinitionSchema = z.strictObject({
  id: slug,
  /** AIP stage 1–4; 1 where a protocol has no stages. */
  stage: z.number().int().min(1).max(4),
  /** "Egg yolks", "Lactose (milk)". */
  label: z.string().min(1),
  /** The food eaten on challenge days (its USDA food). */
  food: z.strictObject({ ndb, name: z.string().min(1) }),
  /** The FODMAP subgroup tested (low-FODMAP only), e.g. "fodmap-lactose". */
  subgroup: z.string().nullable().default(null),
  doses: z.array(challengeDoseSchema).min(1).max(3),
  washoutDays: z.number().int().min(1).max(14),
  /** The meal the add-on goes with ("add 1 tbsp honey to breakfast"). */
  slot: z.enum(MEAL_TYPES),
  /** What comes back to the plans when tolerated, what stays out when reacted. */
  scope: foodScopeSchema,
  /**
   * What else stays out after a reaction: the foods that contain the tested one (a whole egg
   * holds the yolk; butter and milk hold what ghee is made of). A tolerated challenge never
   * brings these back: they were not tested.
   */
  reactedAlso: foodScopeSchema.default({ groups: [], concepts: [], foods: [] }),
  note: z.string().optional(),
});
export type ChallengeDefinition = z.output<typeof challengeDefinitionSchema>;

export const OUTCOMES = ['tolerated', 'reacted', 'unclear'] as const;
export type ChallengeOutcome = (typeof OUTCOMES)[number];

export const CHALLENGE_STATUSES = ['pending', 'active', 'done', 'skipped'] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number];

/**
 * One challenge in a person's schedule, as stored (table `reintroductions`, column `state`).
 * `id` is unique within the schedule ("lactose", and "lactose-2" when an unclear result is
 * retested); `challenge` names the definition. Dates of pending challenges are derived, not
 * stored: only what happened is.
 */
export const scheduledChallengeSchema = z.object({
  id: slug,
  challenge: slug,
  status: z.enum(CHALLENGE_STATUSES),
  /** First challenge day, set when the challenge becomes the current one. */
  startOn: isoDate('startOn').nullable().default(null),
  outcome: z.enum(OUTCOMES).nullable().default(null),
  /** Largest dose eaten without a reaction, grams per person. */
  maxDoseG: z.number().positive().nullable().default(null),
  decidedOn: isoDate('decidedOn').nullable().default(null),
});
export type ScheduledChallenge = z.output<typeof scheduledChallengeSchema>;

/** A person's reintroduction: when it began, whether it is paused, and the challenges in order. */
export const reintroductionStateSchema = z.object({
  protocol: slug,
  startedOn: isoDate('startedOn'),
  /** Set while paused: no challenge is planned from this day on. */
  pausedOn: isoDate('pausedOn').nullable().default(null),
  challenges: z.array(scheduledChallengeSchema),
});
export type ReintroductionState = z.output<typeof reintroductionStateSchema>;

/**
 * One entry of the personal food list (profile field `personal`): a food, concept or group the
 * person tolerates (`allowed`, with the largest dose tested) or keeps out (`excluded`). `source`
 * says where it came from: a challenge with its dates, or null when added by hand.
 */
export const personalEntrySchema = z.strictObject({
  kind: z.enum(['group', 'concept', 'food']),
  /** Group code, concept id or NDB number, by `kind`. */
  code: z.string().min(1).max(40),
  label: z.string().max(120).optional(),
  maxDoseG: z.number().positive().max(2000).nullable().default(null),
  source: z
    .strictObject({
      challengeId: slug,
      from: isoDate('source.from'),
      to: isoDate('source.to'),
    })
    .nullable()
    .default(null),
  note: z.string().max(500).optional(),
});
export type PersonalEntry = z.output<typeof personalEntrySchema>;

export const personalListSchema = z.strictObject({
  allowed: z.array(personalEntrySchema).max(200).default([]),
  excluded: z.array(personalEntrySchema).max(200).default([]),
});
export type PersonalList = z.output<typeof personalListSchema>;

/**
 * A challenge meal of a planned week: on challenge day `day` (1-based) the meal in `slot`
 * carries the challenge food at `doseG` grams per person. Plans copy this onto the meal as
 * `challenge: { challengeId, food, doseG, day }` (plus the extra fields).
 */
export type ChallengeMeal = {
  challengeId: string;
  /** The challenge food's name, as the plan shows it. */
  food: string;
  ndb: string;
  doseG: number;
  /** "1 tbsp honey". */
  words: string;
  day: number;
  /** How many challenge days the challenge has ("day 2 of 3"). */
  days?: number;
  slot: (typeof MEAL_TYPES)[number];
};

/** A week's reintroduction calendar: the challenge meal of each date, and the washout dates. */
export type WeekChallenges = {
  /** Date (YYYY-MM-DD) → that day's challenge meal. Dates without a challenge are absent. */
  challenges: Record<string, ChallengeMeal>;
  washout: string[];
};

export const NO_CHALLENGES: WeekChallenges = { challenges: {}, washout: [] };
