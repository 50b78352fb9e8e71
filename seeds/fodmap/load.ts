import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseServingTable, type ServingTable } from '../../lib/fodmap/table';

export const FODMAP_DIR = join(process.cwd(), 'seeds', 'fodmap');

/**
 * Reads the serving table (`fodmap-servings.csv`), the cut-offs (`cutoffs.csv`) and the reviewed
 * match file (`matches.json`) and validates them together; a bad row fails with its path.
 * Licensed data can replace the two CSV files (same columns) and the match file without code
 * changes.
 */
export function loadServingTable(dir = FODMAP_DIR): ServingTable {
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  let matchesJson: unknown;
  try {
    matchesJson = JSON.parse(read('matches.json'));
  } catch (cause) {
    throw new Error('seeds/fodmap/matches.json: invalid JSON', { cause });
  }
  return parseServingTable({
    servingsCsv: read('fodmap-servings.csv'),
    cutoffsCsv: read('cutoffs.csv'),
    matchesJson,
  });
}
