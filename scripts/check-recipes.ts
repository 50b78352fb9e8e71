/**
 * Checks recipe files under seeds/recipes: schema, NDB numbers, measures, and prints
 * per-serving energy and protein. Usage: npx tsx scripts/check-recipes.ts [slug-prefix]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveQuantity } from '../lib/recipes/resolve-quantity';
import { recipeSchema } from '../lib/recipes/schema';
import { loadFoods } from '../seeds/load-foods';

const dir = join(process.cwd(), 'seeds', 'recipes');
const filter = process.argv[2] ?? '';
const foods = new Map(loadFoods().map((f) => [f.ndb, f]));
let problems = 0;
const slugs = new Set<string>();
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.json') && f.startsWith(filter))
  .sort()) {
  const raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const parsed = recipeSchema.safeParse(raw);
  if (!parsed.success) {
    problems++;
    console.log(
      `✗ ${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
    continue;
  }
  const r = parsed.data;
  if (`${r.slug}.json` !== file) {
    problems++;
    console.log(`✗ ${file}: slug ${r.slug} does not match file name`);
  }
  if (slugs.has(r.slug)) {
    problems++;
    console.log(`✗ ${file}: duplicate slug`);
  }
  slugs.add(r.slug);
  let kcal = 0;
  let protein = 0;
  const errs: string[] = [];
  for (const ing of r.ingredients) {
    const food = foods.get(ing.ndb);
    if (!food) {
      errs.push(`unknown ndb ${ing.ndb}`);
      continue;
    }
    const q = resolveQuantity(ing, food.measures);
    if (!q.ok) {
      errs.push(q.message);
      continue;
    }
    kcal += ((food.nutrients.energyKcal ?? 0) * q.grams) / 100;
    protein += ((food.nutrients.proteinG ?? 0) * q.grams) / 100;
  }
  // A strained broth's nutrition is its strained SR21 food, not the pot's ingredients.
  const strained = r.strained ? foods.get(r.strained.ndb) : undefined;
  if (r.strained && !strained) errs.push(`unknown strained ndb ${r.strained.ndb}`);
  const perKcal = strained
    ? ((strained.nutrients.energyKcal ?? 0) * (r.strained?.gramsPerServing ?? 0)) / 100
    : kcal / r.servings;
  const perProt = strained
    ? ((strained.nutrients.proteinG ?? 0) * (r.strained?.gramsPerServing ?? 0)) / 100
    : protein / r.servings;
  const isMain = r.mealTypes.includes('lunch') || r.mealTypes.includes('dinner');
  if (isMain && (perKcal < 250 || perKcal > 1000))
    errs.push(`main meal ${Math.round(perKcal)} kcal/serving outside 250-1000`);
  if (errs.length) {
    problems++;
    console.log(`✗ ${r.slug}: ${errs.join('; ')}`);
  } else
    console.log(
      `✓ ${r.slug} [${r.mealTypes.join(',')}] ${Math.round(perKcal)} kcal, ${perProt.toFixed(1)} g protein / serving`,
    );
}
console.log(`${slugs.size} recipes, ${problems} with problems`);
process.exit(problems ? 1 : 0);
