import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbConfigFromEnv, openDb } from '@/db/client';
import { planViewSchema } from '@/lib/planner/plan-view-schema';
import { type ApiProcess, startApiProcess } from '../support/api-process';
import { authHeaders, useFreshDatabase } from '../support/db';
import { ROOMY_LIMITS } from '../support/profiles';

type Meal = { id: string; recipeSlug: string; locked: boolean };
type Plan = { id: number; days: { date: string; meals: Meal[] }[] };

const WEEKS = ['2026-11-30', '2026-12-07'];
const ROUNDS = 3;

/**
 * The server killed with SIGKILL while it writes plans (replacing creates, regenerations,
 * swaps, locks, checks): afterwards the database is whole and every plan is whole. Runs on
 * SQLite and on PostgreSQL (both vitest projects).
 */
describe('SIGKILL during writes', () => {
  let env: Record<string, string | undefined>;
  let server: ApiProcess | undefined;
  let profileId: number;

  beforeAll(async () => {
    await useFreshDatabase();
    env = { DATABASE_URL: process.env.DATABASE_URL, DATABASE_PATH: process.env.DATABASE_PATH };
  });

  afterAll(async () => {
    await server?.stop('SIGKILL');
  });

  let writesInFlight = 0;

  async function call(path: string, method = 'GET', body?: unknown): Promise<Response> {
    if (!server) throw new Error('no server');
    const write = method !== 'GET';
    if (write) writesInFlight++;
    try {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...authHeaders() },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      // The body is read here so a write counts as in flight until the server has answered.
      const text = await res.text();
      return new Response(text, { status: res.status, headers: res.headers });
    } finally {
      if (write) writesInFlight--;
    }
  }

  /** One random plan write; a request cut off by the kill just ends. */
  async function randomWrite(rng: () => number): Promise<boolean> {
    const week = WEEKS[Math.floor(rng() * WEEKS.length)] ?? WEEKS[0];
    const list = (await (await call(`/api/plans?profileId=${profileId}`)).json()) as {
      items: { id: number; weekStart: string }[];
    };
    const planId = list.items.find((p) => p.weekStart === week)?.id;
    const r = rng();
    if (!planId || r < 0.25) {
      const res = await call('/api/plans', 'POST', {
        profileId,
        weekStart: week,
        seed: Math.floor(rng() * 1000),
        replace: true,
      });
      return res.status === 201;
    }
    if (r < 0.45) {
      const res = await call(`/api/plans/${planId}/regenerate`, 'POST', {
        scope: 'week',
        seed: Math.floor(rng() * 1000),
      });
      return res.ok;
    }
    const plan = (await (await call(`/api/plans/${planId}`)).json()) as Plan;
    const meals = plan.days.flatMap((d) => d.meals);
    const meal = meals[Math.floor(rng() * meals.length)];
    if (!meal) return false;
    if (r < 0.65) {
      const res = await call(`/api/plans/${planId}/meals/${meal.id}`, 'PATCH', {
        locked: !meal.locked,
      });
      return res.ok;
    }
    if (r < 0.85) {
      const alts = (await (
        await call(`/api/plans/${planId}/meals/${meal.id}/alternatives`)
      ).json()) as { items: { recipeSlug: string }[] };
      const pick = alts.items[0];
      if (!pick) return false;
      const res = await call(`/api/plans/${planId}/meals/${meal.id}/swap`, 'POST', {
        recipeSlug: pick.recipeSlug,
      });
      return res.ok;
    }
    const shop = (await (await call(`/api/plans/${planId}/shopping-list`)).json()) as {
      items: { ndb: string; checked: boolean }[];
    };
    const item = shop.items[Math.floor(rng() * shop.items.length)];
    if (!item) return false;
    const res = await call(`/api/plans/${planId}/shopping-list/items/${item.ndb}`, 'PATCH', {
      checked: !item.checked,
    });
    return res.ok;
  }

  /** Deterministic per round, so a failure can be replayed. */
  function rngOf(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (s * 1664525 + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  }

  it('leaves the database and every plan whole', async () => {
    server = await startApiProcess(env);
    const created = await call('/api/profiles', 'POST', {
      name: 'Kill',
      protocol: 'whole30',
      ...ROOMY_LIMITS,
    });
    expect(created.status).toBe(201);
    profileId = ((await created.json()) as { id: number }).id;

    let landed = 0;
    for (let round = 0; round < ROUNDS; round++) {
      if (!server) server = await startApiProcess(env);
      const rng = rngOf(round + 1);
      const current = server;
      let done = 0;
      let killed = false;
      let writing = 4;
      let inFlightAtKill = 0;
      const killAfter = 6 + Math.floor(rng() * 6);
      const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
      // The writers keep writing until the server is gone, so a write is always under way
      // somewhere; the killer waits for one to be in flight and kills in the middle of it.
      const writers = Array.from({ length: writing }, async () => {
        try {
          while (!killed) {
            try {
              if (await randomWrite(rng)) done++;
            } catch {
              return; // the server is gone
            }
          }
        } finally {
          writing--;
        }
      });
      const killer = (async () => {
        while (done < killAfter && writing > 0) await sleep(5);
        for (let i = 0; i < 4000 && writesInFlight === 0 && writing > 0; i++) await sleep(2);
        inFlightAtKill = writesInFlight;
        killed = true;
        await current.stop('SIGKILL');
      })();
      await Promise.all([...writers, killer]);
      if (current.child.exitCode === null && current.child.signalCode === null) {
        await current.stop('SIGKILL');
      }
      expect(current.child.signalCode).toBe('SIGKILL');
      expect(inFlightAtKill, `round ${round}: writes in flight at the kill`).toBeGreaterThan(0);
      landed += done;
      server = undefined;
    }
    expect(landed).toBeGreaterThan(ROUNDS * 6 - 1);

    const db = openDb(dbConfigFromEnv());
    try {
      if (db.sqlite) {
        expect(db.sqlite.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
        expect(db.sqlite.pragma('foreign_key_check')).toEqual([]);
      }
      const { plans, planMeals } = db.t;
      const planRows = await db.orm.select().from(plans);
      const mealRows = await db.orm.select().from(planMeals);
      expect(planRows.length).toBeGreaterThan(0);
      // One plan per profile and week, as the replacing create promises.
      const weeks = planRows.map((p) => `${p.profileId}/${p.weekStart}`);
      expect(new Set(weeks).size).toBe(weeks.length);
      for (const p of planRows) {
        const meals = mealRows.filter((m) => m.planId === p.id);
        expect(new Set(meals.map((m) => m.date)).size, `plan ${p.id} days`).toBe(7);
        const slots = meals.map((m) => `${m.date}/${m.slot}`);
        expect(new Set(slots).size, `plan ${p.id} one meal per slot`).toBe(slots.length);
        const ids = new Set(meals.map((m) => m.mealId));
        for (const m of meals) if (m.leftoverOf) expect(ids.has(m.leftoverOf)).toBe(true);
      }
    } finally {
      await db.close();
    }

    // A new server reads every plan back in full.
    server = await startApiProcess(env);
    const list = (await (await call(`/api/plans?profileId=${profileId}`)).json()) as {
      items: { id: number }[];
    };
    expect(list.items.length).toBeGreaterThan(0);
    for (const { id } of list.items) {
      const res = await call(`/api/plans/${id}`);
      expect(res.status).toBe(200);
      planViewSchema.parse(await res.json());
    }
  }, 300_000);
});
