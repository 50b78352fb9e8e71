import { z } from 'zod';
import { challengeDefinitionSchema } from './types';

/**
 * The JSON shape of seeds/reintroduction/<protocol>.json: a protocol's challenges in the order
 * they are run (stage by stage, file order within a stage), with where the method comes from.
 * Clinician-led protocols (six-food elimination) list their groups so outcomes can be
 * recorded; Villi never plans them.
 */
export const reintroductionSeedSchema = z
  .strictObject({
    protocol: z.string().regex(/^[a-z0-9-]+$/),
    clinicianLed: z.boolean(),
    sources: z.array(z.string().min(1)).min(1),
    challenges: z.array(challengeDefinitionSchema).min(1),
  })
  .superRefine((file, ctx) => {
    const ids = new Set<string>();
    file.challenges.forEach((c, i) => {
      if (ids.has(c.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['challenges', i, 'id'],
          message: `duplicate id ${c.id}`,
        });
      }
      ids.add(c.id);
      // a retest takes "<id>-2", so an id ending in "-<digits>" would be ambiguous
      if (/-\d+$/.test(c.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['challenges', i, 'id'],
          message: 'an id does not end in -<number>',
        });
      }
      if (i > 0 && c.stage < (file.challenges[i - 1]?.stage ?? 1)) {
        ctx.addIssue({
          code: 'custom',
          path: ['challenges', i, 'stage'],
          message: 'stages run in order',
        });
      }
      c.doses.forEach((d, j) => {
        const before = c.doses[j - 1];
        if (before && d.grams <= before.grams) {
          ctx.addIssue({
            code: 'custom',
            path: ['challenges', i, 'doses', j, 'grams'],
            message: 'doses rise day by day',
          });
        }
      });
      const s = c.scope;
      if (s.groups.length + s.concepts.length + s.foods.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['challenges', i, 'scope'],
          message: 'a challenge brings something back',
        });
      }
    });
  });
export type ReintroductionSeed = z.output<typeof reintroductionSeedSchema>;

/** Every protocol's file, keyed by protocol id (the reference_data row `reintroduction`). */
export const reintroductionSeedsSchema = z
  .record(z.string(), reintroductionSeedSchema)
  .superRefine((files, ctx) => {
    for (const [key, file] of Object.entries(files)) {
      if (file.protocol !== key) {
        ctx.addIssue({
          code: 'custom',
          path: [key, 'protocol'],
          message: `file of ${key} names ${file.protocol}`,
        });
      }
    }
  });

export function parseReintroductionSeeds(json: unknown): ReadonlyMap<string, ReintroductionSeed> {
  return new Map(Object.entries(reintroductionSeedsSchema.parse(json)));
}
