import { describe, expect, it } from 'vitest';
import { ALLERGEN_CODES, FOOD_GROUPS, GROUP_CODES, INFLAMMATION_CLASSES } from '@/lib/foods/codes';
import { TAGGING_EXPECTATIONS } from './expectations';
import { codesOf, loadFixture } from './fixtures';

const { byNdb, tagged } = loadFixture();

describe('hand-checked tagging expectations', () => {
  it.each(TAGGING_EXPECTATIONS.map((e) => [`${e.ndb} ${e.name}`, e] as const))(
    '%s',
    (_label, e) => {
      const food = byNdb.get(e.ndb);
      expect(food, `NDB ${e.ndb} is in SR21`).toBeDefined();
      const tagging = tagged.get(e.ndb);
      if (!tagging) throw new Error(`no tagging for ${e.ndb}`);
      const codes = codesOf(tagging);
      const missing = e.has.filter((c) => !codes.has(c));
      const unexpected = e.hasNot.filter((c) => codes.has(c));
      expect({ missing, unexpected }).toEqual({ missing: [], unexpected: [] });
      if (e.inflammation) expect(tagging.inflammation.class).toBe(e.inflammation);
    },
  );
});

describe('the expectation table itself', () => {
  it('has at least 200 rows, one per food', () => {
    expect(TAGGING_EXPECTATIONS.length).toBeGreaterThanOrEqual(200);
    expect(new Set(TAGGING_EXPECTATIONS.map((e) => e.ndb)).size).toBe(TAGGING_EXPECTATIONS.length);
  });

  it('never expects a code both present and absent', () => {
    for (const e of TAGGING_EXPECTATIONS) {
      expect(
        e.has.filter((c) => e.hasNot.includes(c)),
        e.ndb,
      ).toEqual([]);
    }
  });

  it('covers every allergen and group code as a positive case', () => {
    const positives = new Set(TAGGING_EXPECTATIONS.flatMap((e) => e.has));
    expect([...ALLERGEN_CODES, ...GROUP_CODES].filter((c) => !positives.has(c))).toEqual([]);
  });

  it('covers every inflammation class', () => {
    const classes = new Set(TAGGING_EXPECTATIONS.map((e) => e.inflammation).filter(Boolean));
    expect([...INFLAMMATION_CLASSES].filter((c) => !classes.has(c))).toEqual([]);
  });

  it('covers every USDA food group', () => {
    const groups = new Set(TAGGING_EXPECTATIONS.map((e) => byNdb.get(e.ndb)?.groupCode));
    expect(Object.keys(FOOD_GROUPS).filter((g) => !groups.has(g))).toEqual([]);
  });
});
