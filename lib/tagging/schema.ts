import { z } from 'zod';
import {
  ALLERGEN_CODES,
  CERTAINTIES,
  EVIDENCE_LEVELS,
  FOOD_GROUPS,
  GROUP_CODES,
  INFLAMMATION_CLASSES,
} from '../foods/codes';
import { NUTRIENT_KEYS, type NutrientKey } from '../foods/nutrients';

const TAG_KINDS = ['allergen', 'group'] as const;

function isValidRegex(pattern: string): boolean {
  try {
    new RegExp(pattern, 'i');
    return true;
  } catch {
    return false;
  }
}

const pattern = z
  .string()
  .min(1)
  .refine(isValidRegex, { message: 'not a valid regular expression' });

const foodGroupCode = z
  .string()
  .refine((g) => g in FOOD_GROUPS, { message: 'unknown USDA food group code' });

const ruleId = z.string().regex(/^[a-z0-9-]+$/, 'ids are lowercase kebab-case');

/** One line of neutral text: no "bad", "toxic", "safe" and the like. */
const neutralLine = z
  .string()
  .min(1)
  .refine((s) => !/\n/.test(s), { message: 'a rationale is one line' })
  .refine((s) => !/\b(bad|toxic|safe|unsafe|poison|junk|healthy|unhealthy|evil|clean)\b/i.test(s), {
    message: 'use neutral words in a rationale',
  });

/** A reference to a tag the food must (or must not) already carry. */
const tagRefSchema = z
  .object({
    kind: z.enum(TAG_KINDS),
    code: z.string(),
    /** `contains` = only a certain tag counts; `any` (default) = may-contain counts too. */
    certainty: z.enum(['contains', 'any']).default('any'),
  })
  .superRefine((ref, ctx) => checkCode(ref.kind, ref.code, ctx, ['code']));

function checkCode(
  kind: (typeof TAG_KINDS)[number],
  code: string,
  ctx: z.RefinementCtx,
  path: (string | number)[],
): void {
  const list: readonly string[] = kind === 'allergen' ? ALLERGEN_CODES : GROUP_CODES;
  if (!list.includes(code)) {
    ctx.addIssue({ code: 'custom', path, message: `unknown ${kind} code "${code}"` });
  }
}

const nutrientBoundSchema = z
  .object({
    key: z.enum(NUTRIENT_KEYS as [NutrientKey, ...NutrientKey[]]),
    /** Per 100 g, inclusive. A food with an unknown value never matches. */
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .refine((b) => b.min !== undefined || b.max !== undefined, { message: 'give min or max' });

/** What every rule (tag or inflammation) can match on. */
const matchFields = {
  /** USDA food group codes; omitted = every group. */
  foodGroups: z.array(foodGroupCode).optional(),
  excludeFoodGroups: z.array(foodGroupCode).optional(),
  /** Case-insensitive regexes over the long description and the common names; any one matches. */
  include: z.array(pattern).optional(),
  /** A food matching any of these is skipped. */
  exclude: z.array(pattern).optional(),
  /** Tags the food must already carry (all of them). */
  requires: z.array(tagRefSchema).optional(),
  /** Tags that stop the rule (any of them). */
  unless: z.array(tagRefSchema).optional(),
  nutrient: nutrientBoundSchema.optional(),
  /** Free-text design notes for maintainers (why a pattern is in or out). */
  note: z.string().optional(),
};

export const tagRuleSchema = z
  .object({
    id: ruleId,
    ...matchFields,
    allergens: z.array(z.enum(ALLERGEN_CODES)).default([]),
    tags: z.array(z.enum(GROUP_CODES)).default([]),
    /** `inherit` = the weakest certainty among the `requires` tags. */
    certainty: z.enum([...CERTAINTIES, 'inherit']),
    rationale: neutralLine,
  })
  .superRefine((rule, ctx) => {
    if (rule.allergens.length + rule.tags.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['tags'],
        message: 'a rule must emit at least one code',
      });
    }
    if (!rule.include && !rule.foodGroups && !rule.requires) {
      ctx.addIssue({
        code: 'custom',
        path: ['include'],
        message: 'a rule needs include patterns, food groups or required tags',
      });
    }
    if (rule.certainty === 'inherit' && !rule.requires?.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['certainty'],
        message: '"inherit" needs at least one required tag',
      });
    }
  });

export const tagOverrideSchema = z
  .object({
    ndb: z.string().regex(/^\d{5}$/, 'an NDB number has five digits'),
    kind: z.enum(TAG_KINDS),
    code: z.string(),
    action: z.enum(['add', 'remove']),
    certainty: z.enum(CERTAINTIES).optional(),
    reason: neutralLine,
  })
  .superRefine((o, ctx) => {
    checkCode(o.kind, o.code, ctx, ['code']);
    if (o.action === 'remove' && o.certainty) {
      ctx.addIssue({ code: 'custom', path: ['certainty'], message: 'a removal has no certainty' });
    }
  });

/**
 * A nutrient bound per typical serving of the food as eaten (grams from the `servings` table),
 * not per 100 g: 100 g of flour, raw rice or raisins is not what anyone eats in one go. A food
 * with an unknown value, or with no serving row, never matches.
 */
const perServingBoundSchema = z
  .object({
    key: z.enum(NUTRIENT_KEYS as [NutrientKey, ...NutrientKey[]]),
    /** Per serving, inclusive. */
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .refine((b) => b.min !== undefined || b.max !== undefined, { message: 'give min or max' });

/**
 * One row of the typical-serving table: the first row whose match fields fit a food gives its
 * serving in grams as eaten (FDA reference amounts where one exists).
 */
export const servingRowSchema = z
  .object({
    id: ruleId,
    ...matchFields,
    grams: z.number().positive(),
  })
  .refine((row) => row.include !== undefined || row.foodGroups !== undefined, {
    message: 'a serving row needs include patterns or food groups',
    path: ['include'],
  });

export const inflammationRuleSchema = z
  .object({
    id: ruleId,
    ...matchFields,
    nutrientPerServing: perServingBoundSchema.optional(),
    class: z.enum(INFLAMMATION_CLASSES),
    evidence: z.enum(EVIDENCE_LEVELS),
    rationale: neutralLine,
  })
  .superRefine((rule, ctx) => {
    if (
      !rule.include &&
      !rule.foodGroups &&
      !rule.requires &&
      !rule.nutrient &&
      !rule.nutrientPerServing
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['include'],
        message: 'a rule needs include patterns, food groups, required tags or a nutrient bound',
      });
    }
  });

export const inflammationOverrideSchema = z.object({
  ndb: z.string().regex(/^\d{5}$/, 'an NDB number has five digits'),
  class: z.enum(INFLAMMATION_CLASSES),
  evidence: z.enum(EVIDENCE_LEVELS),
  reason: neutralLine,
});

export const tagRulesSchema = z
  .object({
    /** Applied in order; a later rule never weakens an earlier `contains`. */
    rules: z.array(tagRuleSchema),
    overrides: z.array(tagOverrideSchema).default([]),
    inflammation: z.object({
      /** Ordered: the first matching rule wins. */
      rules: z.array(inflammationRuleSchema),
      default: z.object({
        class: z.enum(INFLAMMATION_CLASSES),
        evidence: z.enum(EVIDENCE_LEVELS),
        rationale: neutralLine,
      }),
      overrides: z.array(inflammationOverrideSchema).default([]),
      /** Ordered typical servings for `nutrientPerServing` bounds: the first matching row wins. */
      servings: z.array(servingRowSchema).default([]),
    }),
  })
  .superRefine((rules, ctx) => {
    const seen = new Map<string, string>();
    rules.rules.forEach((r, i) => {
      const where = `rules.${i}`;
      if (seen.has(r.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'id'],
          message: `duplicate rule id "${r.id}" (first at ${seen.get(r.id)})`,
        });
      }
      seen.set(r.id, where);
    });
    rules.inflammation.rules.forEach((r, i) => {
      if (seen.has(r.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['inflammation', 'rules', i, 'id'],
          message: `duplicate rule id "${r.id}" (first at ${seen.get(r.id)})`,
        });
      }
      seen.set(r.id, `inflammation.rules.${i}`);
    });
    const servingIds = new Set<string>();
    rules.inflammation.servings.forEach((row, i) => {
      if (servingIds.has(row.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['inflammation', 'servings', i, 'id'],
          message: `duplicate serving row id "${row.id}"`,
        });
      }
      servingIds.add(row.id);
    });
  });

export type TagRef = z.infer<typeof tagRefSchema>;
export type NutrientBound = z.infer<typeof nutrientBoundSchema>;
export type PerServingBound = z.infer<typeof perServingBoundSchema>;
export type ServingRow = z.infer<typeof servingRowSchema>;
export type TagRule = z.infer<typeof tagRuleSchema>;
export type TagOverride = z.infer<typeof tagOverrideSchema>;
export type InflammationRule = z.infer<typeof inflammationRuleSchema>;
export type InflammationOverride = z.infer<typeof inflammationOverrideSchema>;
export type TagRules = z.infer<typeof tagRulesSchema>;

/** Thrown by `parseTagRules`; `issues` name the path of every bad field. */
export class TagRulesError extends Error {
  readonly issues: { path: string; message: string }[];
  constructor(issues: { path: string; message: string }[]) {
    super(`invalid tag rules: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'TagRulesError';
    this.issues = issues;
  }
}

/**
 * Validates rule data (the merged seeds/tagging files). A bad rule throws a `TagRulesError`
 * whose message names its path, e.g. `rules.12.include.0: not a valid regular expression`.
 */
export function parseTagRules(json: unknown): TagRules {
  const parsed = tagRulesSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new TagRulesError(
    parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    })),
  );
}
