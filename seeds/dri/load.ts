import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DriTable, missingDriRows, parseDriCsv } from '../../lib/nutrition/dri';

export const DRI_FILE = join(process.cwd(), 'seeds', 'dri', 'dri.csv');

/**
 * Reads `seeds/dri/dri.csv` (the US/Canada DRIs, unchanged; provenance in seeds/README.md),
 * validates every row with zod and checks that each value the nutrient targets read exists for
 * all 14 life stages. Throws naming the file and the line of every bad row.
 */
export function loadDriTable(file: string = DRI_FILE): DriTable {
  const table = parseDriCsv(readFileSync(file, 'utf8'), 'seeds/dri/dri.csv');
  const missing = missingDriRows(table);
  if (missing.length > 0) throw new Error(`seeds/dri/dri.csv: missing rows: ${missing.join('; ')}`);
  return table;
}
