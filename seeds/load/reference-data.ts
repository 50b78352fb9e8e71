import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReferenceData, type ReferenceKey } from '../../db/queries/reference-data';
import { loadDriTable } from '../dri/load';
import { SEEDS_DIR } from './source-files';

/** The seed file of each reference_data row stored as the file's JSON. */
const JSON_FILES: readonly [ReferenceKey, string][] = [
  ['aisles', 'aisles.json'],
  ['pantry-defaults', 'pantry-defaults.json'],
  ['food-names', 'food-names.json'],
  ['purchase-units', 'purchase-units.json'],
  ['food-concepts', 'food-concepts.json'],
];

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(join(SEEDS_DIR, file), 'utf8'));
  } catch (cause) {
    throw new Error(`seeds/${file}: invalid JSON`, { cause });
  }
}

/** seeds/reintroduction/<protocol>.json, keyed by the file's protocol id. */
function reintroductionFiles(): Record<string, unknown> {
  const files = readdirSync(join(SEEDS_DIR, 'reintroduction'))
    .filter((f) => f.endsWith('.json'))
    .sort();
  return Object.fromEntries(
    files.map((f) => [f.replace(/\.json$/, ''), readJson(join('reintroduction', f))]),
  );
}

export type ReferenceRow = { key: ReferenceKey; data: unknown };

/**
 * The reference_data rows: each JSON file as written (the app parses it on read), and the DRI
 * table as its validated rows rather than CSV text. Every row is parsed here exactly as the app
 * will parse it, so a bad file fails the seed before any write.
 */
export function referenceDataRows(): ReferenceRow[] {
  const rows: ReferenceRow[] = [
    ...JSON_FILES.map(([key, file]) => ({ key, data: readJson(file) })),
    { key: 'dri', data: loadDriTable().rows },
    { key: 'reintroduction', data: reintroductionFiles() },
  ];
  parseReferenceData(rows);
  return rows;
}
