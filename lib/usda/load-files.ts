import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SrFiles } from './parse';

/** The committed copy of USDA SR21 under seeds/ (never the shared folder). */
export const SR21_DIR = join(process.cwd(), 'seeds', 'usda-sr21');

export function readSr21Files(dir = SR21_DIR): SrFiles {
  const read = (name: string) => readFileSync(join(dir, name), 'latin1');
  return { foodDes: read('FOOD_DES.txt'), abbrev: read('ABBREV.txt'), weight: read('WEIGHT.txt') };
}
