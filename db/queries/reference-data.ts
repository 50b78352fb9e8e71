import { inArray } from 'drizzle-orm';
import { type FoodConcept, parseFoodConcepts } from '../../lib/foods/concepts';
import { type DriTable, parseDriRows } from '../../lib/nutrition/dri';
import {
  parseReintroductionSeeds,
  type ReintroductionSeed,
} from '../../lib/reintroduction/seed-schema';
import { parseAisleRules } from '../../lib/shopping/aisles';
import { type FoodNames, parseFoodNames } from '../../lib/shopping/food-names';
import { parsePantryDefaults } from '../../lib/shopping/pantry';
import { type PurchaseUnit, parsePurchaseUnits } from '../../lib/shopping/purchase-units';
import type { AisleRules } from '../../lib/shopping/types';
import type { Db } from '../client';

/** The keys of the reference_data rows the seed writes. */
export const REFERENCE_KEYS = [
  'aisles',
  'pantry-defaults',
  'food-names',
  'purchase-units',
  'food-concepts',
  'dri',
  'reintroduction',
] as const;
export type ReferenceKey = (typeof REFERENCE_KEYS)[number];

/** The reference data the app reads at run time, parsed. */
export type ReferenceData = {
  aisles: AisleRules;
  /** Default pantry rules (NDB number, group:, aisle: or /regex/). */
  pantryDefaults: string[];
  /** Display and shopping names by NDB number. */
  foodNames: ReadonlyMap<string, FoodNames>;
  /** What a shop sells, by shopping name. */
  purchaseUnits: ReadonlyMap<string, PurchaseUnit[]>;
  foodConcepts: FoodConcept[];
  dri: DriTable;
  /** Reintroduction challenges by protocol id (seeds/reintroduction). */
  reintroduction: ReadonlyMap<string, ReintroductionSeed>;
};

function parseRow<T>(
  rows: ReadonlyMap<string, unknown>,
  key: ReferenceKey,
  parse: (json: unknown) => T,
): T {
  if (!rows.has(key)) {
    throw new Error(`reference_data has no row '${key}': the database is not seeded`);
  }
  try {
    return parse(rows.get(key));
  } catch (cause) {
    throw new Error(`reference_data '${key}': ${(cause as Error).message}`, { cause });
  }
}

/**
 * Parses reference_data rows, each with the zod parser of its seed file; a missing or invalid
 * row throws naming its key. The seed runs this too, so it never stores what the app rejects.
 */
export function parseReferenceData(rows: readonly { key: string; data: unknown }[]): ReferenceData {
  const byKey = new Map(rows.map((r) => [r.key, r.data]));
  return {
    aisles: parseRow(byKey, 'aisles', parseAisleRules),
    pantryDefaults: parseRow(byKey, 'pantry-defaults', parsePantryDefaults),
    foodNames: parseRow(byKey, 'food-names', parseFoodNames),
    purchaseUnits: parseRow(byKey, 'purchase-units', parsePurchaseUnits),
    foodConcepts: parseRow(byKey, 'food-concepts', parseFoodConcepts),
    dri: parseRow(byKey, 'dri', parseDriRows),
    reintroduction: parseRow(byKey, 'reintroduction', parseReintroductionSeeds),
  };
}

// One parse per handle: the data changes only when the database is seeded again, and seeding
// runs before the app starts.
const cache = new WeakMap<object, Promise<ReferenceData>>();

async function readReferenceData(db: Db): Promise<ReferenceData> {
  const t = db.t.referenceData;
  const rows = await db.orm
    .select({ key: t.key, data: t.data })
    .from(t)
    .where(inArray(t.key, [...REFERENCE_KEYS]));
  return parseReferenceData(rows);
}

/** The parsed reference data of `db`, read and validated once per handle. */
export async function loadReferenceData(db: Db): Promise<ReferenceData> {
  let loaded = cache.get(db.cacheKey);
  if (!loaded) {
    loaded = readReferenceData(db);
    // A failed read (say, before the seed) is not kept: the next call tries again.
    loaded.catch(() => {
      if (cache.get(db.cacheKey) === loaded) cache.delete(db.cacheKey);
    });
    cache.set(db.cacheKey, loaded);
  }
  return loaded;
}
