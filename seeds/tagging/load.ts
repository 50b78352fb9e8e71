import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTagRules, type TagRules } from '../../lib/tagging/schema';

/** Rule files in evaluation order: a rule with `requires` sees everything loaded before it. */
export const TAG_RULE_FILES = [
  'allergens.json',
  'groups.json',
  'mixed-dishes.json',
  'label-allergens.json',
  'fodmap.json',
] as const;

export const TAGGING_DIR = join(process.cwd(), 'seeds', 'tagging');

function readJson(dir: string, name: string): unknown {
  return JSON.parse(readFileSync(join(dir, name), 'utf8'));
}

function rulesOf(dir: string, name: string): unknown[] {
  const data = readJson(dir, name) as { rules?: unknown };
  if (!Array.isArray(data.rules))
    throw new Error(`${name}: expected an object with a "rules" array`);
  return data.rules;
}

/**
 * Reads every rule file under seeds/tagging and validates the merged set with `parseTagRules`,
 * so a bad rule fails with its path (e.g. `rules.12.include.0`).
 */
export function loadTagRules(dir = TAGGING_DIR): TagRules {
  const overrides = readJson(dir, 'overrides.json') as { overrides?: unknown };
  return parseTagRules({
    rules: TAG_RULE_FILES.flatMap((name) => rulesOf(dir, name)),
    overrides: overrides.overrides ?? [],
    inflammation: readJson(dir, 'inflammation.json'),
  });
}
