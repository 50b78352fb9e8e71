import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALLERGEN_CODES, GROUP_CODES } from '@/lib/foods/codes';
import {
  buildRestriction,
  findPhase,
  findProtocol,
  listPhases,
  phaseReason,
  restrictionForPhase,
} from '@/lib/protocols/build-restriction';
import { findViolations, isAllowed } from '@/lib/restrictions/violations';
import { builder, food, protocols } from './fixtures';

const build = builder({ protocolId: 'aip', phaseId: 'elimination' });

const tomato = food('tomato', ['nightshade']);
const honey = food('honey', ['added-sugar', 'unrefined-sweetener', 'animal']);
const sugar = food('white sugar', ['added-sugar']);
const ghee = food('ghee', ['dairy', 'ghee', 'animal'], ['milk']);
const butter = food('butter', ['dairy', 'butter', 'animal'], ['milk']);
const greenBeans = food('green beans', ['legume', 'edible-pod-legume']);
const lentils = food('lentils', ['legume', 'fodmap-gos', 'high-fodmap']);
const salmon = food('salmon', ['fish', 'meat', 'animal'], ['fish']);
const shrimp = food('shrimp', ['shellfish', 'meat', 'animal'], ['crustacean']);
const chicken = food('chicken', ['poultry', 'meat', 'animal']);
const gelatin = food('gelatin', ['animal']);
const beefBroth = food('beef broth', ['animal', 'meat', 'red-meat']);
const cheese = food('cheddar', ['dairy', 'animal'], ['milk']);
const eggs = food('egg', ['egg', 'animal'], ['egg']);
const eggYolk = food('egg yolk', ['egg', 'egg-yolk', 'animal'], ['egg']);
const almonds = food('almonds', ['nut'], ['tree-nut']);
const peanutButter = food('peanut butter', ['legume'], ['peanut']);
const rice = food('white rice', ['grain', 'rice']);
const wheatBread = food('wheat bread', ['grain', 'gluten', 'processed'], ['wheat', 'gluten']);
const onion = food('onion', ['high-fodmap', 'fodmap-fructan']);
const carrot = food('carrot', []);

describe('buildRestriction: protocols', () => {
  it('AIP elimination leaves out a nightshade, with the phase in the reason', () => {
    const v = findViolations(tomato, build());
    expect(v).toEqual([
      expect.objectContaining({
        code: 'nightshade',
        origin: 'protocol',
        reason: 'not in AIP · Elimination',
      }),
    ]);
  });

  it('AIP elimination allows honey sparingly but not refined sugar', () => {
    const r = build();
    expect(isAllowed(honey, r)).toBe(true);
    expect(isAllowed(sugar, r)).toBe(false);
  });

  it.each([
    ['ghee', ghee, true],
    ['green beans', greenBeans, true],
    ['butter', butter, false],
    ['lentils', lentils, false],
    ['honey', honey, false],
    ['carrot', carrot, true],
  ])('Whole30 elimination: %s allowed = %s', (_name, f, expected) => {
    expect(isAllowed(f, build({ protocolId: 'whole30' }))).toBe(expected);
  });

  it.each([
    ['elimination', [carrot], [eggYolk, eggs, rice, cheese, tomato]],
    ['reintroduction-1', [eggYolk, ghee, greenBeans], [eggs, butter, almonds, tomato]],
    ['reintroduction-2', [eggs, butter, almonds], [cheese, tomato, rice]],
    ['reintroduction-3', [cheese], [tomato, rice, lentils]],
    ['reintroduction-4', [tomato, rice, lentils], [wheatBread, sugar]],
    ['maintenance', [tomato, rice, cheese, eggs], [wheatBread, sugar]],
  ])('AIP %s', (phaseId, allowed, excluded) => {
    const r = build({ phaseId });
    expect(allowed.filter((f) => !isAllowed(f, r)).map((f) => f.name)).toEqual([]);
    expect(excluded.filter((f) => isAllowed(f, r)).map((f) => f.name)).toEqual([]);
  });

  it('six-food leaves out tree nuts and peanuts but keeps other legumes', () => {
    const r = build({ protocolId: 'six-food' });
    expect(findViolations(food('cashew butter', [], ['tree-nut']), r)[0]).toMatchObject({
      kind: 'allergen',
      code: 'tree-nut',
      origin: 'protocol',
      reason: 'not in the six-food diet · Elimination',
    });
    expect(isAllowed(peanutButter, r)).toBe(false);
    expect(isAllowed(food('chickpeas', ['legume']), r)).toBe(true);
    expect(isAllowed(wheatBread, r)).toBe(false);
    expect(isAllowed(shrimp, r)).toBe(false);
  });

  it('low-FODMAP personalisation leaves triggers to the avoid list', () => {
    expect(isAllowed(onion, build({ protocolId: 'low-fodmap' }))).toBe(false);
    const personal = { protocolId: 'low-fodmap', phaseId: 'personalization' };
    expect(isAllowed(onion, build(personal))).toBe(true);
    const v = findViolations(onion, build({ ...personal, avoid: ['fodmap-fructan'] }));
    expect(v.map((x) => [x.origin, x.reason])).toEqual([['avoid', 'you avoid fructans']]);
  });
});

describe('buildRestriction: diets', () => {
  const onDiet = (diet: string) =>
    build({ protocolId: 'low-fodmap', phaseId: 'personalization', diet });

  it.each([
    ['omnivore', [salmon, chicken, gelatin, honey, cheese], []],
    ['pescatarian', [salmon, shrimp, cheese, eggs, honey], [chicken, beefBroth, gelatin]],
    ['vegetarian', [cheese, eggs, honey, carrot], [salmon, chicken, gelatin, beefBroth]],
    ['vegan', [carrot, lentils, almonds], [honey, cheese, eggs, gelatin, salmon]],
  ])('%s', (diet, allowed, excluded) => {
    const r = onDiet(diet);
    expect(allowed.filter((f) => !isAllowed(f, r)).map((f) => f.name)).toEqual([]);
    expect(excluded.filter((f) => isAllowed(f, r)).map((f) => f.name)).toEqual([]);
  });

  it('names the diet in the reason', () => {
    expect(findViolations(chicken, onDiet('vegetarian'))[0]?.reason).toBe(
      'not in a vegetarian diet',
    );
  });

  it("a protocol's exception does not lift a diet rule: no ghee on a vegan Whole30", () => {
    const r = build({ protocolId: 'whole30', diet: 'vegan' });
    expect(findViolations(ghee, r).map((v) => `${v.origin}:${v.code}`)).toEqual(
      expect.arrayContaining(['diet:dairy', 'diet:ghee', 'diet:animal']),
    );
    expect(isAllowed(greenBeans, r)).toBe(true);
  });

  it("a diet's exception does not lift a protocol rule: no fish in a pescatarian six-food week", () => {
    const r = build({ protocolId: 'six-food', diet: 'pescatarian' });
    expect(isAllowed(salmon, r)).toBe(false);
  });
});

describe('buildRestriction: personal rules', () => {
  it('words allergy and avoid reasons for people', () => {
    const r = build({ allergens: ['fish', 'tree-nut'], avoid: ['nightshade'] });
    expect(r.rules.slice(0, 3)).toEqual([
      { kind: 'allergen', code: 'fish', origin: 'allergy', reason: 'your fish allergy' },
      { kind: 'allergen', code: 'tree-nut', origin: 'allergy', reason: 'your tree nut allergy' },
      { kind: 'group', code: 'nightshade', origin: 'avoid', reason: 'you avoid nightshades' },
    ]);
  });

  it('never excuses an allergy or an avoided group, even for an exception food', () => {
    const r = build({ protocolId: 'whole30', allergens: ['milk'], avoid: ['legume'] });
    expect(findViolations(ghee, r).map((v) => v.origin)).toEqual(['allergy']);
    expect(findViolations(greenBeans, r).map((v) => v.origin)).toEqual(['avoid']);
  });

  it('an allergen tagged on a food is always reported, whatever the protocol and diet', () => {
    const phases = protocols.flatMap((p) =>
      p.kind === 'protocol' ? p.phases.map((ph) => [p.id, ph.id] as const) : [],
    );
    const diets = protocols.filter((p) => p.kind === 'diet').map((p) => p.id);
    fc.assert(
      fc.property(
        fc.constantFrom(...phases),
        fc.constantFrom(...diets),
        fc.constantFrom(...ALLERGEN_CODES),
        fc.subarray([...GROUP_CODES]),
        ([protocolId, phaseId], diet, allergen, tags) => {
          const r = build({ protocolId, phaseId, diet, allergens: [allergen] });
          const v = findViolations(food('x', tags, [allergen]), r);
          return v.some((x) => x.origin === 'allergy' && x.code === allergen);
        },
      ),
    );
  });

  it('passes dislikes through once each', () => {
    const dislikes = [
      { ndb: '11052', name: 'green beans' },
      { ndb: '11052', name: 'green beans' },
      { ndb: '11282', name: 'onion' },
    ];
    expect(build({ dislikes }).dislikes.map((d) => d.ndb)).toEqual(['11052', '11282']);
  });

  it('expands a disliked concept into every food of the kind, after the single foods', () => {
    const r = build({
      dislikes: [{ ndb: '15076', name: 'Fish, salmon, Atlantic, wild, raw' }],
      dislikedConcepts: [{ label: 'salmon (all kinds)', ndbs: ['15076', '15087', '15179'] }],
    });
    expect(r.dislikes).toEqual([
      { ndb: '15076', name: 'Fish, salmon, Atlantic, wild, raw' },
      { ndb: '15087', name: 'salmon (all kinds)' },
      { ndb: '15179', name: 'salmon (all kinds)' },
    ]);
    const smoked = { ...food('Fish, salmon, chinook, smoked', []), ndb: '15179' };
    expect(findViolations(smoked, r)[0]?.reason).toBe('you chose to leave out salmon (all kinds)');
  });

  it('lists each personal code once', () => {
    const r = build({ allergens: ['egg', 'egg'], avoid: ['pork', 'pork'] });
    expect(r.rules.filter((x) => x.origin === 'allergy' || x.origin === 'avoid')).toHaveLength(2);
  });
});

describe('buildRestriction: AIP stages', () => {
  it('a food allowed in one stage stays allowed in every later stage', () => {
    const stages = listPhases(protocols, 'aip').map((ph) => build({ phaseId: ph.id }));
    fc.assert(
      fc.property(fc.subarray([...GROUP_CODES]), (tags) => {
        const f = food('x', tags);
        const allowed = stages.map((r) => isAllowed(f, r));
        return allowed.every((ok, i) => i === 0 || ok || !allowed[i - 1]);
      }),
    );
  });
});

describe('buildRestriction: bad ids', () => {
  it.each([
    [{ protocolId: 'paleo' }, 'protocol', /unknown protocol "paleo"; choose one of: aip, /],
    [{ protocolId: 'vegan' }, 'protocol', /unknown protocol "vegan"/],
    [{ phaseId: 'reintroduction' }, 'phase', /AIP has no phase "reintroduction"/],
    [{ phaseId: 'default' }, 'phase', /no phase "default"/],
    [{ diet: 'keto' }, 'diet', /unknown diet "keto"; choose one of: omnivore, /],
    [{ diet: 'whole30' }, 'diet', /unknown diet "whole30"/],
  ] as const)('%o fails on %s', (over, field, message) => {
    const r = buildRestriction({
      protocols,
      protocolId: 'aip',
      phaseId: 'elimination',
      diet: 'omnivore',
      allergens: [],
      avoid: [],
      dislikes: [],
      ...over,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.field).toBe(field);
    expect(r.message).toMatch(message);
  });
});

describe('lookup helpers', () => {
  it('find protocols and phases by id', () => {
    const aip = findProtocol(protocols, 'aip');
    expect(aip?.name).toBe('Autoimmune Protocol (AIP)');
    expect(aip && findPhase(aip, 'maintenance')?.name).toBe('Maintenance');
    expect(aip && findPhase(aip, 'nope')).toBeUndefined();
    expect(findProtocol(protocols, 'nope')).toBeUndefined();
  });

  it('list phases in order, or none for an unknown id', () => {
    expect(listPhases(protocols, 'whole30').map((ph) => ph.id)).toEqual([
      'elimination',
      'reintroduction',
    ]);
    expect(listPhases(protocols, 'nope')).toEqual([]);
  });
});

describe('restrictionForPhase', () => {
  it('includes allergen rules, so six-food recipes with peanuts are flagged', () => {
    const six = findProtocol(protocols, 'six-food')!;
    const r = restrictionForPhase(six, six.phases[0]!);
    expect(isAllowed(peanutButter, r)).toBe(false);
    expect(isAllowed(food('chickpeas', ['legume']), r)).toBe(true);
  });

  it('uses the same reasons as buildRestriction', () => {
    const vegan = findProtocol(protocols, 'vegan')!;
    const aip = findProtocol(protocols, 'aip')!;
    expect(phaseReason(vegan, vegan.phases[0]!)).toBe('not in a vegan diet');
    expect(phaseReason(aip, aip.phases[1]!)).toBe('not in AIP · Reintroduction stage 1');
    expect(findViolations(honey, restrictionForPhase(vegan, vegan.phases[0]!))[0]?.origin).toBe(
      'diet',
    );
  });
});
