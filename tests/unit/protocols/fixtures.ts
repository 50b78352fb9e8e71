import { type BuildRestrictionInput, buildRestriction } from '@/lib/protocols/build-restriction';
import type { Restriction, TaggedFoodRef } from '@/lib/restrictions/types';
import { loadProtocols } from '@/seeds/protocols/load';

/** The seeded protocol and diet files. */
export const protocols = loadProtocols();

/** A food that certainly carries every tag and allergen listed. */
export const food = (name: string, tags: string[], allergens: string[] = []): TaggedFoodRef => ({
  ndb: '99999',
  name,
  tags: tags.map((code) => ({ code, certainty: 'contains' })),
  allergens: allergens.map((code) => ({ code, certainty: 'contains' })),
});

/**
 * A restriction builder over the seeded files: `defaults` name the protocol and phase, each
 * call may override any input; a refused build throws.
 */
export const builder =
  (defaults: Pick<BuildRestrictionInput, 'protocolId' | 'phaseId'>) =>
  (over: Partial<BuildRestrictionInput> = {}): Restriction => {
    const r = buildRestriction({
      protocols,
      diet: 'omnivore',
      allergens: [],
      avoid: [],
      dislikes: [],
      ...defaults,
      ...over,
    });
    if (!r.ok) throw new Error(r.message);
    return r.restriction;
  };
