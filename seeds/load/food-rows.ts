import type { Tables } from '../../db/client';
import { FOOD_GROUPS } from '../../lib/foods/codes';
import type { FoodTagging } from '../../lib/foods/types';
import type { Catalog } from './catalog';

export type FoodFtsRow = { ndb: string; name: string; commonNames: string };

export type FoodRows = {
  foods: Tables['foods']['$inferInsert'][];
  measures: Tables['foodMeasures']['$inferInsert'][];
  tags: Tables['foodTags']['$inferInsert'][];
  serves: Tables['foodFodmapServes']['$inferInsert'][];
  fts: FoodFtsRow[];
};

/** The rows of every seeded food: the food, its measures, tags, FODMAP serve and search text. */
export function foodRows(catalog: Catalog): FoodRows {
  const rows: FoodRows = { foods: [], measures: [], tags: [], serves: [], fts: [] };
  for (const food of catalog.foods) {
    const tagging = catalog.taggings.get(food.ndb) as FoodTagging;
    const name = catalog.names.get(food.ndb) as string;
    rows.foods.push({
      ndb: food.ndb,
      name,
      groupCode: food.groupCode,
      groupName: FOOD_GROUPS[food.groupCode] ?? food.groupCode,
      longDesc: food.longDesc,
      shortDesc: food.shortDesc,
      commonNames: food.commonNames,
      manufacturer: food.manufacturer,
      sciName: food.sciName,
      refusePct: food.refusePct,
      nutrients: food.nutrients,
      energyKcal: food.nutrients.energyKcal,
      proteinG: food.nutrients.proteinG,
      inflammationClass: tagging.inflammation.class,
      inflammationRationale: tagging.inflammation.rationale,
      inflammationEvidence: tagging.inflammation.evidence,
      inflammationSource: tagging.inflammation.source,
      derivedFrom: food.derived?.parent ?? null,
      derivation: food.derived?.derivation ?? null,
    });
    for (const m of food.measures) {
      rows.measures.push({
        ndb: food.ndb,
        seq: m.seq,
        amount: m.amount,
        label: m.label,
        grams: m.grams,
      });
    }
    for (const t of tagging.allergens) {
      rows.tags.push({
        ndb: food.ndb,
        kind: 'allergen',
        code: t.code,
        certainty: t.certainty,
        rationale: t.rationale,
        source: t.source,
        greenMaxG: null,
        subgroupsAbove: null,
      });
    }
    for (const t of tagging.tags) {
      rows.tags.push({
        ndb: food.ndb,
        kind: 'group',
        code: t.code,
        certainty: t.certainty,
        rationale: t.rationale,
        source: t.source,
        greenMaxG: t.greenMaxG ?? null,
        subgroupsAbove: t.subgroupsAbove ?? null,
      });
    }
    const serve = catalog.servings.byNdb.get(food.ndb);
    if (serve) {
      rows.serves.push({
        ndb: food.ndb,
        tableFood: serve.food,
        greenMaxG: serve.greenMaxG,
        amberFromG: serve.amberFromG,
        redFromG: serve.redFromG,
        subgroupsAbove: serve.subgroupsAbove,
        unlimited: serve.unlimited,
        tier: serve.tier,
        source: serve.source,
        note: serve.note,
        matchNote: catalog.matchNotes.get(food.ndb) ?? '',
      });
    }
    rows.fts.push({ ndb: food.ndb, name, commonNames: food.commonNames });
  }
  return rows;
}
