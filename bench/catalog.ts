import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDb } from '@/db/client';
import { loadPlannerRecipes } from '@/db/queries/planner-recipes';
import { listProtocols } from '@/db/queries/protocols';
import type { PlannerRecipe } from '@/lib/planner/types';
import type { Protocol } from '@/lib/protocols/schema';
import { runSeed } from '@/seeds/seed';

/**
 * Seeds a fresh bench database `.tmp/<name>.db` and loads the planner's catalog and the
 * protocols from it: what a bench section run on its own needs.
 */
export async function seedBenchCatalog(name: string): Promise<{
  recipes: PlannerRecipe[];
  protocols: Protocol[];
}> {
  const dir = join(process.cwd(), '.tmp');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.db`);
  for (const s of ['', '-wal', '-shm']) rmSync(`${path}${s}`, { force: true });
  await runSeed(path, false);
  const db = openDb(path);
  const recipes = await loadPlannerRecipes(db);
  const protocols = await listProtocols(db);
  await db.close();
  return { recipes, protocols };
}

/** `--profiles=N` on the command line, else `fallback`. */
export function profilesArg(fallback = 500): number {
  return Number(process.argv.find((a) => a.startsWith('--profiles='))?.split('=')[1] ?? fallback);
}
