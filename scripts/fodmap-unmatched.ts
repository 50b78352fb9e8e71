/**
 * Lists the FODMAP serving-table rows that match no food (with the reviewer's reason) and the
 * matched NDB numbers that are not foods yet (derived foods still to be added), so no row is
 * silently dropped. Usage: npx tsx scripts/fodmap-unmatched.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { coverageOf } from '../lib/fodmap/table';
import { readSr21Files } from '../lib/usda/load-files';
import { parseSr21 } from '../lib/usda/parse';
import { loadServingTable } from '../seeds/fodmap/load';

/** Every five-digit `ndb` value anywhere in a JSON document. */
function ndbsIn(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const v of value) ndbsIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'ndb' && typeof v === 'string' && /^\d{5}$/.test(v)) out.add(v);
      else ndbsIn(v, out);
    }
  }
  return out;
}

const known = new Set(parseSr21(readSr21Files()).map((f) => f.ndb));
const derivedFile = join(process.cwd(), 'seeds', 'derived-foods.json');
if (existsSync(derivedFile)) ndbsIn(JSON.parse(readFileSync(derivedFile, 'utf8')), known);

const table = loadServingTable();
const report = coverageOf(table, known);
console.log(
  `${table.rows.length} serving-table rows: ${report.matchedRows} matched to ${report.matchedFoods} foods, ${report.unmatched.length} unmatched`,
);
console.log('\nUnmatched rows (the foods they describe keep the rule tags):');
for (const u of report.unmatched) console.log(`  - ${u.food}: ${u.note}`);
if (report.missingFoods.length > 0) {
  console.log('\nMatched NDB numbers that are not foods yet (not applied until they exist):');
  for (const m of report.missingFoods) console.log(`  - ${m.ndb} (${m.food})`);
}
