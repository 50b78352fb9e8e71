import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyDerivedFoods, type DerivedFoodInput, parseDerivedFoods } from '../lib/foods/derived';
import type { UsdaFood } from '../lib/foods/types';
import { readSr21Files } from '../lib/usda/load-files';
import { parseSr21 } from '../lib/usda/parse';

/** The derived foods (foods SR21 lacks, each built from an SR21 parent). */
export const DERIVED_FOODS_PATH = join(process.cwd(), 'seeds', 'derived-foods.json');

export function readDerivedFoods(path = DERIVED_FOODS_PATH): DerivedFoodInput[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new Error('seeds/derived-foods.json: invalid JSON', { cause });
  }
  return parseDerivedFoods(json);
}

/**
 * Every food Villi knows: the 7,413 SR21 foods, then the derived foods. The one loader for
 * tagging, seeding, scripts and tests, so no place sees SR21 without its derived foods.
 */
export function loadFoods(): UsdaFood[] {
  return applyDerivedFoods(parseSr21(readSr21Files()), readDerivedFoods());
}
