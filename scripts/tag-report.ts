/**
 * Tags every SR21 food with the rules in seeds/tagging and prints how many foods carry each
 * code (contains / may-contain), the inflammation classes, and the timing.
 * Usage: npx tsx scripts/tag-report.ts [code]   (with a code: also lists the foods carrying it)
 */
import { ALLERGEN_CODES, GROUP_CODES, INFLAMMATION_CLASSES } from '../lib/foods/codes';
import type { FoodTag } from '../lib/foods/types';
import { readableFoodName, tagAllFoods } from '../lib/tagging';
import { loadFoods } from '../seeds/load-foods';
import { loadTagRules } from '../seeds/tagging/load';

const foods = loadFoods();
const rules = loadTagRules();
const t0 = performance.now();
const tagged = tagAllFoods(foods, rules);
const ms = performance.now() - t0;

type Count = { contains: number; may: number };
function count(
  list: (t: NonNullable<ReturnType<typeof tagged.get>>) => FoodTag[],
  code: string,
): Count {
  const c: Count = { contains: 0, may: 0 };
  for (const t of tagged.values()) {
    const tag = list(t).find((x) => x.code === code);
    if (tag?.certainty === 'contains') c.contains += 1;
    else if (tag) c.may += 1;
  }
  return c;
}

const row = (kind: string, code: string, c: Count) =>
  `${kind.padEnd(9)}${code.padEnd(20)}${String(c.contains + c.may).padStart(6)}${String(c.contains).padStart(10)}${String(c.may).padStart(13)}`;

console.log(
  `${foods.length} foods tagged in ${ms.toFixed(0)} ms with ${rules.rules.length} tag rules, ${rules.overrides.length} overrides, ${rules.inflammation.rules.length} inflammation rules\n`,
);
console.log(
  `${'kind'.padEnd(9)}${'code'.padEnd(20)}${'foods'.padStart(6)}${'contains'.padStart(10)}${'may-contain'.padStart(13)}`,
);
for (const code of ALLERGEN_CODES)
  console.log(
    row(
      'allergen',
      code,
      count((t) => t.allergens, code),
    ),
  );
for (const code of GROUP_CODES)
  console.log(
    row(
      'group',
      code,
      count((t) => t.tags, code),
    ),
  );
console.log('');
for (const cls of INFLAMMATION_CLASSES) {
  const n = [...tagged.values()].filter((t) => t.inflammation.class === cls).length;
  console.log(`inflammation ${cls.padEnd(14)}${String(n).padStart(6)}`);
}

const wanted = process.argv[2];
if (wanted) {
  console.log(`\nfoods carrying ${wanted}:`);
  for (const f of foods) {
    const t = tagged.get(f.ndb);
    const tag = t && [...t.allergens, ...t.tags].find((x) => x.code === wanted);
    if (tag)
      console.log(
        `${f.ndb}  ${tag.certainty === 'contains' ? 'C' : 'M'}  ${readableFoodName(f)}  <${tag.source}>`,
      );
  }
}
