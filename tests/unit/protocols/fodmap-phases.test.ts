import { describe, expect, it } from 'vitest';
import { buildRestriction } from '@/lib/protocols/build-restriction';
import type { TaggedFoodRef } from '@/lib/restrictions/types';
import { findViolations } from '@/lib/restrictions/violations';
import { loadProtocols } from '@/seeds/protocols/load';
import { loadFixture } from '../tagging/fixtures';

const protocols = loadProtocols();
const { tagged } = loadFixture();

function ref(ndb: string): TaggedFoodRef {
  const t = tagged.get(ndb)!;
  return {
    ndb,
    name: ndb,
    allergens: t.allergens.map(({ code, certainty }) => ({ code, certainty })),
    tags: t.tags.map(({ code, certainty }) => ({ code, certainty })),
  };
}

function restriction(phaseId: string, avoid: string[] = []) {
  const built = buildRestriction({
    protocols,
    protocolId: 'low-fodmap',
    phaseId,
    diet: 'omnivore',
    allergens: [],
    avoid,
    dislikes: [],
  });
  if (!built.ok) throw new Error(built.message);
  return built.restriction;
}

describe('low-FODMAP phases and doses', () => {
  it.each([
    ['elimination', true],
    ['reintroduction', true],
    ['personalization', undefined],
  ])('%s is dose-aware: %s', (phase, expected) => {
    expect(restriction(phase).fodmapDoses).toBe(expected);
  });

  it('no other protocol phase is dose-aware', () => {
    for (const p of protocols.filter((x) => x.id !== 'low-fodmap'))
      for (const ph of p.phases) expect(ph.fodmapDoses, `${p.id} ${ph.id}`).toBe(false);
  });

  it('personalisation can leave out onion fructans and keep wheat and garlic', () => {
    const r = restriction('personalization', ['fructan-onion']);
    expect(findViolations(ref('11282'), r).map((v) => v.code)).toEqual(['fructan-onion']);
    expect(findViolations(ref('11215'), r)).toEqual([]);
    expect(findViolations(ref('18069'), r)).toEqual([]);
  });

  it('the reintroduction text tests fructans in three parts', () => {
    const phase = protocols
      .find((p) => p.id === 'low-fodmap')!
      .phases.find((p) => p.id === 'reintroduction')!;
    const text = phase.reintroduces.join(' ');
    for (const part of ['grains', 'garlic', 'onion']) expect(text).toContain(`fructans in ${part}`);
  });
});
