import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALLERGEN_CODES,
  type AllergenCode,
  CERTAINTIES,
  type Certainty,
  EVIDENCE_LEVELS,
  GROUP_CODES,
  type GroupCode,
  INFLAMMATION_CLASSES,
} from '@/lib/foods/codes';
import type { FoodTag, FoodTagging, UsdaFood } from '@/lib/foods/types';
import { tagFood } from '@/lib/tagging';
import { loadFixture } from './fixtures';

const { foods, rules, tagged } = loadFixture();

type Ref = `allergen:${AllergenCode}` | `group:${GroupCode}`;
const A = (c: AllergenCode): Ref => `allergen:${c}`;
const G = (c: GroupCode): Ref => `group:${c}`;

/**
 * The consistency contract from the issue, written out here independently of the engine's
 * IMPLICATIONS table: the left side implies the right side with the same or a stronger certainty.
 * A third entry `'contains'` means the implication holds only from a certain cause: a
 * shared-line "may contain peanut" trace does not make a food a legume.
 */
const INVARIANTS: ([Ref, Ref] | [Ref, Ref, 'contains'])[] = [
  [G('fodmap-fructose'), G('high-fodmap')],
  [G('fodmap-lactose'), G('high-fodmap')],
  [G('fodmap-fructan'), G('high-fodmap')],
  [G('fodmap-gos'), G('high-fodmap')],
  [G('fodmap-sorbitol'), G('high-fodmap')],
  [G('fodmap-mannitol'), G('high-fodmap')],
  [G('fish'), G('meat')],
  [G('shellfish'), G('meat')],
  [G('poultry'), G('meat')],
  [G('red-meat'), G('meat')],
  [G('pork'), G('meat')],
  [G('organ-meat'), G('meat')],
  [G('meat'), G('animal')],
  [G('dairy'), G('animal')],
  [G('egg'), G('animal')],
  [A('gluten'), G('gluten')],
  [G('gluten'), A('gluten')],
  [A('milk'), G('dairy')],
  [A('egg'), G('egg')],
  [A('soy'), G('soy')],
  [A('wheat'), A('gluten')],
  [A('fish'), G('fish')],
  [A('crustacean'), G('shellfish')],
  [A('mollusc'), G('shellfish')],
  [A('tree-nut'), G('nut')],
  [A('peanut'), G('legume'), 'contains'],
  [G('nightshade-spice'), G('nightshade')],
  [G('seed-spice'), G('seed')],
  [G('edible-pod-legume'), G('legume')],
  [G('ghee'), G('dairy')],
  [G('butter'), G('dairy')],
  [G('fermented-dairy'), G('dairy')],
  [G('egg-yolk'), G('egg')],
  [G('unrefined-sweetener'), G('added-sugar')],
  [G('rice'), G('grain')],
];

const strength = (c: Certainty) => (c === 'contains' ? 2 : 1);

function certaintyOf(t: FoodTagging, ref: Ref): Certainty | undefined {
  const [kind, code] = ref.split(':') as ['allergen' | 'group', string];
  const list: FoodTag[] = kind === 'allergen' ? t.allergens : t.tags;
  return list.find((x) => x.code === code)?.certainty;
}

/** Every broken invariant of one food, as readable strings (empty = consistent). */
function violations(food: UsdaFood, t: FoodTagging): string[] {
  const out: string[] = [];
  for (const [from, to, onlyFrom] of INVARIANTS) {
    const cause = certaintyOf(t, from);
    if (!cause) continue;
    if (onlyFrom === 'contains' && cause !== 'contains') continue;
    const effect = certaintyOf(t, to);
    if (!effect || strength(effect) < strength(cause)) {
      out.push(`${food.ndb}: ${from} (${cause}) but ${to} is ${effect ?? 'absent'}`);
    }
  }
  return out;
}

/** A derived tag's rationale reads "<cause> implies <target>: <root rationale>". */
function derivedTagProblems(food: UsdaFood, t: FoodTagging): string[] {
  const out: string[] = [];
  const all = [
    ...t.allergens.map((x) => ({ kind: 'allergen' as const, tag: x as FoodTag })),
    ...t.tags.map((x) => ({ kind: 'group' as const, tag: x as FoodTag })),
  ];
  const label = (kind: 'allergen' | 'group', code: string) =>
    kind === 'allergen' ? `${code} allergen` : code;
  for (const { kind, tag } of all) {
    const m = /^(\S+)( allergen)? implies (\S+(?: allergen)?): (.+)$/.exec(tag.rationale);
    if (!m) continue;
    const [, causeCode = '', causeIsAllergen, target] = m;
    if (target !== label(kind, tag.code))
      out.push(`${food.ndb} ${tag.code}: rationale names ${target}`);
    const cause = all.find(
      (x) => x.kind === (causeIsAllergen ? 'allergen' : 'group') && x.tag.code === causeCode,
    );
    if (!cause) {
      out.push(`${food.ndb} ${tag.code}: cause ${causeCode} is not on the food`);
      continue;
    }
    if (cause.tag.certainty !== tag.certainty) {
      out.push(
        `${food.ndb} ${tag.code}: ${tag.certainty} but its cause ${causeCode} is ${cause.tag.certainty}`,
      );
    }
    if (cause.tag.source !== tag.source)
      out.push(`${food.ndb} ${tag.code}: source differs from its cause`);
  }
  return out;
}

const foodArb = fc.constantFrom(...foods);
const tagOf = (food: UsdaFood): FoodTagging => {
  const t = tagged.get(food.ndb);
  if (!t) throw new Error(`untagged ${food.ndb}`);
  return t;
};

describe('tagging invariants (fast-check over the real SR21 foods)', () => {
  it('loads all SR21 foods', () => {
    expect(foods.filter((f) => !f.derived)).toHaveLength(7413);
    expect(tagged.size).toBe(foods.length);
  });

  it('every implication holds with the same or a stronger certainty', () => {
    fc.assert(
      fc.property(foodArb, (food) => {
        expect(violations(food, tagOf(food))).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  });

  it('a derived tag carries the certainty and source of its cause and names it', () => {
    fc.assert(
      fc.property(foodArb, (food) => {
        expect(derivedTagProblems(food, tagOf(food))).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  });

  it('tagFood is deterministic and agrees with tagAllFoods', () => {
    fc.assert(
      fc.property(foodArb, (food) => {
        const once = tagFood(food, rules);
        expect(tagFood(food, rules)).toEqual(once);
        expect(once).toEqual(tagOf(food));
      }),
      { numRuns: 300 },
    );
  });

  it('the gluten allergen and the gluten group always agree exactly', () => {
    fc.assert(
      fc.property(foodArb, (food) => {
        const t = tagOf(food);
        expect(certaintyOf(t, A('gluten'))).toBe(certaintyOf(t, G('gluten')));
      }),
      { numRuns: 1500 },
    );
  });

  it('anything with meat, dairy, egg, fish or shellfish is also an animal product (vegan filter)', () => {
    fc.assert(
      fc.property(foodArb, (food) => {
        const t = tagOf(food);
        const animal = certaintyOf(t, G('animal'));
        for (const code of ['meat', 'dairy', 'egg', 'fish', 'shellfish'] as const) {
          if (certaintyOf(t, G(code))) expect(animal, `${food.ndb} ${code}`).toBeDefined();
        }
      }),
      { numRuns: 1500 },
    );
  });
});

describe('every food, checked exhaustively', () => {
  it('satisfies every invariant', () => {
    expect(foods.flatMap((f) => violations(f, tagOf(f)))).toEqual([]);
  });

  it('has derived tags that name their cause', () => {
    expect(foods.flatMap((f) => derivedTagProblems(f, tagOf(f)))).toEqual([]);
  });

  it('has an inflammation class with evidence, a non-empty rationale and a source', () => {
    const ruleIds = new Set(rules.inflammation.rules.map((r) => r.id));
    const bad = foods.filter((f) => {
      const i = tagOf(f).inflammation;
      return (
        !INFLAMMATION_CLASSES.includes(i.class) ||
        !EVIDENCE_LEVELS.includes(i.evidence) ||
        i.rationale.trim().length === 0 ||
        !(
          ruleIds.has(i.source) ||
          i.source === 'inflammation-default' ||
          i.source === `override:${f.ndb}`
        )
      );
    });
    expect(bad.map((f) => f.ndb)).toEqual([]);
  });

  it('gives every tag a known code, a certainty, a one-line rationale and a known source', () => {
    const ruleIds = new Set(rules.rules.map((r) => r.id));
    const problems: string[] = [];
    for (const f of foods) {
      const t = tagOf(f);
      const check = (tag: FoodTag, codes: readonly string[]) => {
        if (!codes.includes(tag.code)) problems.push(`${f.ndb}: unknown code ${tag.code}`);
        if (!CERTAINTIES.includes(tag.certainty)) problems.push(`${f.ndb} ${tag.code}: certainty`);
        if (tag.rationale.trim().length === 0 || tag.rationale.includes('\n')) {
          problems.push(`${f.ndb} ${tag.code}: rationale`);
        }
        if (!(ruleIds.has(tag.source) || tag.source === `override:${f.ndb}`)) {
          problems.push(`${f.ndb} ${tag.code}: source ${tag.source}`);
        }
      };
      for (const tag of t.allergens) check(tag, ALLERGEN_CODES);
      for (const tag of t.tags) check(tag, GROUP_CODES);
      if (new Set(t.allergens.map((x) => x.code)).size !== t.allergens.length)
        problems.push(`${f.ndb}: dup allergen`);
      if (new Set(t.tags.map((x) => x.code)).size !== t.tags.length)
        problems.push(`${f.ndb}: dup group`);
    }
    expect(problems).toEqual([]);
  });

  it('uses neutral words in every rationale', () => {
    const loaded = /\b(bad|toxic|safe|unsafe|poison|junk|healthy|unhealthy|evil)\b/i;
    const offenders = new Set<string>();
    for (const f of foods) {
      const t = tagOf(f);
      for (const x of [...t.allergens, ...t.tags])
        if (loaded.test(x.rationale)) offenders.add(x.source);
      if (loaded.test(t.inflammation.rationale)) offenders.add(t.inflammation.source);
    }
    expect([...offenders]).toEqual([]);
  });

  it('keeps plain raw fruit, vegetables and fresh meat free of allergens they do not contain', () => {
    // Whole foods the planner relies on. The only allergens allowed are the food itself
    // (celery, celeriac, mustard greens, green soybeans).
    const PLAIN_GROUPS = new Set(['0900', '1100', '1000', '1300', '1700', '0500']);
    const PROCESSED =
      /seasoned|formed|sandwich steaks|breaded|marinated|battered|injected|enhanced|with added solution|ground|sausage|with VPP/i;
    const OWN_ALLERGEN: [RegExp, AllergenCode][] = [
      [/celery|celeriac/i, 'celery'],
      [/mustard/i, 'mustard'],
      [/soybeans/i, 'soy'],
    ];
    const problems: string[] = [];
    for (const f of foods) {
      if (
        !PLAIN_GROUPS.has(f.groupCode) ||
        !/, raw\b/i.test(f.longDesc) ||
        PROCESSED.test(f.longDesc)
      )
        continue;
      for (const a of tagOf(f).allergens) {
        const own = OWN_ALLERGEN.some(([re, code]) => code === a.code && re.test(f.longDesc));
        if (!own) problems.push(`${f.ndb} ${f.longDesc}: ${a.code}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('puts no FODMAP, grain or legume tag on plain raw meat, poultry and fish', () => {
    const MEAT_GROUPS = new Set(['0500', '1000', '1300', '1500', '1700']);
    const PROCESSED =
      /seasoned|formed|sandwich steaks|breaded|marinated|battered|injected|enhanced|imitation|surimi|added solution|with VPP/i;
    const problems: string[] = [];
    for (const f of foods) {
      if (
        !MEAT_GROUPS.has(f.groupCode) ||
        !/, raw\b/i.test(f.longDesc) ||
        PROCESSED.test(f.longDesc)
      )
        continue;
      for (const t of tagOf(f).tags) {
        if (
          /^(high-fodmap|fodmap-|grain|legume|gluten|dairy|added-sugar|nightshade)/.test(t.code)
        ) {
          problems.push(`${f.ndb} ${f.longDesc}: ${t.code}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
