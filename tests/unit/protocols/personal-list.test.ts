import { describe, expect, it } from 'vitest';
import type { BuildRestrictionInput } from '@/lib/protocols/build-restriction';
import {
  dateSpan,
  groupAncestors,
  groupDescendants,
  type ResolvedPersonalEntry,
} from '@/lib/protocols/personal-list';
import type { TaggedFoodRef } from '@/lib/restrictions/types';
import { findViolations } from '@/lib/restrictions/violations';
import { loadFixture } from '../tagging/fixtures';
import { builder } from './fixtures';

const { tagged, byNdb } = loadFixture();

/** A real food of the seeded catalog, tagged by the committed rules. */
function ref(ndb: string): TaggedFoodRef {
  const t = tagged.get(ndb);
  const f = byNdb.get(ndb);
  if (!t || !f) throw new Error(`no food ${ndb}`);
  return {
    ndb,
    name: f.longDesc,
    allergens: t.allergens.map(({ code, certainty }) => ({ code, certainty })),
    tags: t.tags.map(({ code, certainty }) => ({ code, certainty })),
  };
}

const EGG_YOLK = '01125'; // Egg, yolk, raw, fresh
const WHOLE_EGG = '01123'; // Egg, whole, raw, fresh
const MILK = '01077'; // Milk, whole
const BUTTER = '01001'; // Butter, salted
const TOMATO = '11529'; // Tomatoes, red, ripe, raw

const entry = (
  kind: ResolvedPersonalEntry['kind'],
  code: string,
  over: Partial<ResolvedPersonalEntry> = {},
): ResolvedPersonalEntry => ({
  kind,
  code,
  label: code,
  maxDoseG: null,
  source: null,
  ndbs: kind === 'food' ? [code] : [],
  ...over,
});

const aip = (phaseId: string, over: Partial<BuildRestrictionInput> = {}) =>
  builder({ protocolId: 'aip', phaseId })(over);
const origins = (ndb: string, r: ReturnType<typeof aip>) =>
  findViolations(ref(ndb), r).map((v) => v.origin);

describe('the seeded foods these tests rely on', () => {
  it('are tagged as their names say', () => {
    const codes = (ndb: string) => ref(ndb).tags.map((t) => t.code);
    expect(codes(EGG_YOLK)).toEqual(expect.arrayContaining(['egg-yolk', 'egg']));
    expect(codes(WHOLE_EGG)).toContain('egg');
    expect(codes(WHOLE_EGG)).not.toContain('egg-yolk');
    expect(codes(MILK)).toEqual(expect.arrayContaining(['dairy', 'fodmap-lactose']));
    expect(codes(BUTTER)).toEqual(expect.arrayContaining(['butter', 'dairy']));
    expect(codes(TOMATO)).toContain('nightshade');
  });
});

describe('excluded entries', () => {
  it('keep a group out in AIP maintenance, which allows it, with the challenge named', () => {
    expect(origins(EGG_YOLK, aip('maintenance'))).toEqual([]);
    const r = aip('maintenance', {
      personal: {
        allowed: [],
        excluded: [
          entry('group', 'egg-yolk', {
            source: { challengeId: 'egg-yolk', from: '2026-11-02', to: '2026-11-05' },
          }),
        ],
      },
    });
    const v = findViolations(ref(EGG_YOLK), r);
    expect(v.map((x) => [x.origin, x.code])).toEqual([['personal', 'egg-yolk']]);
    expect(v[0]?.reason).toBe('kept out after your egg-yolk challenge, 2–5 Nov');
    // A whole egg is not an egg yolk: the exclusion is of the yolk group only.
    expect(origins(WHOLE_EGG, r)).toEqual([]);
  });

  it('are never excused by a protocol exception (stage 1 lets egg yolks back)', () => {
    const r = aip('reintroduction-1', {
      personal: { allowed: [], excluded: [entry('group', 'egg-yolk')] },
    });
    expect(origins(EGG_YOLK, r)).toEqual(['personal']);
    expect(findViolations(ref(EGG_YOLK), r)[0]?.reason).toBe('on your personal list');
  });

  it('keep single foods out like a dislike, with the personal reason', () => {
    const r = aip('maintenance', {
      personal: {
        allowed: [],
        excluded: [entry('food', BUTTER, { label: 'butter' })],
      },
    });
    const v = findViolations(ref(BUTTER), r);
    expect(v.map((x) => [x.kind, x.origin, x.reason])).toEqual([
      ['dislike', 'personal', 'on your personal list'],
    ]);
  });

  it('are not lifted by a dose in a dose-aware phase', () => {
    const low = (personal?: BuildRestrictionInput['personal']) =>
      builder({ protocolId: 'low-fodmap', phaseId: 'personalization' })({ personal });
    expect(findViolations(ref(MILK), low())).toEqual([]);
    const r = low({ allowed: [], excluded: [entry('group', 'fodmap-lactose')] });
    expect(findViolations(ref(MILK), r).map((v) => v.origin)).toEqual(['personal']);
  });
});

describe('allowed entries', () => {
  it('lift the group, its parents for its own foods, and nothing else in AIP elimination', () => {
    const before = aip('elimination');
    expect(origins(EGG_YOLK, before)).toContain('protocol');
    const r = aip('elimination', {
      personal: { allowed: [entry('group', 'egg-yolk')], excluded: [] },
    });
    expect(origins(EGG_YOLK, r)).toEqual([]);
    // Whole eggs and tomatoes stay out: the excuse covers foods that are egg yolks.
    expect(origins(WHOLE_EGG, r)).toContain('protocol');
    expect(origins(TOMATO, r)).toContain('protocol');
  });

  it('a group covers its subgroups: dairy brings butter back', () => {
    const r = aip('elimination', {
      personal: { allowed: [entry('group', 'dairy')], excluded: [] },
    });
    expect(origins(BUTTER, r)).toEqual([]);
    expect(origins(MILK, r)).toEqual([]);
  });

  it('lift the protocol allergen of the group too (six-food elimination leaves out milk)', () => {
    const six = builder({ protocolId: 'six-food', phaseId: 'elimination' });
    expect(findViolations(ref(MILK), six()).map((v) => v.kind)).toContain('allergen');
    const r = six({ personal: { allowed: [entry('group', 'dairy')], excluded: [] } });
    expect(findViolations(ref(MILK), r)).toEqual([]);
  });

  it('never lift an allergy, an avoided group, a dislike or a diet rule', () => {
    const allowed = [entry('group', 'dairy'), entry('group', 'egg-yolk')];
    const withAllergy = aip('elimination', {
      allergens: ['milk'],
      personal: { allowed, excluded: [] },
    });
    expect(origins(MILK, withAllergy)).toEqual(['allergy']);
    const avoiding = aip('elimination', { avoid: ['dairy'], personal: { allowed, excluded: [] } });
    expect(origins(BUTTER, avoiding)).toEqual(['avoid']);
    const disliking = aip('elimination', {
      dislikes: [{ ndb: BUTTER, name: 'butter' }],
      personal: { allowed, excluded: [] },
    });
    expect(origins(BUTTER, disliking)).toEqual(['dislike']);
    const vegan = aip('maintenance', { diet: 'vegan', personal: { allowed, excluded: [] } });
    expect(origins(EGG_YOLK, vegan)).toEqual(expect.arrayContaining(['diet']));
    expect(origins(EGG_YOLK, vegan)).not.toContain('protocol');
  });

  it('a single allowed food is free of protocol rules; other foods are not', () => {
    const r = aip('elimination', { personal: { allowed: [entry('food', TOMATO)], excluded: [] } });
    expect(origins(TOMATO, r)).toEqual([]);
    expect(r.liftedFoods).toEqual([TOMATO]);
    const vegan = aip('elimination', {
      diet: 'vegan',
      personal: { allowed: [entry('food', BUTTER)], excluded: [] },
    });
    expect(origins(BUTTER, vegan)).toEqual(['diet', 'diet', 'diet']);
  });

  it('a kept-out food wins over an allowed group', () => {
    const r = aip('elimination', {
      personal: { allowed: [entry('group', 'dairy')], excluded: [entry('food', BUTTER)] },
    });
    expect(origins(MILK, r)).toEqual([]);
    expect(origins(BUTTER, r)).toEqual(['personal']);
  });

  it('an allowed FODMAP subgroup with a dose lifts its rule and caps its grams per meal', () => {
    const low = builder({ protocolId: 'low-fodmap', phaseId: 'elimination' });
    expect(findViolations(ref(MILK), low()).map((v) => v.code)).toEqual(
      expect.arrayContaining(['fodmap-lactose', 'high-fodmap']),
    );
    const r = low({
      personal: {
        allowed: [
          entry('group', 'fodmap-lactose', {
            maxDoseG: 250,
            source: { challengeId: 'lactose', from: '2026-11-20', to: '2026-11-25' },
          }),
        ],
        excluded: [],
      },
    });
    expect(findViolations(ref(MILK), r)).toEqual([]);
    expect(r.ingredientLimits).toEqual([
      {
        code: 'fodmap-lactose',
        maxGramsPerMeal: 250,
        reason: 'lactose up to 250 g a meal, from the lactose challenge, 20–25 Nov',
      },
    ]);
    // Without a dose the rule is simply lifted.
    const free = low({ personal: { allowed: [entry('group', 'fodmap-lactose')], excluded: [] } });
    expect(findViolations(ref(MILK), free)).toEqual([]);
    expect(free.ingredientLimits).toBeUndefined();
  });
});

describe('group family and dates', () => {
  it('reads parents and subgroups from the tag implications', () => {
    expect(groupAncestors('egg-yolk').sort()).toEqual(['animal', 'egg']);
    expect(groupDescendants('dairy').sort()).toEqual(['butter', 'fermented-dairy', 'ghee']);
    expect(groupDescendants('fodmap-fructan').sort()).toEqual([
      'fructan-garlic',
      'fructan-onion',
      'fructan-wheat',
    ]);
  });

  it('words a date span briefly', () => {
    expect(dateSpan('2026-11-02', '2026-11-05')).toBe('2–5 Nov');
    expect(dateSpan('2026-11-28', '2026-12-03')).toBe('28 Nov–3 Dec');
    expect(dateSpan('2026-12-28', '2027-01-03')).toBe('28 Dec 2026–3 Jan 2027');
    expect(dateSpan('2026-11-02', '2026-11-02')).toBe('2 Nov');
  });
});
