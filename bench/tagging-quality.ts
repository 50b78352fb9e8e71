import type { FoodTagging } from '../lib/foods/types';
import { tagAllFoods } from '../lib/tagging';
import { readSr21Files } from '../lib/usda/load-files';
import { parseSr21 } from '../lib/usda/parse';
import { loadTagRules } from '../seeds/tagging/load';
import { TAGGING_EXPECTATIONS, type TaggingExpectation } from '../tests/unit/tagging/expectations';

export type TagQuality = {
  code: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
};

/** Every code a food carries (allergen or group list), at any certainty, as the planner reads it. */
function codesOf(t: FoodTagging): Set<string> {
  return new Set([...t.allergens.map((x) => x.code), ...t.tags.map((x) => x.code)]);
}

/**
 * Precision and recall per code against the hand-checked expectation table: a row's `has`
 * codes are positives, its `hasNot` codes negatives; codes a row does not mention are not
 * scored. Pure given its inputs; `measureTaggingQuality` wires in the real data.
 */
export function scoreTagging(
  expectations: readonly TaggingExpectation[],
  tagged: ReadonlyMap<string, FoodTagging>,
): TagQuality[] {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (code: string, key: 'tp' | 'fp' | 'fn' | null) => {
    const c = counts.get(code) ?? { tp: 0, fp: 0, fn: 0 };
    if (key) c[key] += 1;
    counts.set(code, c);
  };
  for (const e of expectations) {
    const t = tagged.get(e.ndb);
    const codes = t ? codesOf(t) : new Set<string>();
    for (const code of e.has) bump(code, codes.has(code) ? 'tp' : 'fn');
    for (const code of e.hasNot) bump(code, codes.has(code) ? 'fp' : null);
  }
  const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
  return [...counts]
    .map(([code, c]) => ({
      code,
      ...c,
      precision: ratio(c.tp, c.tp + c.fp),
      recall: ratio(c.tp, c.tp + c.fn),
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** Tags all SR21 foods with the committed rules and scores every code against the table. */
export function measureTaggingQuality(): TagQuality[] {
  const foods = parseSr21(readSr21Files());
  const tagged = tagAllFoods(foods, loadTagRules());
  return scoreTagging(TAGGING_EXPECTATIONS, tagged);
}

function formatTable(rows: TagQuality[]): string {
  const head = ['code', 'tp', 'fp', 'fn', 'precision', 'recall'];
  const body = rows.map((r) => [
    r.code,
    String(r.tp),
    String(r.fp),
    String(r.fn),
    r.precision.toFixed(3),
    r.recall.toFixed(3),
  ]);
  const widths = head.map((h, i) =>
    Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  return [line(head), ...body.map(line)].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = measureTaggingQuality();
  console.log(`tagging quality over ${TAGGING_EXPECTATIONS.length} hand-checked foods`);
  console.log(formatTable(rows));
  const tp = rows.reduce((s, r) => s + r.tp, 0);
  const fp = rows.reduce((s, r) => s + r.fp, 0);
  const fn = rows.reduce((s, r) => s + r.fn, 0);
  console.log(
    `overall: precision ${(tp / Math.max(1, tp + fp)).toFixed(3)}, recall ${(tp / Math.max(1, tp + fn)).toFixed(3)}`,
  );
}
