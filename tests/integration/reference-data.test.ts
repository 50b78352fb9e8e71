import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, dbConfigFromEnv, openDb } from '@/db/client';
import { loadReferenceData } from '@/db/queries/reference-data';
import { parseFoodConcepts } from '@/lib/foods/concepts';
import { parseAisleRules } from '@/lib/shopping/aisles';
import { parseFoodNames } from '@/lib/shopping/food-names';
import { parsePantryDefaults } from '@/lib/shopping/pantry';
import { parsePurchaseUnits } from '@/lib/shopping/purchase-units';
import aislesJson from '@/seeds/aisles.json';
import { loadDriTable } from '@/seeds/dri/load';
import foodConceptsJson from '@/seeds/food-concepts.json';
import foodNamesJson from '@/seeds/food-names.json';
import pantryJson from '@/seeds/pantry-defaults.json';
import purchaseUnitsJson from '@/seeds/purchase-units.json';
import { useFreshDatabase } from '../support/db';

describe('reference data', () => {
  let db: Db;
  beforeAll(async () => {
    await useFreshDatabase();
    db = openDb(dbConfigFromEnv());
  });
  afterAll(() => db.close());

  it('is what the seed files parse to', async () => {
    const data = await loadReferenceData(db);
    expect(data.aisles).toEqual(parseAisleRules(aislesJson));
    expect(data.pantryDefaults).toEqual(parsePantryDefaults(pantryJson));
    expect(data.foodNames).toEqual(parseFoodNames(foodNamesJson));
    expect(data.purchaseUnits).toEqual(parsePurchaseUnits(purchaseUnitsJson));
    expect(data.foodConcepts).toEqual(parseFoodConcepts(foodConceptsJson));
    expect(data.dri).toEqual(loadDriTable());
    expect(data.dri.rows).toHaveLength(448);
  });

  it('is read and parsed once per database handle, its transactions included', async () => {
    const first = await loadReferenceData(db);
    expect(await loadReferenceData(db)).toBe(first);
    expect(await db.transaction((tx) => loadReferenceData(tx))).toBe(first);
  });

  /** A handle of its own, whose cache is empty, for a test that breaks the rows in a transaction. */
  async function withFreshHandle(fn: (fresh: Db) => Promise<void>): Promise<void> {
    const fresh = openDb(dbConfigFromEnv());
    try {
      await fn(fresh);
    } finally {
      await fresh.close();
    }
  }

  it('names a missing key', async () => {
    await withFreshHandle(async (fresh) => {
      const rolledBack = fresh.transaction(async (tx) => {
        const t = tx.t.referenceData;
        await tx.orm.delete(t).where(eq(t.key, 'food-concepts'));
        await loadReferenceData(tx);
      });
      await expect(rolledBack).rejects.toThrow(/reference_data has no row 'food-concepts'/);
    });
  });

  it('names the key of a row its parser rejects', async () => {
    await withFreshHandle(async (fresh) => {
      const rolledBack = fresh.transaction(async (tx) => {
        const t = tx.t.referenceData;
        await tx.orm
          .update(t)
          .set({ data: [{ nutrient: 'iron' }] })
          .where(eq(t.key, 'dri'));
        await loadReferenceData(tx);
      });
      await expect(rolledBack).rejects.toThrow(/reference_data 'dri': dri rows: 0\.unit/);
    });
    // the rollback left the stored rows whole
    const fresh = await db.orm.select().from(db.t.referenceData);
    expect(fresh.map((r) => r.key).sort()).toEqual([
      'aisles',
      'dri',
      'food-concepts',
      'food-names',
      'pantry-defaults',
      'purchase-units',
      'reintroduction',
    ]);
  });
});
