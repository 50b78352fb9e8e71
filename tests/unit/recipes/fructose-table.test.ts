import { describe, expect, it } from 'vitest';
import { fructoseByNdb, fructosePer100g } from '@/lib/recipes/fructose';
import { readSr21Files } from '@/lib/usda/load-files';
import { parseSr21 } from '@/lib/usda/parse';
import { loadFructoseTable } from '@/seeds/nutrition/load';

const usda = new Map(parseSr21(readSr21Files()).map((f) => [f.ndb, f]));
const table = loadFructoseTable();

describe('seeds/nutrition/fructose.json', () => {
  it.each(table.foods.map((f) => [f.ndb, f] as const))(
    '%s is an SR21 food whose total sugars are at least its fructose',
    (ndb, row) => {
      const food = usda.get(ndb);
      expect(food, `${ndb} is not in SR21`).toBeDefined();
      expect(food!.longDesc.toLowerCase()).toContain(row.name.split(',')[0]!.toLowerCase());
      const sugars = food!.nutrients.sugarsG;
      if (sugars !== null) expect(row.fructoseG).toBeLessThanOrEqual(sugars);
    },
  );

  it('has the sweeteners the AIP cap is about, with honey far above maple syrup', () => {
    const byNdb = fructoseByNdb(table);
    expect(byNdb.get('19296')).toBeGreaterThan(35); // honey
    expect(byNdb.get('19353')).toBeLessThan(2); // maple syrup, almost all sucrose
  });

  it('falls back to sugars, then carbohydrate, then unknown for a food not in the table', () => {
    const byNdb = fructoseByNdb(table);
    expect(fructosePer100g('19296', { sugarsG: 82, carbsG: 82 }, byNdb).basis).toBe('table');
    expect(fructosePer100g('00001', { sugarsG: 4, carbsG: 10 }, byNdb)).toEqual({
      grams: 4,
      basis: 'sugars',
    });
    expect(fructosePer100g('00001', { sugarsG: null, carbsG: 10 }, byNdb)).toEqual({
      grams: 10,
      basis: 'carbs',
    });
    expect(fructosePer100g('00001', { sugarsG: null, carbsG: null }, byNdb)).toEqual({
      grams: null,
      basis: 'unknown',
    });
  });
});
