import { z } from 'zod';
import type { Aisle, AisleRules, Food } from './types';
import { PURCHASE_MODES } from './types';

const aisleIdSchema = z.string().regex(/^[a-z]+(-[a-z]+)*$/, 'aisle id is kebab-case');
const groupCodeSchema = z.string().regex(/^\d{4}$/, 'USDA food group code is 4 digits');

function isValidRegex(source: string, flags: string): boolean {
  try {
    new RegExp(source, flags);
    return true;
  } catch {
    return false;
  }
}

/** The JSON shape of seeds/aisles.json. */
export const aisleRulesSchema = z
  .object({
    $comment: z.string().optional(),
    aisles: z
      .array(
        z
          .object({
            id: aisleIdSchema,
            name: z.string().min(1),
            purchase: z.array(z.enum(PURCHASE_MODES)).min(1),
            preferSizes: z.array(z.string().min(1)).default(['medium', 'large', 'small']),
          })
          .strict(),
      )
      .min(1),
    groups: z.record(groupCodeSchema, aisleIdSchema),
    patterns: z.array(
      z
        .object({
          match: z.string().min(1),
          flags: z
            .string()
            .regex(/^[imsu]*$/)
            .default(''),
          groups: z.array(groupCodeSchema).min(1).optional(),
          aisle: aisleIdSchema,
          note: z.string().min(1),
        })
        .strict()
        .refine((p) => isValidRegex(p.match, p.flags), { message: 'invalid regular expression' }),
    ),
    overrides: z.array(
      z
        .object({
          ndb: z.string().regex(/^\d{5}$/, 'NDB number is 5 digits'),
          aisle: aisleIdSchema,
          note: z.string().min(1),
        })
        .strict(),
    ),
    fallback: aisleIdSchema,
  })
  .strict()
  .superRefine((rules, ctx) => {
    const ids = new Set<string>();
    rules.aisles.forEach((a, i) => {
      if (ids.has(a.id)) {
        ctx.addIssue({ code: 'custom', path: ['aisles', i, 'id'], message: `duplicate ${a.id}` });
      }
      ids.add(a.id);
    });
    const check = (id: string, path: (string | number)[]) => {
      if (!ids.has(id)) ctx.addIssue({ code: 'custom', path, message: `unknown aisle "${id}"` });
    };
    for (const [code, id] of Object.entries(rules.groups)) check(id, ['groups', code]);
    rules.patterns.forEach((p, i) => {
      check(p.aisle, ['patterns', i, 'aisle']);
    });
    rules.overrides.forEach((o, i) => {
      check(o.aisle, ['overrides', i, 'aisle']);
    });
    check(rules.fallback, ['fallback']);
  });

export type AisleRulesJson = z.input<typeof aisleRulesSchema>;

/** Validates aisle rules (throws a ZodError naming the bad path) and compiles the patterns. */
export function parseAisleRules(json: unknown): AisleRules {
  const data = aisleRulesSchema.parse(json);
  return {
    aisles: data.aisles,
    overrides: new Map(data.overrides.map((o) => [o.ndb, o.aisle])),
    patterns: data.patterns.map((p) => ({
      regex: new RegExp(p.match, p.flags),
      groups: p.groups ?? null,
      aisle: p.aisle,
    })),
    groups: new Map(Object.entries(data.groups)),
    fallback: data.fallback,
  };
}

/** The aisle id a food is shelved in: ndb override, then first matching pattern, then group. */
export function resolveAisle(
  food: Pick<Food, 'ndb' | 'name' | 'groupCode'>,
  rules: AisleRules,
): string {
  const override = rules.overrides.get(food.ndb);
  if (override !== undefined) return override;
  for (const p of rules.patterns) {
    if (p.groups !== null && !p.groups.includes(food.groupCode)) continue;
    if (p.regex.test(food.name)) return p.aisle;
  }
  return rules.groups.get(food.groupCode) ?? rules.fallback;
}

/** Aisles in walking order: `order` first (unknown ids ignored), the rest in default order. */
export function orderAisles(rules: AisleRules, order?: readonly string[]): Aisle[] {
  const byId = new Map(rules.aisles.map((a) => [a.id, a]));
  const seen = new Set<string>();
  const result: Aisle[] = [];
  for (const id of [...(order ?? []), ...rules.aisles.map((a) => a.id)]) {
    const aisle = byId.get(id);
    if (aisle && !seen.has(id)) {
      seen.add(id);
      result.push(aisle);
    }
  }
  return result;
}
