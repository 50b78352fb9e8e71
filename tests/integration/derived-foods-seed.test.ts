import { describe, expect, it } from 'vitest';
import { dbConfigFromEnv, openDb } from '@/db/client';
import { seedDatabase } from '@/db/seed/seed-database';
import { readRecipeFiles } from '@/db/seed/source-files';
import { useFreshDatabase } from '../support/db';

describe('seeding derived foods', () => {
  it('stores parent and derivation, and drops a derived food that left the file', async () => {
    await useFreshDatabase();
    const db = openDb(dbConfigFromEnv());
    const row = (ndb: string) =>
      db.$client.prepare('SELECT derived_from, derivation FROM foods WHERE ndb = ?').get(ndb) as
        | { derived_from: string | null; derivation: string | null }
        | undefined;
    expect(row('99006')?.derived_from).toBe('08120');
    expect(row('99006')?.derivation).toMatch(/20 ppm/);
    expect(row('08120')).toEqual({ derived_from: null, derivation: null });

    // a derived food from an older seed file, no longer listed
    db.$client
      .prepare(
        `INSERT INTO foods (ndb, name, group_code, group_name, long_desc, short_desc, common_names,
        manufacturer, sci_name, nutrients, inflammation_class, inflammation_rationale,
        inflammation_evidence, inflammation_source, derived_from, derivation)
        VALUES ('99049', 'Old', '0100', 'Dairy', 'Old', 'OLD', '', '', '', '{}', 'neutral', 'x',
        'weak', 'x', '01077', 'An older derivation that was removed from the file.')`,
      )
      .run();
    seedDatabase(db);
    expect(row('99049')).toBeUndefined();
    expect(row('99006')?.derived_from).toBe('08120');
    db.$client.close();
  });
});

describe("seeding foods made by Villi's recipes", () => {
  it('fails, before writing anything, when a recipe-made food names a recipe not in the catalog', async () => {
    await useFreshDatabase();
    const db = openDb(dbConfigFromEnv());
    const count = () =>
      (db.$client.prepare('SELECT count(*) AS n FROM recipes').get() as { n: number }).n;
    const before = count();
    const withoutStock = readRecipeFiles().filter((f) => f.file !== 'vegetable-stock.json');
    expect(() => seedDatabase(db, { recipeFiles: withoutStock })).toThrow(
      /seeds\/derived-foods\.json: food 99012 is made by the recipe "vegetable-stock", which is not in the catalog/,
    );
    expect(count()).toBe(before);
    db.$client.close();
  });

  it('stores the recipe-made tags, not the shop-bought ones, and the recipes using them comply', async () => {
    await useFreshDatabase();
    const db = openDb(dbConfigFromEnv());
    const tags = (ndb: string) =>
      db.$client
        .prepare(
          'SELECT kind, code, certainty, source FROM food_tags WHERE ndb = ? ORDER BY kind, code',
        )
        .all(ndb) as { kind: string; code: string; certainty: string; source: string }[];
    const broth = tags('99011');
    expect(broth.length).toBeGreaterThan(0);
    expect(new Set(broth.map((t) => t.source))).toEqual(new Set(['recipe:chicken-bone-broth']));
    expect(broth.map((t) => t.code)).not.toContain('berry-spice');
    expect(broth.map((t) => t.code)).not.toContain('added-sugar');
    expect(broth.find((t) => t.code === 'celery')).toMatchObject({ certainty: 'contains' });
    // the SR21 stock keeps its shop-bought may-contains
    expect(tags('06172').map((t) => t.code)).toContain('berry-spice');
    // plain tuna: no soy
    expect(tags('99013').map((t) => t.code)).not.toContain('soy');
    const inflammation = db.$client
      .prepare('SELECT inflammation_class, inflammation_source FROM foods WHERE ndb = ?')
      .get('99011');
    expect(inflammation).toEqual({
      inflammation_class: 'gut-healing',
      inflammation_source: 'inflammation-bone-broth',
    });

    const ok = (slug: string, protocol: string, phase = 'elimination') =>
      (
        db.$client
          .prepare(
            'SELECT ok FROM recipe_compliance WHERE recipe_slug = ? AND protocol = ? AND phase = ?',
          )
          .get(slug, protocol, phase) as { ok: number }
      ).ok;
    for (const slug of ['chicken-zucchini-noodle-soup', 'beef-kale-sweet-potato-soup'])
      for (const protocol of ['aip', 'whole30', 'gut-reset'])
        expect(ok(slug, protocol), `${slug} ${protocol}`).toBe(1);
    // fish dishes use the vegetable stock and stay pescatarian
    expect(ok('coconut-seafood-chowder-parsnip', 'aip')).toBe(1);
    expect(ok('coconut-seafood-chowder-parsnip', 'pescatarian', 'default')).toBe(1);
    for (const slug of ['tuna-cucumber-bites', 'tuna-herb-stuffed-sweet-potatoes'])
      expect(ok(slug, 'whole30'), slug).toBe(1);
    const note = db.$client
      .prepare(
        "SELECT shop_note FROM recipe_ingredients WHERE recipe_slug = 'chicken-zucchini-noodle-soup' AND ndb = '99011'",
      )
      .get() as { shop_note: string };
    expect(note.shop_note).toMatch(/^Villi's bone broth \(see recipe\)/);
    db.$client.close();
  });
});
