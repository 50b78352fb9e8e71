import 'server-only';
import type { NutrientTargets } from '../../lib/nutrition/nutrient-model';
import {
  type NutrientTargetsInput,
  nutrientTargetsFor,
} from '../../lib/nutrition/nutrient-targets';
import type { Db } from '../client';
import { loadReferenceData } from './reference-data';

/** `nutrientTargetsFor` with the seeded DRI table. */
export async function resolveNutrientTargets(
  db: Db,
  input: NutrientTargetsInput,
): Promise<NutrientTargets> {
  return nutrientTargetsFor(input, (await loadReferenceData(db)).dri);
}
