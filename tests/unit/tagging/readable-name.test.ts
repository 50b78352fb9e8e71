import { describe, expect, it } from 'vitest';
import { readableFoodName } from '@/lib/tagging';
import { loadFixture } from './fixtures';

const { foods, byNdb } = loadFixture();

function nameOf(ndb: string): string {
  const food = byNdb.get(ndb);
  if (!food) throw new Error(`no food ${ndb}`);
  return readableFoodName(food);
}

describe('readableFoodName', () => {
  it('keeps USDA text as it is when it is already tidy', () => {
    expect(nameOf('09003')).toBe('Apples, raw, with skin');
    expect(nameOf('11282')).toBe('Onions, raw');
    expect(nameOf('15076')).toBe('Fish, salmon, Atlantic, wild, raw');
  });

  it('drops commodity procurement asides', () => {
    expect(nameOf('09019')).toBe('Applesauce, canned, unsweetened, without added ascorbic acid');
    expect(nameOf('08508')).toBe('Cereals ready-to-eat, USDA Commodity Corn and Rice');
  });

  it('normalises spaces and commas', () => {
    expect(nameOf('01089')).toBe('Milk, low sodium, fluid');
    const messy = foods.find((f) => f.longDesc === 'USDA Commodity,Bakery, Flour Mix');
    expect(messy && readableFoodName(messy)).toBe('USDA Commodity, Bakery, Flour Mix');
  });

  it('gives every food a non-empty, capitalised, single-spaced name close to the original', () => {
    for (const f of foods) {
      const name = readableFoodName(f);
      expect(name.length, f.ndb).toBeGreaterThan(2);
      expect(name, f.ndb).not.toMatch(/\s{2}|\s,|^\s|\s$/);
      expect(name.charAt(0), f.ndb).toBe(name.charAt(0).toUpperCase());
      expect(name.length, f.ndb).toBeLessThanOrEqual(f.longDesc.length + 4);
      // the first word of the USDA description always survives
      const first = f.longDesc.split(/[ ,]/)[0] ?? '';
      expect(name.toLowerCase().startsWith(first.toLowerCase()), f.ndb).toBe(true);
    }
  });

  it('is pure: it does not change the food', () => {
    const food = byNdb.get('09019');
    if (!food) throw new Error('missing');
    const before = JSON.stringify(food);
    readableFoodName(food);
    expect(JSON.stringify(food)).toBe(before);
  });
});
