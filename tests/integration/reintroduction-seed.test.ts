import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, dbConfigFromEnv, openDb } from '@/db/client';
import { challengeDefinitions } from '@/db/queries/challenge-definitions';
import { loadReferenceData } from '@/db/queries/reference-data';
import { GROUP_CODES } from '@/lib/foods/codes';
import foodConceptsJson from '@/seeds/food-concepts.json';
import { useFreshDatabase } from '../support/db';

const PROTOCOLS = ['aip', 'low-fodmap', 'gut-reset', 'six-food', 'whole30'] as const;

describe('reintroduction challenge data, as seeded', () => {
  let db: Db;
  beforeAll(async () => {
    await useFreshDatabase();
    db = openDb(dbConfigFromEnv());
  });
  afterAll(() => db.close());

  it('has challenges for every protocol and none for everyday diets', async () => {
    const protocols = (
      await db.orm.select({ id: db.t.protocols.id, kind: db.t.protocols.kind }).from(db.t.protocols)
    )
      .filter((p) => p.kind === 'protocol')
      .map((p) => p.id);
    expect([...protocols].sort()).toEqual([...PROTOCOLS].sort());
    for (const id of PROTOCOLS) {
      const found = await challengeDefinitions(db, id);
      expect(found?.challenges.length, id).toBeGreaterThan(0);
    }
    expect(await challengeDefinitions(db, 'omnivore')).toBeNull();
    expect((await challengeDefinitions(db, 'six-food'))?.clinicianLed).toBe(true);
    expect((await challengeDefinitions(db, 'aip'))?.clinicianLed).toBe(false);
  });

  it('names real foods: every challenge food and scope food is in the foods table, by its name', async () => {
    for (const id of PROTOCOLS) {
      const { challenges } = (await challengeDefinitions(db, id)) ?? { challenges: [] };
      const ndbs = [
        ...new Set(
          challenges.flatMap((c) => [c.food.ndb, ...c.scope.foods, ...c.reactedAlso.foods]),
        ),
      ];
      const rows = await db.orm
        .select({ ndb: db.t.foods.ndb, name: db.t.foods.name })
        .from(db.t.foods)
        .where(inArray(db.t.foods.ndb, ndbs));
      const names = new Map(rows.map((r) => [r.ndb, r.name]));
      expect(
        ndbs.filter((n) => !names.has(n)),
        id,
      ).toEqual([]);
      for (const c of challenges) expect(c.food.name, `${id}/${c.id}`).toBe(names.get(c.food.ndb));
    }
  });

  it('uses known group codes and concepts, and each dose is larger than the one before', async () => {
    const concepts = new Set(foodConceptsJson.concepts.map((c) => c.id));
    const groups = new Set<string>(GROUP_CODES);
    for (const id of PROTOCOLS) {
      const { challenges } = (await challengeDefinitions(db, id)) ?? { challenges: [] };
      for (const c of challenges) {
        const where = `${id}/${c.id}`;
        expect(
          [...c.scope.groups, ...c.reactedAlso.groups].filter((g) => !groups.has(g)),
          where,
        ).toEqual([]);
        expect(
          [...c.scope.concepts, ...c.reactedAlso.concepts].filter((k) => !concepts.has(k)),
          where,
        ).toEqual([]);
        const grams = c.doses.map((d) => d.grams);
        for (let i = 1; i < grams.length; i++)
          expect(grams[i], where).toBeGreaterThan(grams[i - 1] ?? 0);
        if (c.subgroup !== null) expect(groups.has(c.subgroup), where).toBe(true);
      }
    }
  });

  it('follows each method: AIP one day then days of watching, low-FODMAP three doses then 3 washout days', async () => {
    const aip = (await challengeDefinitions(db, 'aip'))?.challenges ?? [];
    const stages = aip.map((c) => c.stage);
    expect(stages).toEqual([...stages].sort((a, b) => a - b));
    expect(new Set(stages)).toEqual(new Set([1, 2, 3, 4]));
    expect(aip.every((c) => c.doses.length === 1 && c.washoutDays >= 5)).toBe(true);
    const lf = (await challengeDefinitions(db, 'low-fodmap'))?.challenges ?? [];
    expect(lf).toHaveLength(8);
    expect(lf.every((c) => c.doses.length === 3 && c.washoutDays === 3)).toBe(true);
    const honey = lf.find((c) => c.id === 'fructose');
    expect(honey?.doses.map((d) => d.words)).toEqual([
      '1 tsp honey',
      '1 tbsp honey',
      '2 tbsp honey',
    ]);
    // garlic fructans are tested apart from wheat: the scope says garlic, not every fructan
    expect(lf.find((c) => c.id === 'fructan-garlic')?.scope.groups).toEqual(['fructan-garlic']);
  });

  it('is the seed file, parsed', async () => {
    const data = await loadReferenceData(db);
    expect([...data.reintroduction.keys()].sort()).toEqual([...PROTOCOLS].sort());
  });
});
