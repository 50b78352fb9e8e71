import { FRUCTAN_PART_CODES, type GroupCode, isFodmapCode } from '../foods/codes';
import type { FoodTag, FoodTagging } from '../foods/types';
import type { ServingRow, TableSubgroup } from './table';

/**
 * Serving-table subgroup → Villi group code. Perseitol (the avocado polyol Monash identified in
 * 2024) maps to sorbitol: Villi tracks the six standard subgroups, and the polyol challenge
 * that brings avocado back is the sorbitol one.
 */
export const SUBGROUP_CODE: Record<TableSubgroup, GroupCode> = {
  fructose: 'fodmap-fructose',
  lactose: 'fodmap-lactose',
  fructans: 'fodmap-fructan',
  GOS: 'fodmap-gos',
  sorbitol: 'fodmap-sorbitol',
  mannitol: 'fodmap-mannitol',
  perseitol: 'fodmap-sorbitol',
};

/** The text users see beside every serve from the table. */
export const SERVING_DISCLAIMER =
  'estimated from published sources — the Monash app is the reference';

/** The subgroup group codes a row names, perseitol folded into sorbitol, without duplicates. */
export function subgroupCodesOf(row: ServingRow): GroupCode[] {
  return [...new Set(row.subgroupsAbove.map((s) => SUBGROUP_CODE[s]))];
}

const TIER_WORDS: Record<ServingRow['tier'], string> = {
  'monash-direct': 'Monash page',
  secondary: 'dietitian source',
  tertiary: 'aggregator source',
  unsourced: 'no sourced serve',
};

/**
 * Replaces a food's FODMAP tags by what its serving-table row says (the table is the better
 * source for a food it covers; rule tags stay for every other food):
 * - `unlimited`: no FODMAP tag;
 * - a green serve > 0: the row's subgroup tags (or `high-fodmap` alone when it names none), each
 *   with `greenMaxG` and `subgroupsAbove`; finer fructan codes the rules found stay, dosed alike;
 * - green 0 or blank: the same tags without a dose, so the food stays out of the elimination
 *   phase ("not in the elimination phase").
 * `high-fodmap` always accompanies a subgroup tag, as the implications require.
 */
export function applyServingRow(tagging: FoodTagging, row: ServingRow | undefined): FoodTagging {
  if (!row) return tagging;
  const kept = tagging.tags.filter((t) => !isFodmapCode(t.code));
  if (row.unlimited) return { ...tagging, tags: kept };
  const subgroups = subgroupCodesOf(row);
  const parts = subgroups.includes('fodmap-fructan')
    ? tagging.tags.filter((t) => (FRUCTAN_PART_CODES as readonly GroupCode[]).includes(t.code))
    : [];
  const green = row.greenMaxG !== null && row.greenMaxG > 0 ? row.greenMaxG : undefined;
  const above: string[] = subgroups.length > 0 ? subgroups : ['high-fodmap'];
  const where = `${row.food}, ${TIER_WORDS[row.tier]}`;
  const rationale =
    green !== undefined
      ? `Low FODMAP up to ${green} g per sitting; above it ${above.join(', ')} rises (serving table: ${where}).`
      : `No low-FODMAP serve is known, so it is not in the elimination phase (serving table: ${where}).`;
  const dosed = (
    code: GroupCode,
    certainty: FoodTag['certainty'],
    why: string,
  ): FoodTag<GroupCode> => ({
    code,
    certainty,
    rationale: why,
    source: `fodmap-servings:${row.food}`,
    ...(green !== undefined ? { greenMaxG: green, subgroupsAbove: above } : {}),
  });
  const fodmap: FoodTag<GroupCode>[] = [
    dosed('high-fodmap', 'contains', rationale),
    ...subgroups.map((code) => dosed(code, 'contains', rationale)),
    ...parts.map((t) => dosed(t.code, t.certainty, t.rationale)),
  ];
  return { ...tagging, tags: [...kept, ...fodmap] };
}
