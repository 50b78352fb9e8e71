import { describe, expect, it } from 'vitest';
import { tagFood } from '@/lib/tagging';
import { codesOf, loadFixture } from './fixtures';

/** The derived foods go through the same rules as SR21 foods; their tags are computed. */
const { tagged, byNdb, rules } = loadFixture();
const codes = (ndb: string) => {
  const t = tagged.get(ndb);
  if (!t) throw new Error(`untagged ${ndb}`);
  return codesOf(t);
};
const certainty = (ndb: string, code: string) => {
  const t = tagged.get(ndb);
  return [...(t?.allergens ?? []), ...(t?.tags ?? [])].find((x) => x.code === code)?.certainty;
};

describe('tags of the derived foods', () => {
  it('lactose-free milk is still milk and dairy, without the lactose FODMAP tag', () => {
    expect(certainty('99001', 'milk')).toBe('contains');
    expect(codes('99001')).toContain('dairy');
    expect(codes('99001')).not.toContain('fodmap-lactose');
    expect(codes('99001')).not.toContain('high-fodmap');
    // the parent keeps it
    expect(codes('01077')).toContain('fodmap-lactose');
  });

  it('lactose-free yogurt is milk, dairy and fermented dairy, without lactose', () => {
    expect(certainty('99002', 'milk')).toBe('contains');
    expect(codes('99002')).toContain('dairy');
    expect(codes('99002')).toContain('fermented-dairy');
    expect(codes('99002')).not.toContain('fodmap-lactose');
  });

  it('garlic-infused olive oil carries no fructans and no seed-oil tag', () => {
    for (const code of ['fodmap-fructan', 'high-fodmap', 'seed-oil', 'processed'])
      expect(codes('99003')).not.toContain(code);
  });

  it('spring onion greens carry no fructans; the whole spring onion does', () => {
    expect(codes('99004')).not.toContain('fodmap-fructan');
    expect(codes('11291')).toContain('fodmap-fructan');
  });

  it('canned lentils are a legume with GOS (small serves are a dose question)', () => {
    expect(codes('99005')).toContain('legume');
    expect(codes('99005')).toContain('fodmap-gos');
  });

  it('certified gluten-free oats: no gluten or wheat; regular oats keep gluten', () => {
    for (const code of ['gluten', 'wheat']) expect(codes('99006')).not.toContain(code);
    expect(codes('99006')).toContain('grain');
    expect(codes('08120')).toContain('gluten');
  });

  it('rice drink: a rice grain drink, no soy, nut, milk or dairy', () => {
    for (const code of ['soy', 'tree-nut', 'peanut', 'nut', 'milk', 'dairy'])
      expect(codes('99007')).not.toContain(code);
    expect(codes('99007')).toContain('rice');
  });

  it('coconut aminos: no soy, wheat or gluten, not a tree nut, no added sugar', () => {
    for (const code of ['soy', 'wheat', 'gluten', 'tree-nut', 'nut', 'legume', 'added-sugar'])
      expect(codes('99008')).not.toContain(code);
  });

  it('plain canned tuna without broth: fish, no soy or nightshade; the broth-packed parent keeps them', () => {
    for (const code of ['soy', 'nightshade', 'legume']) expect(codes('99013')).not.toContain(code);
    expect(certainty('99013', 'fish')).toBe('contains');
    expect(certainty('15121', 'soy')).toBe('may-contain');
    expect(certainty('15121', 'nightshade')).toBe('may-contain');
  });

  it('the tuna broth rule reads "without broth" in the description alone, no common name needed', () => {
    const tuna = byNdb.get('99013');
    if (!tuna) throw new Error('99013 missing');
    const t = tagFood({ ...tuna, commonNames: '' }, rules);
    expect(t.allergens.map((x) => x.code)).not.toContain('soy');
    const broth = tagFood(
      { ...tuna, commonNames: '', longDesc: 'Fish, tuna, light, canned in water, drained solids' },
      rules,
    );
    expect(broth.allergens.find((x) => x.code === 'soy')?.source).toBe(
      'soy-canned-fish-poultry-broth',
    );
  });
});
