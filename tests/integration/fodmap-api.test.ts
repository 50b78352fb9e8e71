import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getFood } from '@/app/api/foods/[ndb]/route';
import { GET as getRecipe } from '@/app/api/recipes/[slug]/route';
import { getDb } from '@/db/client';
import { authedRequest, useFreshDatabase } from '../support/db';

type FoodTagOut = {
  code: string;
  certainty: string;
  greenMaxG?: number;
  subgroupsAbove?: string[];
};
type FoodBody = {
  tags: FoodTagOut[];
  fodmap: {
    summary: string;
    servingTable: { food: string; tier: string; source: string; greenMaxG: number | null } | null;
    disclaimer: string;
  } | null;
};
type RecipeBody = {
  servings: number;
  ingredients: { ndb: string; grams: number }[];
  compliance: {
    protocol: string;
    phase: string;
    ok: boolean;
    reasons: { code: string; reason: string; foods: string[] }[];
    maxPortion: number | null;
    note: string | null;
  }[];
  fodmapPerServing: {
    level: string;
    subgroups: { code: string; level: string; load: number | null }[];
    maxPortion: number | null;
    disclaimer: string;
  };
};

const DISCLAIMER = 'estimated from published sources — the Monash app is the reference';

async function food(ndb: string): Promise<FoodBody> {
  const res = await getFood(authedRequest(`http://localhost/api/foods/${ndb}`), {
    params: Promise.resolve({ ndb }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as FoodBody;
}

async function recipe(slug: string): Promise<RecipeBody> {
  const res = await getRecipe(authedRequest(`http://localhost/api/recipes/${slug}`), {
    params: Promise.resolve({ slug }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as RecipeBody;
}

const elimination = (r: RecipeBody) =>
  r.compliance.find((c) => c.protocol === 'low-fodmap' && c.phase === 'elimination')!;

beforeAll(async () => {
  await useFreshDatabase();
});

describe('GET /api/foods/{ndb}: FODMAP serve', () => {
  it('avocado: low FODMAP up to 60 g (sorbitol above), Monash-direct, dose on its tags', async () => {
    const body = await food('09037');
    expect(body.fodmap?.summary).toBe('low FODMAP up to 60 g (sorbitol above)');
    expect(body.fodmap?.servingTable).toMatchObject({
      food: 'Avocado (Hass)',
      tier: 'monash-direct',
    });
    expect(body.fodmap?.disclaimer).toBe(DISCLAIMER);
    const sorbitol = body.tags.find((t) => t.code === 'fodmap-sorbitol');
    expect(sorbitol).toMatchObject({
      certainty: 'contains',
      greenMaxG: 60,
      subgroupsAbove: ['fodmap-sorbitol'],
    });
  });

  it('garlic: not in the elimination phase, no dose, fructans from garlic', async () => {
    const body = await food('11215');
    expect(body.fodmap?.summary).toBe(
      'not in the elimination phase (high in fructans; no low-FODMAP serve)',
    );
    const codes = body.tags.map((t) => t.code);
    expect(codes).toEqual(expect.arrayContaining(['fodmap-fructan', 'fructan-garlic']));
    expect(body.tags.every((t) => t.greenMaxG === undefined)).toBe(true);
  });

  it('chamomile tea: a blank green serve says not in the elimination phase', async () => {
    const body = await food('14545');
    expect(body.fodmap?.summary).toMatch(/^not in the elimination phase/);
    expect(body.fodmap?.servingTable?.greenMaxG).toBeNull();
  });

  it('carrot: no FODMAP tag, and the page says why', async () => {
    const body = await food('11124');
    expect(body.tags.filter((t) => /fodmap|fructan/.test(t.code))).toEqual([]);
    expect(body.fodmap?.summary).toBe('no FODMAPs at usual serves (low up to at least 500 g)');
  });

  it('plain chicken breast has nothing to say about FODMAPs', async () => {
    expect((await food('05062')).fodmap).toBeNull();
  });
});

describe('GET /api/recipes/{slug}: FODMAP rating and compliance', () => {
  const slugs = async () => {
    const db = getDb();
    const rows = await db.orm
      .select({ slug: db.t.recipes.slug })
      .from(db.t.recipes)
      .orderBy(db.t.recipes.slug);
    return rows.map((r) => r.slug);
  };

  it('computes the largest green portion the same way by hand, from the food API doses', async () => {
    let checked = 0;
    for (const slug of await slugs()) {
      const r = await recipe(slug);
      if (r.fodmapPerServing.maxPortion === null) continue;
      // grams per serving per food, and each food's green serve and subgroups from the food API
      const grams = new Map<string, number>();
      for (const i of r.ingredients)
        grams.set(i.ndb, (grams.get(i.ndb) ?? 0) + i.grams / r.servings);
      const sums = new Map<string, number>();
      for (const [ndb, g] of grams) {
        const tags = (await food(ndb)).tags.filter((t) =>
          /^(high-fodmap|fodmap-|fructan-)/.test(t.code),
        );
        if (tags.length === 0 || tags.some((t) => t.greenMaxG === undefined)) continue;
        const green = tags[0]!.greenMaxG!;
        const subgroups = tags.map((t) => t.code).filter((c) => c.startsWith('fodmap-'));
        for (const key of subgroups.length > 0 ? subgroups : [`food:${ndb}`])
          sums.set(key, (sums.get(key) ?? 0) + g / green);
      }
      const expected = 1 / Math.max(...sums.values());
      expect(r.fodmapPerServing.maxPortion, slug).toBeCloseTo(expected, 2);
      expect(elimination(r).maxPortion, slug).toBeCloseTo(expected, 2);
      if (++checked >= 8) break;
    }
    expect(checked).toBe(8);
  });

  it('a compliant elimination recipe with a dose says how many servings fit', async () => {
    for (const slug of await slugs()) {
      const c = elimination(await recipe(slug));
      if (!c.ok || c.maxPortion === null || c.maxPortion >= 2) continue;
      expect(c.note).toMatch(/^fits at up to (0\.5|1|1\.5) servings? per person$/);
      return;
    }
    throw new Error('no elimination recipe with a dose limit below 2 servings');
  });

  it('a recipe over the green serve even at 0.75 servings is not compliant and names the foods', async () => {
    for (const slug of await slugs()) {
      const r = await recipe(slug);
      const c = elimination(r);
      const over = c.reasons.find((x) => /over the low-FODMAP serve/.test(x.reason));
      if (!over) continue;
      expect(c.ok).toBe(false);
      expect(c.maxPortion).toBeLessThan(0.75);
      expect(over.foods.length).toBeGreaterThan(0);
      expect(r.fodmapPerServing.level).not.toBe('green');
      return;
    }
    throw new Error('no recipe over its green serves');
  });

  it('every recipe has a rating with the disclaimer; personalisation sets no dose cap', async () => {
    const r = await recipe((await slugs())[0]!);
    expect(['green', 'amber', 'red']).toContain(r.fodmapPerServing.level);
    expect(r.fodmapPerServing.disclaimer).toBe(DISCLAIMER);
    const personal = r.compliance.find(
      (c) => c.protocol === 'low-fodmap' && c.phase === 'personalization',
    );
    expect(personal?.maxPortion).toBeNull();
  });
});
