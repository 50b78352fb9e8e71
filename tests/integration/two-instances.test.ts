import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApiProcess } from '../support/api-process';
import { authHeaders, useFreshDatabase } from '../support/db';
import { ROOMY_LIMITS } from '../support/profiles';

type Meal = {
  id: string;
  date: string;
  slot: string;
  recipeSlug: string;
  locked: boolean;
  leftoverOf: string | null;
};
type Plan = { id: number; version: number; days: { date: string; meals: Meal[] }[] };
type Item = { ndb: string; ndbs: string[]; checked: boolean };
type Op = {
  kind: 'lock' | 'swap' | 'check';
  target: string;
  slug?: string;
  ifMatch: boolean;
  via: ApiProcess;
};

const WEEK = '2026-11-30';

/**
 * Two app instances (separate processes, separate pools of connections) on one database,
 * writing the same plan at once. Runs on SQLite and on PostgreSQL (both vitest projects).
 */
describe('two app instances writing one plan at once', () => {
  let a: ApiProcess;
  let b: ApiProcess;

  beforeAll(async () => {
    await useFreshDatabase();
    const env = {
      DATABASE_URL: process.env.DATABASE_URL,
      DATABASE_PATH: process.env.DATABASE_PATH,
    };
    [a, b] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  async function call(
    via: ApiProcess,
    path: string,
    method = 'GET',
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; json: unknown; etag: string | null }> {
    const res = await fetch(`${via.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...authHeaders(), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: await res.json(), etag: res.headers.get('etag') };
  }

  const meals = (p: Plan) => p.days.flatMap((d) => d.meals);
  const recipeFoods = async (slug: string): Promise<string[]> => {
    const { json } = await call(a, `/api/recipes/${slug}`);
    return (json as { ingredients: { ndb: string }[] }).ingredients.map((i) => i.ndb);
  };

  it('loses no write and duplicates no meal: each write is applied or answered 412', async () => {
    const profile = await call(a, '/api/profiles', 'POST', {
      name: 'Two',
      protocol: 'gut-reset',
      ...ROOMY_LIMITS,
    });
    expect(profile.status).toBe(201);
    const profileId = (profile.json as { id: number }).id;
    const created = await call(b, '/api/plans', 'POST', { profileId, weekStart: WEEK, seed: 3 });
    expect(created.status).toBe(201);
    const plan = created.json as Plan;
    const v0 = plan.version;

    // Meals no leftover ties to another meal, so a write changes only its own meal.
    const tied = new Set(meals(plan).flatMap((m) => (m.leftoverOf ? [m.id, m.leftoverOf] : [])));
    const free = meals(plan).filter((m) => !tied.has(m.id));
    expect(free.length).toBeGreaterThanOrEqual(10);
    // One swap a day: each is judged alone against its day's caps, and two landing on one day
    // could together pass a cap that each keeps.
    const swapMeals = free
      .filter((m, i) => free.findIndex((x) => x.date === m.date) === i)
      .slice(0, 4);
    const lockMeals = free.filter((m) => !swapMeals.includes(m)).slice(0, 6);

    const swaps = new Map<string, string>();
    const taken = new Set(meals(plan).map((m) => m.recipeSlug));
    for (const m of swapMeals) {
      const { json } = await call(a, `/api/plans/${plan.id}/meals/${m.id}/alternatives?limit=50`);
      const pick = (json as { items: { recipeSlug: string }[] }).items.find(
        (i) => !taken.has(i.recipeSlug),
      );
      if (pick) {
        swaps.set(m.id, pick.recipeSlug);
        taken.add(pick.recipeSlug);
      }
    }
    expect(swaps.size).toBeGreaterThanOrEqual(2);

    // Lines no swap can touch: a swap changes the grams of its foods, which drops their checks.
    const touched = new Set<string>();
    for (const m of swapMeals) for (const n of await recipeFoods(m.recipeSlug)) touched.add(n);
    for (const slug of swaps.values()) for (const n of await recipeFoods(slug)) touched.add(n);
    const list = await call(a, `/api/plans/${plan.id}/shopping-list`);
    const items = (list.json as { items: Item[] }).items.filter(
      (i) => !i.checked && i.ndbs.every((n) => !touched.has(n)),
    );
    expect(items.length).toBeGreaterThanOrEqual(4);

    const ops: Op[] = [
      ...lockMeals.map((m, i) => ({ kind: 'lock' as const, target: m.id, ifMatch: i % 2 === 0 })),
      ...[...swaps].map(([id, slug], i) => ({
        kind: 'swap' as const,
        target: id,
        slug,
        ifMatch: i % 2 === 1,
      })),
      ...items
        .slice(0, 6)
        .map((it, i) => ({ kind: 'check' as const, target: it.ndb, ifMatch: i % 2 === 0 })),
    ].map((op, i) => ({ ...op, via: i % 2 === 0 ? a : b }));

    const results = await Promise.all(
      ops.map((op) => {
        const headers: Record<string, string> = op.ifMatch ? { 'if-match': `"${v0}"` } : {};
        if (op.kind === 'lock') {
          return call(
            op.via,
            `/api/plans/${plan.id}/meals/${op.target}`,
            'PATCH',
            { locked: true },
            headers,
          );
        }
        if (op.kind === 'swap') {
          return call(
            op.via,
            `/api/plans/${plan.id}/meals/${op.target}/swap`,
            'POST',
            { recipeSlug: op.slug },
            headers,
          );
        }
        return call(
          op.via,
          `/api/plans/${plan.id}/shopping-list/items/${op.target}`,
          'PATCH',
          { checked: true },
          headers,
        );
      }),
    );
    const statuses = results.map((r) => r.status);
    for (const r of results) expect([200, 412], JSON.stringify(r.json)).toContain(r.status);
    // Without If-Match a write is made again on top of the others: it always lands.
    ops.forEach((op, i) => {
      if (!op.ifMatch) expect(statuses[i], `${op.kind} ${op.target}`).toBe(200);
    });
    // Every If-Match named the starting version: at most the first write to land may use it.
    const conditionalApplied = ops.filter((op, i) => op.ifMatch && statuses[i] === 200).length;
    expect(conditionalApplied).toBeLessThanOrEqual(1);

    const after = (await call(b, `/api/plans/${plan.id}`)).json as Plan;
    const ids = meals(after).map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(
      meals(plan)
        .map((m) => m.id)
        .sort(),
    );
    const applied = statuses.filter((s) => s === 200).length;
    expect(after.version).toBe(v0 + applied);

    const byId = new Map(meals(after).map((m) => [m.id, m]));
    const listAfter = (await call(a, `/api/plans/${plan.id}/shopping-list`)).json as {
      items: Item[];
    };
    const itemAfter = new Map(listAfter.items.map((i) => [i.ndb, i]));
    ops.forEach((op, i) => {
      const done = statuses[i] === 200;
      if (op.kind === 'lock') expect(byId.get(op.target)?.locked, op.target).toBe(done);
      if (op.kind === 'swap') {
        const before = meals(plan).find((m) => m.id === op.target)?.recipeSlug;
        expect(byId.get(op.target)?.recipeSlug, op.target).toBe(done ? op.slug : before);
      }
      if (op.kind === 'check') expect(itemAfter.get(op.target)?.checked, op.target).toBe(done);
    });
  }, 180_000);
});
