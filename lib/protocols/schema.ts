import { z } from 'zod';
import { ALLERGEN_CODES, GROUP_CODES } from '../foods/codes';

const groupCode = z.enum(GROUP_CODES);
const allergenCode = z.enum(ALLERGEN_CODES);

/** A protocol exception: foods tagged `code` (with certainty `contains`) are excused from `excuses`. */
export const allowRuleSchema = z
  .object({
    code: groupCode,
    excuses: z.array(groupCode).min(1),
    note: z.string().min(1),
  })
  .strict();

/**
 * A most-per-meal amount of the foods carrying `code`, grams per person, e.g. AIP stage 2's
 * "alcohol in cooking amounts": the foods may be in a dish, not served as a drink.
 */
export const ingredientLimitSchema = z
  .object({
    code: groupCode,
    maxGramsPerMeal: z.number().positive(),
    /** Plain words shown when the limit leaves a recipe out. */
    note: z.string().min(1),
  })
  .strict();

/** A per-person, per-day upper limit, e.g. AIP's fructose under about 20 g a day. */
export const dailyCapSchema = z
  .object({
    nutrient: z.enum(['fructoseG']),
    max: z.number().positive(),
    /** Plain words shown when the cap blocks a meal. */
    note: z.string().min(1),
  })
  .strict();

const protocolId = z.string().regex(/^[a-z0-9-]+$/);

/**
 * Exclusions a phase lifts for some diets, as the protocol itself defines them: the Plant-Based
 * Whole30 lets people who eat no meat or fish have legumes and soy. The restriction built for a
 * listed diet drops the phase's group rules for `allow`; for every other diet they stay.
 */
export const dietExceptionSchema = z
  .object({
    /** Ids of diet files (kind "diet"), checked against the loaded files. */
    diets: z.array(protocolId).min(1),
    /** Group codes of this phase's `exclude` that the listed diets may eat. */
    allow: z.array(groupCode).min(1),
    /** Plain words shown with the rule, e.g. on a recipe's compliance row. */
    reason: z.string().min(1),
    /** Where the exception is published. */
    source: z.string().min(1),
  })
  .strict();

/**
 * Phases that cannot be combined with some diets by definition, e.g. AIP elimination with a
 * vegetarian or vegan diet: no complete protein source is left. Such a profile gets `reason`
 * instead of a plan.
 */
export const impossibleDietSchema = z
  .object({
    diets: z.array(protocolId).min(1),
    /** Ids of this protocol's phases. */
    phases: z.array(protocolId).min(1),
    /** Plain, neutral words; any advice goes no further than seeing a clinician. */
    reason: z.string().min(1),
    source: z.string().min(1).optional(),
  })
  .strict();

export const phaseSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(1),
    summary: z.string().min(1),
    /** Usual length in weeks; null max = open-ended (maintenance, personalisation). */
    durationWeeks: z
      .object({ min: z.number().nonnegative(), max: z.number().positive().nullable() })
      .strict()
      .refine((d) => d.max === null || d.max >= d.min, { message: 'max is below min' }),
    exclude: z.array(groupCode),
    /**
     * Allergen codes the phase also leaves out. Needed where group codes are too coarse:
     * the six-food diet removes peanuts but not other legumes, and only `peanut` says that.
     */
    excludeAllergens: z.array(allergenCode).default([]),
    allow: z.array(allowRuleSchema).default([]),
    /** What returns in this phase compared with the previous one, in plain words. */
    reintroduces: z.array(z.string()).default([]),
    /** Food challenges in this phase happen only under a clinician; the app never schedules them. */
    requiresClinician: z.boolean().default(false),
    /**
     * Recipes marked `treat` (pancakes, cookies, muffins… even of compliant foods) are not in
     * this phase: Whole30's pancake rule.
     */
    excludeTreats: z.boolean().default(false),
    /** Per-person, per-day nutrient limits the planner holds as hard rules. */
    dailyCaps: z.array(dailyCapSchema).default([]),
    /** Foods allowed only up to an amount per meal (see `ingredientLimitSchema`). */
    ingredientLimits: z.array(ingredientLimitSchema).default([]),
    /**
     * FODMAP rules of this phase are dose-aware: a food with a green (low-FODMAP) serve is not
     * left out; the planner keeps it within that serve per person per meal, with stacking.
     */
    fodmapDoses: z.boolean().default(false),
    /** Exclusions lifted for some diets (see `dietExceptionSchema`). */
    dietExceptions: z.array(dietExceptionSchema).default([]),
  })
  .strict();

export const protocolSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    kind: z.enum(['protocol', 'diet']),
    name: z.string().min(1),
    /** Short label used in reasons, e.g. "AIP" in "not in AIP · Elimination"; defaults to `name`. */
    shortName: z.string().min(1).optional(),
    summary: z.string().min(1),
    /** Plain-language sections for the /protocols page. */
    whatIsOut: z.array(z.string()).min(1),
    whatIsIn: z.array(z.string()).min(1),
    /**
     * The foods each `whatIsIn` line promises, line by line (same length): NDB numbers, or a
     * search term where a line names a kind of food. A test resolves every entry to a food in the
     * database that fits the first phase, so the text never promises what the data lacks.
     */
    whatIsInFoods: z
      .array(z.array(z.union([z.string().regex(/^\d{5}$/), z.string().regex(/\D/).min(3)])).min(1))
      .optional(),
    howLong: z.string().min(1),
    talkToClinician: z.array(z.string()).min(1),
    evidence: z.string().min(1),
    ruleSetVersion: z.string().min(1),
    sources: z.array(z.string()).default([]),
    phases: z.array(phaseSchema).min(1),
    /** Phase and diet combinations that cannot make a week (see `impossibleDietSchema`). */
    impossibleDiets: z.array(impossibleDietSchema).default([]),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.phases[0]?.id !== 'elimination' && p.kind === 'protocol') {
      ctx.addIssue({
        code: 'custom',
        path: ['phases', 0, 'id'],
        message: 'first phase must be "elimination"',
      });
    }
    if (p.kind === 'diet' && (p.phases.length !== 1 || p.phases[0]?.id !== 'default')) {
      ctx.addIssue({
        code: 'custom',
        path: ['phases'],
        message: 'a diet has exactly one phase, with id "default"',
      });
    }
    if (p.whatIsInFoods && p.whatIsInFoods.length !== p.whatIsIn.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['whatIsInFoods'],
        message: `one list of foods per whatIsIn line (${p.whatIsIn.length}), got ${p.whatIsInFoods.length}`,
      });
    }
    const ids = new Set<string>();
    p.phases.forEach((ph, i) => {
      if (ids.has(ph.id))
        ctx.addIssue({
          code: 'custom',
          path: ['phases', i, 'id'],
          message: `duplicate phase ${ph.id}`,
        });
      ids.add(ph.id);
      ph.dietExceptions.forEach((e, j) => {
        const notExcluded = e.allow.filter((code) => !ph.exclude.includes(code));
        if (notExcluded.length > 0)
          ctx.addIssue({
            code: 'custom',
            path: ['phases', i, 'dietExceptions', j, 'allow'],
            message: `${notExcluded.join(', ')} not in this phase's exclude: nothing to lift`,
          });
      });
    });
    if (p.kind === 'diet' && p.phases.some((ph) => ph.dietExceptions.length > 0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['phases'],
        message: 'diet exceptions belong to protocols, not diets',
      });
    }
    if (p.kind === 'diet' && p.impossibleDiets.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['impossibleDiets'],
        message: 'impossible diets belong to protocols, not diets',
      });
    }
    p.impossibleDiets.forEach((x, i) => {
      const unknown = x.phases.filter((id) => !ids.has(id));
      if (unknown.length > 0)
        ctx.addIssue({
          code: 'custom',
          path: ['impossibleDiets', i, 'phases'],
          message: `unknown phase ${unknown.join(', ')}`,
        });
    });
  });

/**
 * Problems across protocol files: every diet a protocol names in `dietExceptions` or
 * `impossibleDiets` must be a loaded file of kind "diet". Empty when all is well.
 */
export function crossFileProblems(protocols: Protocol[]): string[] {
  const diets = new Set(protocols.filter((p) => p.kind === 'diet').map((p) => p.id));
  const problems: string[] = [];
  for (const p of protocols) {
    const named = [
      ...p.phases.flatMap((ph) =>
        ph.dietExceptions.flatMap((e, j) =>
          e.diets.map((d) => ({ d, where: `phases.${ph.id}.dietExceptions.${j}` })),
        ),
      ),
      ...p.impossibleDiets.flatMap((x, i) =>
        x.diets.map((d) => ({ d, where: `impossibleDiets.${i}` })),
      ),
    ];
    for (const { d, where } of named) {
      if (!diets.has(d)) problems.push(`${p.id}.json: ${where}: "${d}" is not a diet`);
    }
  }
  return problems;
}

export type AllowRule = z.infer<typeof allowRuleSchema>;
export type DietException = z.infer<typeof dietExceptionSchema>;
export type ImpossibleDiet = z.infer<typeof impossibleDietSchema>;
export type DailyCap = z.infer<typeof dailyCapSchema>;
export type Phase = z.infer<typeof phaseSchema>;
export type Protocol = z.infer<typeof protocolSchema>;
/** A protocol as written in a seed file, before defaults are applied. */
export type ProtocolInput = z.input<typeof protocolSchema>;
