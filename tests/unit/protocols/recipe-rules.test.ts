import { describe, expect, it } from 'vitest';
import { buildRestriction, restrictionForPhase } from '@/lib/protocols/build-restriction';
import { loadProtocols } from '@/seeds/protocols/load';

const protocols = loadProtocols();
const byId = (id: string) => protocols.find((p) => p.id === id)!;

function restrictionFor(protocolId: string, phaseId: string) {
  const result = buildRestriction({
    protocols,
    protocolId,
    phaseId,
    diet: 'omnivore',
    allergens: [],
    avoid: [],
    dislikes: [],
  });
  if (!result.ok) throw new Error(result.message);
  return result.restriction;
}

describe('recipe-level protocol rules (data in seeds/protocols)', () => {
  it.each(byId('whole30').phases.map((ph) => [ph.id]))(
    'Whole30 %s leaves treats out with a reason',
    (phaseId) => {
      expect(restrictionFor('whole30', phaseId).excludeTreats?.reason).toBe(
        'treats are not in Whole30 even with compliant ingredients',
      );
    },
  );

  it('every AIP phase that excuses honey and maple from added sugar caps fructose at 20 g a day', () => {
    const aip = byId('aip');
    const sweetened = aip.phases.filter((ph) =>
      ph.allow.some((a) => a.code === 'unrefined-sweetener' && a.excuses.includes('added-sugar')),
    );
    expect(sweetened.length).toBeGreaterThan(0);
    for (const phase of sweetened) {
      const caps = restrictionForPhase(aip, phase).dailyCaps ?? [];
      expect(caps).toHaveLength(1);
      expect(caps[0]).toMatchObject({ nutrient: 'fructoseG', max: 20 });
      expect(caps[0]!.reason).toContain('AIP');
      expect(restrictionFor('aip', phase.id).dailyCaps).toEqual(caps);
    }
  });

  it.each([
    ['low-fodmap', 'elimination'],
    ['six-food', 'elimination'],
    ['gut-reset', 'elimination'],
  ])('%s %s has neither rule', (protocolId, phaseId) => {
    const r = restrictionFor(protocolId, phaseId);
    expect(r.excludeTreats).toBeUndefined();
    expect(r.dailyCaps).toBeUndefined();
  });
});
