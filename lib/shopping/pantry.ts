import { z } from 'zod';
import type { Food, PantrySettings } from './types';

const REGEX_RULE = /^\/(.+)\/([imsu]*)$/;

function isValidPantryRule(rule: string): boolean {
  if (/^\d{5}$/.test(rule) || /^group:\d{4}$/.test(rule) || /^aisle:[a-z]+(-[a-z]+)*$/.test(rule)) {
    return true;
  }
  const m = REGEX_RULE.exec(rule);
  if (!m) return false;
  try {
    new RegExp(m[1] ?? '', m[2]);
    return true;
  } catch {
    return false;
  }
}

/** One default rule: an NDB number, 'group:0200', 'aisle:spices-herbs' or '/regex/flags'. */
export const pantryRuleSchema = z.string().refine(isValidPantryRule, {
  message: "expected an NDB number, 'group:NNNN', 'aisle:id' or '/regex/flags'",
});

/** The JSON shape of seeds/pantry-defaults.json. */
export const pantryDefaultsSchema = z
  .object({
    $comment: z.string().optional(),
    defaults: z.array(z.object({ rule: pantryRuleSchema, note: z.string().min(1) }).strict()),
  })
  .strict();

/** Validates seeds/pantry-defaults.json and returns its rules. */
export function parsePantryDefaults(json: unknown): string[] {
  return pantryDefaultsSchema.parse(json).defaults.map((d) => d.rule);
}

export type PantryMatcher = (
  food: Pick<Food, 'ndb' | 'name' | 'groupCode'>,
  aisle: string,
) => boolean;

/** Compiles default rules once; invalid rules throw, since they should have been validated. */
export function compilePantryRules(rules: readonly string[]): PantryMatcher {
  const ndbs = new Set<string>();
  const groups = new Set<string>();
  const aisles = new Set<string>();
  const regexes: RegExp[] = [];
  for (const rule of rules) {
    if (!isValidPantryRule(rule)) throw new Error(`invalid pantry rule "${rule}"`);
    if (rule.startsWith('group:')) groups.add(rule.slice('group:'.length));
    else if (rule.startsWith('aisle:')) aisles.add(rule.slice('aisle:'.length));
    else if (rule.startsWith('/')) {
      const m = REGEX_RULE.exec(rule);
      regexes.push(new RegExp(m?.[1] ?? '', m?.[2]));
    } else ndbs.add(rule);
  }
  return (food, aisle) =>
    ndbs.has(food.ndb) ||
    groups.has(food.groupCode) ||
    aisles.has(aisle) ||
    regexes.some((r) => r.test(food.name));
}

/** In the pantry? An explicit choice wins over any default rule. */
export function resolveInPantry(
  food: Pick<Food, 'ndb' | 'name' | 'groupCode'>,
  aisle: string,
  pantry: PantrySettings,
  matcher: PantryMatcher = compilePantryRules(pantry.defaults),
): boolean {
  return pantry.explicit.get(food.ndb) ?? matcher(food, aisle);
}
