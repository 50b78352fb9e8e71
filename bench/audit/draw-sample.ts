/**
 * Draws the tagging audit sample: 13 foods from every one of the 24 SR21 food groups (312),
 * with a fixed-seed PRNG so the draw is reproducible. Writes bench/audit/sample.json.
 * Run: node --import tsx bench/audit/draw-sample.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FOOD_GROUPS } from '../../lib/foods/codes';

export const SEED = 20261206;
export const PER_GROUP = 13;

export type SampledFood = {
  ndb: string;
  group: string;
  description: string;
  manufacturer: string;
};

/** mulberry32: a small, well-known 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reads FOOD_DES.txt (`~ndb~^~group~^~long desc~^~short~^~common~^~manufacturer~...`). */
function readFoods(dir: string): SampledFood[] {
  const text = readFileSync(join(dir, 'FOOD_DES.txt'), 'latin1');
  const unq = (s: string | undefined) => (s ?? '').replace(/^~|~$/g, '');
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const f = line.split('^');
      return {
        ndb: unq(f[0]),
        group: unq(f[1]),
        description: unq(f[2]),
        manufacturer: unq(f[5]),
      };
    });
}

/** Seeded draw: per group (in code order), foods sorted by NDB, Fisher–Yates, first `perGroup`. */
export function drawSample(
  foods: readonly SampledFood[],
  seed = SEED,
  perGroup = PER_GROUP,
): SampledFood[] {
  const rand = mulberry32(seed);
  const out: SampledFood[] = [];
  for (const group of Object.keys(FOOD_GROUPS).sort()) {
    const pool = foods.filter((f) => f.group === group).sort((a, b) => a.ndb.localeCompare(b.ndb));
    for (let i = pool.length - 1; i > 0; i -= 1) {
      const j = Math.floor(rand() * (i + 1));
      const tmp = pool[i]!;
      pool[i] = pool[j]!;
      pool[j] = tmp;
    }
    out.push(...pool.slice(0, perGroup).sort((a, b) => a.ndb.localeCompare(b.ndb)));
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const foods = readFoods(join(process.cwd(), 'seeds', 'usda-sr21'));
  const sample = drawSample(foods);
  const path = join(process.cwd(), 'bench', 'audit', 'sample.json');
  writeFileSync(
    path,
    `${JSON.stringify({ seed: SEED, perGroup: PER_GROUP, foods: sample }, null, 2)}\n`,
  );
  console.log(`${sample.length} foods from ${Object.keys(FOOD_GROUPS).length} groups → ${path}`);
}
