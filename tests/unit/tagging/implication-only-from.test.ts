import { describe, expect, it } from 'vitest';
import type { FoodTagging } from '@/lib/foods/types';
import { buildRestriction } from '@/lib/protocols/build-restriction';
import { findRecipeViolations } from '@/lib/restrictions/recipe-violations';
import { IMPLICATIONS, tagFood } from '@/lib/tagging';
import { loadProtocols } from '@/seeds/protocols/load';
import { loadFixture } from './fixtures';

/**
 * Peanut ⇒ legume fires only from `contains`: a shared-line "may contain peanut" trace keeps the
 * peanut allergen (a peanut allergy still excludes the food) but does not make the food a legume.
 */
const { byNdb, rules, tagged } = loadFixture();

const tagsOf = (ndb: string): FoodTagging => {
  const t = tagged.get(ndb);
  if (!t) throw new Error(`untagged ${ndb}`);
  return t;
};
const allergen = (ndb: string, code: string) => tagsOf(ndb).allergens.find((t) => t.code === code);
const group = (ndb: string, code: string) => tagsOf(ndb).tags.find((t) => t.code === code);

const protocols = loadProtocols();
/** Whether the food alone breaks the protocol's first phase (with optional allergies). */
function excluded(ndb: string, protocolId: string, allergens: string[] = []): boolean {
  const built = buildRestriction({
    protocols,
    protocolId,
    phaseId: 'elimination',
    diet: 'omnivore',
    allergens,
    avoid: [],
    dislikes: [],
  });
  if (!built.ok) throw new Error(built.message);
  const t = tagsOf(ndb);
  const ref = {
    ndb,
    name: ndb,
    allergens: t.allergens.map((x) => ({ code: x.code, certainty: x.certainty })),
    tags: t.tags.map((x) => ({ code: x.code, certainty: x.certainty })),
  };
  return findRecipeViolations([ref], built.restriction).length > 0;
}

describe('peanut ⇒ legume only from contains', () => {
  it('almond butter with a shared-line peanut trace: peanut may-contain, no legume', () => {
    for (const ndb of ['12195', '12695']) {
      expect(byNdb.get(ndb)?.longDesc).toMatch(/almond butter/i);
      expect(allergen(ndb, 'peanut')?.certainty).toBe('may-contain');
      expect(group(ndb, 'legume')).toBeUndefined();
    }
  });

  it('dry-roasted almonds and cashews on peanut lines are not legumes either', () => {
    for (const ndb of ['12063', '12085']) {
      expect(allergen(ndb, 'peanut')?.certainty).toBe('may-contain');
      expect(group(ndb, 'legume')).toBeUndefined();
    }
  });

  it('peanuts and peanut butter are legume contains', () => {
    for (const ndb of ['16087', '16090', '16098']) {
      expect(allergen(ndb, 'peanut')?.certainty).toBe('contains');
      expect(group(ndb, 'legume')?.certainty).toBe('contains');
    }
  });

  it('a food whose only legume is a certain peanut gets it from the implication', () => {
    // Nuts with peanuts in the mix: group 1200, so no legume rule, only the peanut allergen.
    expect(byNdb.get('12637')?.longDesc).toMatch(/mixed nuts, with peanuts/i);
    expect(allergen('12637', 'peanut')?.certainty).toBe('contains');
    expect(group('12637', 'legume')?.certainty).toBe('contains');
    expect(group('12637', 'legume')?.rationale).toMatch(/^peanut allergen implies legume: /);
  });

  it('oil-roasted nuts may be roasted in peanut oil (an ingredient): the rule tags legume', () => {
    for (const ndb of ['12065', '12144']) {
      expect(byNdb.get(ndb)?.longDesc).toMatch(/oil roasted/);
      expect(group(ndb, 'legume')).toMatchObject({
        certainty: 'may-contain',
        source: 'label-peanut-oil-roasted-legume',
      });
    }
  });

  it('where unspecified nuts may BE peanuts, the rule itself tags legume may-contain', () => {
    // "Mixed nuts ... without peanuts" and trail mixes: the rule names legume, not the implication.
    const trail = [...byNdb.values()].filter((f) => /trail mix/i.test(f.longDesc));
    expect(trail.length).toBeGreaterThan(0);
    for (const f of trail) {
      expect(allergen(f.ndb, 'peanut'), f.longDesc).toBeDefined();
      expect(group(f.ndb, 'legume'), f.longDesc).toBeDefined();
    }
  });

  it('Whole30 and AIP keep almond butter out only for what it is; a peanut allergy still excludes it', () => {
    expect(excluded('12195', 'whole30')).toBe(false);
    expect(excluded('12195', 'whole30', ['peanut'])).toBe(true);
    expect(excluded('16087', 'whole30')).toBe(true); // peanuts are a legume
    // AIP leaves nuts out in elimination anyway (nut group, not legume)
    expect(excluded('12195', 'aip')).toBe(true);
  });

  it('the engine applies the flag: a synthetic food with only a peanut trace gets no legume', () => {
    const almondButter = byNdb.get('12195');
    if (!almondButter) throw new Error('12195 missing');
    const t = tagFood({ ...almondButter, ndb: '99999' }, rules);
    expect(t.allergens.find((x) => x.code === 'peanut')?.certainty).toBe('may-contain');
    expect(t.tags.find((x) => x.code === 'legume')).toBeUndefined();
    const peanutButter = tagFood(
      { ...almondButter, ndb: '99998', longDesc: 'Peanut butter, smooth style, without salt' },
      rules,
    );
    expect(peanutButter.tags.find((x) => x.code === 'legume')?.certainty).toBe('contains');
  });

  it('only structural identities from an allergen carry the flag (peanut ⇒ legume today)', () => {
    const flagged = IMPLICATIONS.filter((i) => i.onlyFrom === 'contains');
    expect(flagged.map((i) => `${i.from.kind}:${i.from.code}`)).toEqual(['allergen:peanut']);
    // soy stays a legume at any certainty: a may-contain soy is a possible ingredient
    const soy = IMPLICATIONS.find((i) => i.from.kind === 'group' && i.from.code === 'soy');
    expect(soy?.onlyFrom).toBeUndefined();
  });
});
