/**
 * npm run bench: food search speed, tagging precision/recall, and the planner's speed and
 * quality on the real catalog (against HiGHS), low-FODMAP doses, the nutrient rules (caps,
 * RDA/AI coverage) and the weeks people would cook (share planned, cooking budget, balance, variety). Prints tables; nothing here is a test.
 * Flags: --full (longer HiGHS limits: 60 s instead of 20 s per planner MIP; 60 s and 120 s instead
 * of 30 s and 45 s in the nutrient-model MIP section), --no-mip (skip both exact-solver sections),
 * --no-load (skip the HTTP load section, bench/load.ts), --no-load-pg (its SQLite run only).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDb } from '../db/client';
import { loadPlannerRecipes } from '../db/queries/planner-recipes';
import { listProtocols } from '../db/queries/protocols';
import { buildRestriction } from '../lib/protocols/build-restriction';
import { loadDriTable } from '../seeds/dri/load';
import { runSeed } from '../seeds/seed';
import { runFodmapBench } from './fodmap';
import { runLoadBench } from './load';
import { runNutrientBench } from './nutrients';
import { type NamedRestriction, runPlannerBench } from './planner';
import { NUTRIENT_MIP_DEFAULTS, runNutrientMipBench } from './planner-nutrient-mip';
import { measureSearch } from './search';
import { printTable } from './table';
import { printTaggingAudit } from './tagging-audit';
import { measureTaggingQuality } from './tagging-quality';
import { runWeeksBench } from './weeks';

const log = (line: string) => console.log(line);
const args = new Set(process.argv.slice(2));

const COMBOS: { name: string; protocol: string; diet?: string; allergens?: string[] }[] = [
  { name: 'AIP elimination', protocol: 'aip' },
  { name: 'AIP elimination, fish allergy', protocol: 'aip', allergens: ['fish'] },
  { name: 'AIP elimination, pescatarian', protocol: 'aip', diet: 'pescatarian' },
  { name: 'low-FODMAP elimination', protocol: 'low-fodmap' },
  { name: 'Whole30', protocol: 'whole30' },
  { name: 'six-food elimination', protocol: 'six-food' },
  { name: 'gut reset', protocol: 'gut-reset' },
  { name: 'gut reset, vegan', protocol: 'gut-reset', diet: 'vegan' },
];

async function main(): Promise<void> {
  const dir = join(process.cwd(), '.tmp');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'bench.db');
  for (const s of ['', '-wal', '-shm']) rmSync(`${path}${s}`, { force: true });
  await runSeed(path, false);

  log('\n# Villi bench\n');
  log('## Food search (SQLite FTS5 over 7,413 foods; goal p50 ≤ 5 ms)\n');
  printTable(
    log,
    ['query', 'runs', 'p50 ms', 'p95 ms'],
    (await measureSearch(path)).map((r) => [
      r.name,
      r.runs,
      r.p50Ms.toFixed(3),
      r.p95Ms.toFixed(3),
    ]),
  );

  log('\n## Tagging precision and recall against the hand-checked expectations\n');
  printTable(
    log,
    ['code', 'tp', 'fp', 'fn', 'precision', 'recall'],
    measureTaggingQuality().map((r) => [
      r.code,
      r.tp,
      r.fp,
      r.fn,
      r.precision.toFixed(3),
      r.recall.toFixed(3),
    ]),
  );

  log('\n## Tagging precision and recall against the independent audit set (bench/audit)\n');
  printTaggingAudit(log);

  const db = openDb(path);
  const recipes = await loadPlannerRecipes(db);
  const protocols = await listProtocols(db);
  const restrictions: NamedRestriction[] = COMBOS.map((c) => {
    const built = buildRestriction({
      protocols,
      protocolId: c.protocol,
      phaseId: 'elimination',
      diet: c.diet ?? 'omnivore',
      allergens: c.allergens ?? [],
      avoid: [],
      dislikes: [],
    });
    if (!built.ok) throw new Error(built.message);
    return { name: c.name, restriction: built.restriction };
  });
  await db.close();

  log(`\n## Planner on the shipped catalog (${recipes.length} recipes)\n`);
  await runPlannerBench({
    recipes,
    restrictions,
    mip: args.has('--no-mip')
      ? false
      : {
          profiles: 20,
          recipesPerMealType: 40,
          timeLimitS: args.has('--full') ? 60 : 20,
          workers: 2,
        },
    log,
  });

  runFodmapBench({ recipes, protocols, profiles: 500, log });

  const dri = loadDriTable();
  runNutrientBench({ recipes, protocols, dri, profiles: 500, log });
  runWeeksBench({ recipes, protocols, dri, profiles: 500, log });

  if (!args.has('--no-mip')) {
    const d = NUTRIENT_MIP_DEFAULTS;
    await runNutrientMipBench({
      recipes,
      protocols,
      dri,
      ...d,
      full: { ...d.full, timeLimitS: args.has('--full') ? 60 : d.full.timeLimitS },
      reduced: { ...d.reduced, timeLimitS: args.has('--full') ? 120 : d.reduced.timeLimitS },
      log,
    });
  }

  if (!args.has('--no-load')) {
    await runLoadBench({ seededSqlite: path, postgres: !args.has('--no-load-pg'), log });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
