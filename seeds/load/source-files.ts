import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const SEEDS_DIR = join(process.cwd(), 'seeds');

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}

/** A hash of every data file under seeds/: a change means derived rows must be recomputed. */
export function hashSeedData(dir = SEEDS_DIR): string {
  const hash = createHash('sha256');
  for (const file of listFiles(dir).filter((f) => /\.(json|txt|csv)$/.test(f))) {
    hash.update(relative(dir, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

export function readRecipeFiles(
  dir = join(SEEDS_DIR, 'recipes'),
): { file: string; json: unknown; hash: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (cause) {
        throw new Error(`seeds/recipes/${file}: invalid JSON`, { cause });
      }
      return { file, json, hash: createHash('sha256').update(text).digest('hex').slice(0, 16) };
    });
}
