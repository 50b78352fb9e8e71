import 'server-only';
import type { DriTable } from '../../lib/nutrition/dri';
import type { NutrientTargets } from '../../lib/nutrition/nutrient-model';
import {
  type NutrientTargetsInput,
  nutrientTargetsFor,
} from '../../lib/nutrition/nutrient-targets';
import { loadDriTable } from '../../seeds/dri/load';

// The DRI table is reference data shipped in the repository (seeds/dri/dri.csv), read and
// validated once per process, like the aisle and pantry tables the shopping list reads.
const cache = globalThis as unknown as { villiDriTable?: DriTable };

/** The validated DRI table (seeds/dri/dri.csv), loaded once. */
export function getDriTable(): DriTable {
  cache.villiDriTable ??= loadDriTable();
  return cache.villiDriTable;
}

/** `nutrientTargetsFor` with the shipped DRI table. */
export function resolveNutrientTargets(input: NutrientTargetsInput): NutrientTargets {
  return nutrientTargetsFor(input, getDriTable());
}
