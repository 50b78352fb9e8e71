import { NUTRIENT_KEYS, type NutrientKey } from '../foods/nutrients';
import type { Measure, UsdaFood } from '../foods/types';

/** Splits one SR21 line: `^`-separated, text wrapped in `~`. */
export function splitSrLine(line: string): string[] {
  return line.split('^').map((field) => {
    const f = field.trim();
    return f.startsWith('~') && f.endsWith('~') && f.length >= 2 ? f.slice(1, -1) : f;
  });
}

function lines(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => l.trim().length > 0);
}

/** Empty means unknown, never zero. */
function numberOrNull(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

export type SrFiles = { foodDes: string; abbrev: string; weight: string };

/**
 * Parses FOOD_DES, ABBREV and WEIGHT into one record per food.
 * Nutrients come from ABBREV fields 3-46 in order; measures from WEIGHT (grams for `amount` × label).
 */
export function parseSr21(files: SrFiles): UsdaFood[] {
  const nutrientsByNdb = new Map<string, Record<NutrientKey, number | null>>();
  for (const line of lines(files.abbrev)) {
    const f = splitSrLine(line);
    const ndb = f[0] ?? '';
    const nutrients = {} as Record<NutrientKey, number | null>;
    NUTRIENT_KEYS.forEach((key, i) => {
      nutrients[key] = numberOrNull(f[2 + i]);
    });
    nutrientsByNdb.set(ndb, nutrients);
  }

  const measuresByNdb = new Map<string, Measure[]>();
  for (const line of lines(files.weight)) {
    const f = splitSrLine(line);
    const ndb = f[0] ?? '';
    const amount = numberOrNull(f[2]);
    const grams = numberOrNull(f[4]);
    if (amount === null || grams === null || amount <= 0) continue;
    const list = measuresByNdb.get(ndb) ?? [];
    list.push({ seq: Number(f[1]), amount, label: f[3] ?? '', grams });
    measuresByNdb.set(ndb, list);
  }

  const emptyNutrients = Object.fromEntries(NUTRIENT_KEYS.map((k) => [k, null])) as Record<
    NutrientKey,
    number | null
  >;

  return lines(files.foodDes).map((line) => {
    const f = splitSrLine(line);
    const ndb = f[0] ?? '';
    return {
      ndb,
      groupCode: f[1] ?? '',
      longDesc: f[2] ?? '',
      shortDesc: f[3] ?? '',
      commonNames: f[4] ?? '',
      manufacturer: f[5] ?? '',
      sciName: f[9] ?? '',
      refusePct: numberOrNull(f[8]),
      nutrients: nutrientsByNdb.get(ndb) ?? { ...emptyNutrients },
      measures: (measuresByNdb.get(ndb) ?? []).sort((a, b) => a.seq - b.seq),
    };
  });
}
