import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FoodTagging } from '@/lib/foods/types';
import { parseTagRules, TagRulesError, tagFood } from '@/lib/tagging';
import { loadTagRules, TAG_RULE_FILES, TAGGING_DIR } from '@/seeds/tagging/load';
import { loadFixture } from './fixtures';

const { foods, byNdb, rules, tagged } = loadFixture();

describe('seeds/tagging rule files', () => {
  it('load and validate', () => {
    const r = loadTagRules();
    expect(r.rules.length).toBeGreaterThan(100);
    expect(r.inflammation.rules.length).toBeGreaterThan(10);
    expect(r.inflammation.default.rationale.length).toBeGreaterThan(10);
  });

  it('are all listed (no stray rule file is silently ignored)', () => {
    const json = readdirSync(TAGGING_DIR)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(json).toEqual([...TAG_RULE_FILES, 'inflammation.json', 'overrides.json'].sort());
  });

  it('fail with the path of a bad rule', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tagging-'));
    for (const f of readdirSync(TAGGING_DIR).filter((n) => n.endsWith('.json'))) {
      writeFileSync(join(dir, f), readFileSync(join(TAGGING_DIR, f), 'utf8'));
    }
    const groups = JSON.parse(readFileSync(join(dir, 'groups.json'), 'utf8')) as {
      rules: { include?: string[] }[];
    };
    const first = groups.rules.findIndex((r) => r.include);
    const target = groups.rules[first];
    if (!target) throw new Error('no rule with include patterns');
    target.include = ['(broken'];
    writeFileSync(join(dir, 'groups.json'), JSON.stringify(groups));
    const allergenCount = (
      JSON.parse(readFileSync(join(dir, 'allergens.json'), 'utf8')) as { rules: unknown[] }
    ).rules.length;
    expect(() => loadTagRules(dir)).toThrow(TagRulesError);
    expect(() => loadTagRules(dir)).toThrow(`rules.${allergenCount + first}.include.0`);
  });

  it('round-trip through parseTagRules unchanged', () => {
    expect(parseTagRules(JSON.parse(JSON.stringify(rules)))).toEqual(rules);
  });

  it('have no dead rules: every tag rule fires on at least one SR21 food', () => {
    const used = new Set<string>();
    for (const t of tagged.values())
      for (const x of [...t.allergens, ...t.tags]) used.add(x.source);
    const dead = rules.rules.map((r) => r.id).filter((id) => !used.has(id));
    expect(dead).toEqual([]);
  });

  it('have no dead inflammation rules', () => {
    const used = new Set([...tagged.values()].map((t) => t.inflammation.source));
    expect(rules.inflammation.rules.map((r) => r.id).filter((id) => !used.has(id))).toEqual([]);
  });

  it('target real foods in every override, and every override changes the result', () => {
    const withoutOverrides = parseTagRules({
      ...rules,
      overrides: [],
      inflammation: { ...rules.inflammation, overrides: [] },
    });
    const present = (t: FoodTagging, kind: 'allergen' | 'group', code: string) =>
      (kind === 'allergen' ? t.allergens : t.tags).find((x) => x.code === code);
    for (const o of rules.overrides) {
      const food = byNdb.get(o.ndb);
      expect(food, o.ndb).toBeDefined();
      if (!food) continue;
      const before = present(tagFood(food, withoutOverrides), o.kind, o.code);
      const after = present(tagFood(food, rules), o.kind, o.code);
      if (o.action === 'remove') {
        expect(before, `${o.ndb} ${o.code} is there to remove`).toBeDefined();
        expect(after, `${o.ndb} ${o.code} removed`).toBeUndefined();
      } else {
        expect(after?.source, `${o.ndb} ${o.code} added`).toBe(`override:${o.ndb}`);
        expect(
          before?.certainty === after?.certainty && before !== undefined,
          `${o.ndb} ${o.code} changes`,
        ).toBe(false);
      }
    }
    for (const o of rules.inflammation.overrides) expect(byNdb.has(o.ndb), o.ndb).toBe(true);
  });

  it('give every rule a rationale that reads as one neutral sentence', () => {
    for (const r of [...rules.rules, ...rules.inflammation.rules]) {
      expect(r.rationale, r.id).toMatch(/^[A-Z0-9"(].*[.)]$/);
    }
  });

  it('cover the whole database', () => {
    expect(foods.filter((f) => !f.derived)).toHaveLength(7413);
    expect(tagged.size).toBe(foods.length);
  });
});
