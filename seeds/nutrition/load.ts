import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FructoseTable, fructoseTableSchema } from '../../lib/recipes/fructose';

export const FRUCTOSE_FILE = join(process.cwd(), 'seeds', 'nutrition', 'fructose.json');

/** Parses the fructose table; throws naming the file and the path of every bad field. */
export function loadFructoseTable(file: string = FRUCTOSE_FILE): FructoseTable {
  const parsed = fructoseTableSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`seeds/nutrition/fructose.json: ${problems.join('; ')}`);
  }
  return parsed.data;
}
