import { isFodmapCode } from '../foods/codes';
import { PORTIONS } from '../planner/score';
import type { TagRef } from '../restrictions/types';
import { portionFits } from './load';
import type { TableSubgroup } from './table';

/** Table subgroup words as users read them; perseitol is the avocado polyol, counted as sorbitol. */
const SUBGROUP_WORDS: Record<TableSubgroup, string> = {
  fructose: 'fructose',
  lactose: 'lactose',
  fructans: 'fructans',
  GOS: 'GOS',
  sorbitol: 'sorbitol',
  mannitol: 'mannitol',
  perseitol: 'sorbitol',
};

export type ServesForText = {
  greenMaxG: number | null;
  subgroupsAbove: TableSubgroup[];
  unlimited: boolean;
};

/**
 * One line about a food's FODMAP serve, e.g. "low FODMAP up to 30 g (sorbitol above)".
 * A blank or 0 green serve says "not in the elimination phase"; a food the table does not cover
 * but the rules tag says the same with "no serving data"; null when there is nothing to say.
 */
export function describeServes(serves: ServesForText | null, tags: TagRef[]): string | null {
  if (serves) {
    if (serves.unlimited) {
      return serves.greenMaxG !== null
        ? `no FODMAPs at usual serves (low up to at least ${serves.greenMaxG} g)`
        : 'no FODMAPs at usual serves';
    }
    const words = [...new Set(serves.subgroupsAbove.map((s) => SUBGROUP_WORDS[s]))];
    if (serves.greenMaxG !== null && serves.greenMaxG > 0) {
      const above = words.length > 0 ? ` (${words.join(' and ')} above)` : '';
      return `low FODMAP up to ${serves.greenMaxG} g${above}`;
    }
    const what = words.length > 0 ? `high in ${words.join(' and ')}; ` : '';
    return serves.greenMaxG === 0
      ? `not in the elimination phase (${what}no low-FODMAP serve)`
      : `not in the elimination phase (${what}no sourced low-FODMAP serve yet)`;
  }
  if (tags.some((t) => isFodmapCode(t.code)))
    return 'not in the elimination phase (FODMAPs by rule; no serving data)';
  return null;
}

/**
 * The largest planned portion (from PORTIONS) that keeps a recipe green, as users read it:
 * "fits at up to 1 serving per person"; null when doses put no limit on it.
 */
export function describeMaxPortion(maxPortion: number | null): string | null {
  if (maxPortion === null || !Number.isFinite(maxPortion)) return null;
  const fitting = PORTIONS.filter((p) => portionFits(p, maxPortion));
  if (fitting.length === 0) return null;
  const p = Math.max(...fitting);
  return `fits at up to ${p} serving${p === 1 ? '' : 's'} per person`;
}
