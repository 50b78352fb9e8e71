import { describe, expect, it } from 'vitest';
import { buildRestriction, findPhase, findProtocol } from '@/lib/protocols/build-restriction';
import type { Restriction, TaggedFoodRef } from '@/lib/restrictions/types';
import { findViolations } from '@/lib/restrictions/violations';
import { loadProtocols } from '@/seeds/protocols/load';
import { loadFixture } from './fixtures';

/**
 * The corrected tags on real SR21 foods, checked through the real protocol data and the
 * restriction engine: what a phase lets in and keeps out because of them.
 */
const protocols = loadProtocols();
const { byNdb, tagged } = loadFixture();

function ref(ndb: string): TaggedFoodRef {
  const food = byNdb.get(ndb);
  const t = tagged.get(ndb);
  if (!food || !t) throw new Error(`no food ${ndb}`);
  return { ndb, name: food.longDesc, allergens: t.allergens, tags: t.tags };
}

function restriction(
  protocolId: string,
  phaseId: string,
  allergens: string[] = [],
  diet = 'omnivore',
): Restriction {
  const r = buildRestriction({
    protocols,
    protocolId,
    phaseId,
    diet,
    allergens,
    avoid: [],
    dislikes: [],
  });
  if (!r.ok) throw new Error(r.message);
  return r.restriction;
}

/** The codes a food breaks, as `origin:kind:code`, sorted and unique. */
function broken(ndb: string, r: Restriction): string[] {
  return [
    ...new Set(findViolations(ref(ndb), r).map((v) => `${v.origin}:${v.kind}:${v.code}`)),
  ].sort();
}

const SOY_LECITHIN = '04531';
const SOYBEAN_OIL = '04044';
const SOY_OIL_INDUSTRIAL_REFINED = '04650';
const SOY_SHORTENING = '04031';
const TOFU = '16426';
const SOY_SAUCE = '16123';
const LENTILS = '16070';
const PEANUTS = '16087';
const VANILLA_EXTRACT = '02050';
const IMITATION_VANILLA_WITH_ALCOHOL = '02051';

describe('six-food elimination: soy lecithin and refined soybean oil stay in', () => {
  const sixFood = restriction('six-food', 'elimination');

  it.each([
    ['soy lecithin', SOY_LECITHIN],
    ['soybean oil', SOYBEAN_OIL],
    ['industrial refined soy oil', SOY_OIL_INDUSTRIAL_REFINED],
  ])('%s is allowed', (_name, ndb) => {
    expect(broken(ndb, sixFood)).toEqual([]);
  });

  it('still keeps out tofu, soy sauce and a soybean shortening (no exception code)', () => {
    expect(broken(TOFU, sixFood)).toContain('protocol:group:soy');
    expect(broken(SOY_SAUCE, sixFood)).toContain('protocol:allergen:soy');
    expect(broken(SOY_SHORTENING, sixFood)).toContain('protocol:allergen:soy');
  });

  it('allows legumes other than soy and peanut, although soy is now a legume', () => {
    expect(broken(LENTILS, sixFood)).toEqual([]);
    expect(broken(PEANUTS, sixFood)).toContain('protocol:allergen:peanut');
    expect(ref(TOFU).tags.map((t) => t.code)).toContain('legume');
  });

  it('never excuses a soy allergy: the oil and the lecithin break the allergy rule', () => {
    const allergic = restriction('six-food', 'elimination', ['soy']);
    for (const ndb of [SOY_LECITHIN, SOYBEAN_OIL, SOY_OIL_INDUSTRIAL_REFINED]) {
      expect(broken(ndb, allergic), ndb).toContain('allergy:allergen:soy');
    }
  });

  it('keeps the soy allergen on the oil (refining lowers it, not to nothing)', () => {
    expect(ref(SOYBEAN_OIL).allergens.find((a) => a.code === 'soy')?.certainty).toBe('may-contain');
    expect(ref(SOY_LECITHIN).allergens.find((a) => a.code === 'soy')).toBeDefined();
  });
});

describe('AIP does not allow soy lecithin or soybean oil in any phase that leaves out soy', () => {
  const aip = findProtocol(protocols, 'aip');
  if (!aip) throw new Error('no AIP');
  const phases = aip.phases.filter((ph) => ph.exclude.includes('soy'));

  it('has phases that leave out soy, none with a soy exception', () => {
    expect(phases.length).toBeGreaterThan(0);
    for (const ph of phases) {
      expect(ph.allow.map((a) => a.code)).not.toContain('soy-lecithin');
      expect(ph.allow.map((a) => a.code)).not.toContain('refined-soy-oil');
    }
  });

  it.each(phases.map((ph) => [ph.id] as const))('%s keeps them out', (phaseId) => {
    const r = restriction('aip', phaseId);
    expect(broken(SOY_LECITHIN, r)).toContain('protocol:group:soy');
    expect(broken(SOYBEAN_OIL, r)).toContain('protocol:group:soy');
  });
});

describe('Whole30 allows vanilla and other botanical extracts', () => {
  it('vanilla extract is compliant in both Whole30 phases', () => {
    for (const phaseId of ['elimination', 'reintroduction']) {
      expect(broken(VANILLA_EXTRACT, restriction('whole30', phaseId)), phaseId).toEqual([]);
    }
  });

  it('imitation vanilla with alcohol is not a botanical extract and stays out', () => {
    expect(broken(IMITATION_VANILLA_WITH_ALCOHOL, restriction('whole30', 'elimination'))).toEqual([
      'protocol:group:alcohol',
    ]);
  });

  it('other protocols that leave out alcohol still leave out vanilla extract', () => {
    expect(broken(VANILLA_EXTRACT, restriction('gut-reset', 'elimination'))).toContain(
      'protocol:group:alcohol',
    );
    expect(broken(VANILLA_EXTRACT, restriction('aip', 'elimination'))).toContain(
      'protocol:group:alcohol',
    );
  });

  it('only Whole30 carries the extract exception', () => {
    const carriers = protocols
      .filter((p) => p.phases.some((ph) => ph.allow.some((a) => a.code === 'botanical-extract')))
      .map((p) => p.id);
    expect(carriers).toEqual(['whole30']);
  });
});

describe('AIP reintroduction stage 1 lets back cold-pressed nut and seed oils only', () => {
  const aip = findProtocol(protocols, 'aip');
  const stage1 = aip && findPhase(aip, 'reintroduction-1');
  if (!stage1) throw new Error('no AIP stage 1');
  const r = restriction('aip', 'reintroduction-1');

  it('stage 1 still allows seed and nut oils by exception and leaves out processed foods', () => {
    expect(stage1.allow.map((a) => a.code)).toEqual(
      expect.arrayContaining(['seed-oil', 'nut-oil']),
    );
    expect(stage1.exclude).toContain('processed');
  });

  it.each([
    ['sesame oil', '04058'],
    ['walnut oil', '04528'],
    ['flaxseed oil', '42231'],
  ])('%s is allowed', (_name, ndb) => {
    expect(broken(ndb, r)).toEqual([]);
  });

  it.each([
    ['canola oil', '04582'],
    ['corn oil', '04518'],
    ['sunflower oil', '04060'],
    ['safflower oil', '04510'],
    ['cottonseed oil', '04502'],
    ['soybean oil', SOYBEAN_OIL],
    ['grapeseed oil', '04517'],
    ['corn and canola blend', '42289'],
    ['generic vegetable oil', '04670'],
  ])('refined %s stays out as processed', (_name, ndb) => {
    expect(broken(ndb, r)).toContain('protocol:group:processed');
  });
});

describe('canned tuna and chicken in broth', () => {
  it.each([
    ['whole30', 'elimination'],
    ['aip', 'elimination'],
  ])('%s %s leaves out canned light tuna and canned chicken (soy in the broth)', (p, ph) => {
    const r = restriction(p, ph);
    expect(broken('15121', r)).toContain('protocol:group:soy');
    expect(broken('05277', r)).toContain('protocol:group:soy');
  });

  it('a soy allergy leaves them out in any protocol', () => {
    const r = restriction('low-fodmap', 'elimination', ['soy']);
    expect(broken('15121', r)).toEqual(['allergy:allergen:soy']);
  });
});
