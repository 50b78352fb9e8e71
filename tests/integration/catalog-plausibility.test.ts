import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { recipeSchema } from '@/lib/recipes/schema';
import { loadFoods } from '@/seeds/load-foods';
import { useFreshDatabase } from '../support/db';

const DIR = join(process.cwd(), 'seeds', 'recipes');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const sources = files.map((f) =>
  recipeSchema.parse(JSON.parse(readFileSync(join(DIR, f), 'utf8'))),
);
const foods = new Map(loadFoods().map((f) => [f.ndb, f]));

type Row = {
  slug: string;
  meal_types: string;
  light: number;
  energy_kcal: number;
  protein_g: number;
  steps: string;
};
let rows: Row[];

beforeAll(async () => {
  await useFreshDatabase();
  rows = getDb()
    .$client.prepare('SELECT slug, meal_types, light, energy_kcal, protein_g, steps FROM recipes')
    .all() as Row[];
});

describe('recipe catalog plausibility', () => {
  it('seeds every recipe file', () => {
    expect(rows.map((r) => r.slug).sort()).toEqual(sources.map((s) => s.slug).sort());
  });

  it('resolves every ingredient to a USDA food and every measure to a WEIGHT.txt label', () => {
    for (const r of sources) {
      for (const i of r.ingredients) {
        const food = foods.get(i.ndb);
        expect(food, `${r.slug}: ${i.ndb}`).toBeDefined();
        if (i.measure)
          expect(
            food?.measures.map((m) => m.label),
            `${r.slug}: ${i.ndb} ${i.measure}`,
          ).toContain(i.measure);
      }
    }
  });

  it('keeps every main meal between 250 and 1,000 kcal per serving', () => {
    for (const r of rows) {
      const types = JSON.parse(r.meal_types) as string[];
      if (!types.includes('lunch') && !types.includes('dinner')) continue;
      expect(r.energy_kcal, r.slug).toBeGreaterThanOrEqual(250);
      expect(r.energy_kcal, r.slug).toBeLessThanOrEqual(1000);
    }
  });

  it('gives every lunch and dinner at least 15 g protein per serving unless tagged light', () => {
    for (const r of rows) {
      const types = JSON.parse(r.meal_types) as string[];
      if ((types.includes('lunch') || types.includes('dinner')) && r.light === 0) {
        expect(r.protein_g, r.slug).toBeGreaterThanOrEqual(15);
      }
    }
  });

  it('has steps for every recipe', () => {
    for (const r of rows)
      expect((JSON.parse(r.steps) as string[]).length, r.slug).toBeGreaterThan(0);
  });

  it('includes the gut-healing staples', () => {
    const text = sources.map((s) => `${s.slug} ${s.name}`.toLowerCase());
    for (const staple of [/bone broth/, /sauerkraut/, /kimchi/, /gelatin|collagen/, /turmeric/]) {
      expect(
        text.some((t) => staple.test(t)),
        String(staple),
      ).toBe(true);
    }
    // An AIP-friendly kimchi: no chili.
    const whiteKimchi = sources.find(
      (s) =>
        /kimchi/.test(s.slug) &&
        s.ingredients.every((i) => !/pepper|chili|paprika/i.test(foods.get(i.ndb)?.longDesc ?? '')),
    );
    expect(whiteKimchi).toBeDefined();
  });
});
