import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALLERGEN_CODES, GROUP_CODES } from '@/lib/foods/codes';
import type { Restriction, TaggedFoodRef } from '@/lib/restrictions/types';
import { unionRestrictions } from '@/lib/restrictions/union';
import { findViolations, isAllowed } from '@/lib/restrictions/violations';
import { builder, food } from '../protocols/fixtures';

const gutReset = builder({ protocolId: 'gut-reset', phaseId: 'elimination' });
const aip = builder({ protocolId: 'aip', phaseId: 'elimination' });
const whole30 = builder({ protocolId: 'whole30', phaseId: 'elimination' });
const lowFodmap = builder({ protocolId: 'low-fodmap', phaseId: 'elimination' });

// A child with celiac disease on the gut reset, a parent on AIP elimination.
const child = gutReset({ allergens: ['gluten', 'wheat'] });
const parent = aip();
const family = unionRestrictions([
  { name: 'Sam', restriction: child, portion: 1 },
  { name: 'Alex', restriction: parent, portion: 1.5 },
]);

const wheatBread = food('wheat bread', ['grain', 'gluten', 'processed'], ['wheat', 'gluten']);
const rice = food('white rice', ['grain', 'rice']);
const tomato = food('tomato', ['nightshade']);
const honey = food('honey', ['added-sugar', 'unrefined-sweetener', 'animal']);
const ghee = food('ghee', ['dairy', 'ghee', 'animal'], ['milk']);
const almonds = food('almonds', ['nut'], ['tree-nut']);
const carrot = food('carrot', []);
const chicken = food('chicken', ['poultry', 'meat', 'animal']);

describe('unionRestrictions: a celiac child on the gut reset and a parent on AIP', () => {
  it('keeps gluten out, with the child named in the reason', () => {
    const v = findViolations(wheatBread, family);
    expect(v.some((x) => x.code === 'gluten' && x.reason.startsWith('Sam: '))).toBe(true);
    expect(v.some((x) => x.origin === 'allergy' && x.code === 'wheat')).toBe(true);
  });

  it('keeps out what AIP excludes even though the gut reset allows it', () => {
    for (const f of [rice, tomato, almonds]) {
      expect(isAllowed(f, child)).toBe(true);
      expect(isAllowed(f, family)).toBe(false);
    }
  });

  it("drops AIP's honey exception: the gut reset has no such exception for added sugar", () => {
    expect(isAllowed(honey, parent)).toBe(true);
    expect(isAllowed(honey, child)).toBe(false);
    expect(isAllowed(honey, family)).toBe(false);
  });

  it('allows what both allow', () => {
    expect(isAllowed(carrot, family)).toBe(true);
    expect(isAllowed(chicken, family)).toBe(true);
  });

  it("keeps AIP's fructose cap, in the planned portion's terms for the parent eating 1½", () => {
    const cap = family.dailyCaps?.find((c) => c.nutrient === 'fructoseG');
    // AIP elimination: 20 g a day per person; the parent eats 1½ planned portions
    expect(cap?.max).toBeCloseTo(20 / 1.5, 6);
  });
});

describe('unionRestrictions: exceptions', () => {
  it('keeps an exception every member with the rule shares (two on Whole30: ghee)', () => {
    const both = unionRestrictions([
      { name: 'A', restriction: whole30(), portion: 1 },
      { name: 'B', restriction: whole30({ allergens: ['fish'] }), portion: 1 },
    ]);
    expect(isAllowed(ghee, both)).toBe(true);
  });

  it('drops an exception another member does not share (Whole30 ghee, gut reset dairy)', () => {
    const mixed = unionRestrictions([
      { name: 'A', restriction: whole30(), portion: 1 },
      { name: 'B', restriction: gutReset(), portion: 1 },
    ]);
    expect(isAllowed(ghee, whole30())).toBe(true);
    expect(isAllowed(ghee, mixed)).toBe(false);
  });

  it('keeps an exception when the other member has no rule it would excuse', () => {
    // omnivore gut reset has no legume rule; Whole30 excuses green beans from its legume rule
    const beans = food('green beans', ['legume', 'edible-pod-legume']);
    const mixed = unionRestrictions([
      { name: 'A', restriction: whole30(), portion: 1 },
      { name: 'B', restriction: gutReset(), portion: 1 },
    ]);
    expect(isAllowed(beans, mixed)).toBe(true);
  });

  it('gives FODMAP dose relief only when the dose-aware member eats at most the planned portion', () => {
    const at = (portion: number) =>
      unionRestrictions([
        { name: 'A', restriction: lowFodmap(), portion },
        { name: 'B', restriction: gutReset(), portion: 1 },
      ]).fodmapDoses === true;
    expect(at(1)).toBe(true);
    expect(at(1.5)).toBe(false);
  });

  it('returns a single member restriction unchanged', () => {
    expect(unionRestrictions([{ name: 'A', restriction: parent, portion: 1 }])).toBe(parent);
  });
});

const arbFood: fc.Arbitrary<TaggedFoodRef> = fc
  .record({
    tags: fc.uniqueArray(fc.constantFrom(...GROUP_CODES), { maxLength: 5 }),
    allergens: fc.uniqueArray(fc.constantFrom(...ALLERGEN_CODES), { maxLength: 2 }),
  })
  .map(({ tags, allergens }) => food('generated', tags, allergens));

const PHASES: [string, string][] = [
  ['aip', 'elimination'],
  ['aip', 'reintroduction-2'],
  ['gut-reset', 'elimination'],
  ['whole30', 'elimination'],
  ['low-fodmap', 'elimination'],
  ['six-food', 'elimination'],
];
const arbRestriction: fc.Arbitrary<Restriction> = fc
  .record({
    phase: fc.constantFrom(...PHASES),
    diet: fc.constantFrom('omnivore', 'pescatarian', 'vegetarian'),
    allergens: fc.uniqueArray(fc.constantFrom(...ALLERGEN_CODES), { maxLength: 2 }),
  })
  .map(({ phase: [protocolId, phaseId], diet, allergens }) =>
    builder({ protocolId, phaseId })({ diet, allergens }),
  );

describe('unionRestrictions: property', () => {
  it('a food the union allows is allowed by every member (300 runs)', () => {
    fc.assert(
      fc.property(arbRestriction, arbRestriction, arbFood, (a, b, f) => {
        const u = unionRestrictions([
          { name: 'A', restriction: a, portion: 1 },
          { name: 'B', restriction: b, portion: 1 },
        ]);
        if (isAllowed(f, u)) {
          expect(isAllowed(f, a)).toBe(true);
          expect(isAllowed(f, b)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
