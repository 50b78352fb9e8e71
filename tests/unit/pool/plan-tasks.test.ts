import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  createPlanPool,
  generatePlanInPool,
  type PlanPool,
  planPoolStats,
} from '@/app/_server/pool';
import { DEFAULT_QUEUE_MAX } from '@/app/_server/pool/config';
import { type TaskRequest, taskRequestSchema } from '@/app/_server/pool/protocol';
import { generatePlan, regeneratePlan } from '@/lib/planner/generate-plan';
import { createRng } from '@/lib/planner/rng';
import { alternativesReport } from '@/lib/planner/swap';
import { buildShoppingList } from '@/lib/shopping/build-list';
import { bundleWorker } from './bundle';
import { loadRealInputs, type RealInputs } from './real-inputs';

const firstArgSchema = z.object({ recipes: z.array(z.unknown()) });

let real: RealInputs;
let pool: PlanPool;
let workerFile: string;

beforeAll(async () => {
  workerFile = bundleWorker('app/_server/pool/worker.ts', 'plan-worker');
  real = await loadRealInputs();
  pool = createPlanPool({ size: 2, queueMax: 16, workerFile });
});

afterAll(async () => {
  await pool.close();
});

// Planning is CPU work shared with whatever else runs on the machine: generous time limits.
describe('planner tasks in worker threads give the inline results', { timeout: 120_000 }, () => {
  it('generatePlan, for each kind of profile and several seeds', async () => {
    const runs = real.inputs.flatMap(({ name, input }) =>
      [1, 2].map((seed) => ({ name, input, seed })),
    );
    const pooled = await Promise.all(runs.map((r) => pool.run('generatePlan', r.input, r.seed)));
    for (const [i, r] of runs.entries()) {
      const inline = generatePlan(r.input, createRng(r.seed));
      expect(inline.ok, r.name).toBe(true);
      expect(pooled[i], `${r.name}, seed ${r.seed}`).toStrictEqual(inline);
    }
  });

  it('generatePlan on an infeasible profile: the same diagnosis', async () => {
    const inline = generatePlan(real.infeasible, createRng(5));
    expect(inline.ok).toBe(false);
    expect(await pool.run('generatePlan', real.infeasible, 5)).toStrictEqual(inline);
  });

  it('regeneratePlan, whole week and one day', async () => {
    const input = real.inputs[0]!.input;
    for (const scope of [
      { scope: 'week' as const },
      { scope: 'day' as const, date: '2026-12-02' },
    ]) {
      const inline = regeneratePlan(input, real.plan, scope, createRng(21));
      expect(inline.ok).toBe(true);
      expect(await pool.run('regeneratePlan', input, real.plan, scope, 21)).toStrictEqual(inline);
    }
  });

  it('regeneratePlan of a plan from another week throws the same error', async () => {
    const other = real.inputs[1]!.input;
    const input = { ...other, weekStart: '2026-12-07' };
    const inline = (() => {
      try {
        regeneratePlan(input, real.plan, { scope: 'week' }, createRng(1));
        return null;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    })();
    expect(inline).not.toBeNull();
    await expect(
      pool.run('regeneratePlan', input, real.plan, { scope: 'week' }, 1),
    ).rejects.toThrow(inline!);
  });

  it('alternativesReport, with and without a filter', async () => {
    const input = real.inputs[0]!.input;
    // A dinner with alternatives: one on a day already at a cap rightly has none.
    const dinner = real.plan.days
      .flatMap((d) => d.meals)
      .find(
        (m) =>
          m.slot === 'dinner' &&
          (alternativesReport(input, real.plan, m.id)?.items.length ?? 0) > 0,
      )!;
    for (const filter of [undefined, { maxMinutes: 40, q: 'chicken' }]) {
      const inline = alternativesReport(input, real.plan, dinner.id, filter);
      expect(inline?.items.length ?? 0).toBeGreaterThan(filter ? -1 : 0);
      expect(
        await pool.run('alternativesReport', input, real.plan, dinner.id, filter),
      ).toStrictEqual(inline);
    }
  });

  it('buildShoppingList (Maps and RegExps in the input survive the copy)', async () => {
    const inline = buildShoppingList(real.shopping);
    expect(inline.items.length).toBeGreaterThan(10);
    expect(await pool.run('buildShoppingList', real.shopping)).toStrictEqual(inline);
  });
});

describe('the catalog', { timeout: 120_000 }, () => {
  it('is sent to each worker once, then by key', async () => {
    const fresh = createPlanPool({ size: 2, queueMax: 16, workerFile });
    const spy = vi.spyOn(Worker.prototype, 'postMessage');
    let sent: TaskRequest[];
    try {
      const input = real.inputs[0]!.input;
      const results = await Promise.all(
        [1, 2, 3, 4, 5, 6].map((seed) => fresh.run('generatePlan', input, seed)),
      );
      expect(results.every((r) => r.ok)).toBe(true);
      sent = spy.mock.calls.map(([message]) => taskRequestSchema.parse(message));
    } finally {
      spy.mockRestore();
      await fresh.close();
    }
    expect(sent).toHaveLength(6);
    expect(new Set(sent.map((m) => m.catalog?.key)).size).toBe(1);
    // One full copy per worker; the other four tasks name the catalog only.
    const size = real.inputs[0]!.input.recipes.length;
    expect(sent.map((m) => m.catalog?.recipes?.length ?? 0).sort((a, b) => a - b)).toEqual([
      0,
      0,
      0,
      0,
      size,
      size,
    ]);
    // The planner input itself always travels without its recipes.
    for (const m of sent) expect(firstArgSchema.parse(m.args[0]).recipes).toEqual([]);
  });
});

describe('the shared pool under the tests', { timeout: 60_000 }, () => {
  it('runs inline (PLAN_WORKERS unset, not production) with the same results', async () => {
    const input = real.inputs[1]!.input;
    expect(await generatePlanInPool(input, 9)).toStrictEqual(generatePlan(input, createRng(9)));
    expect(planPoolStats()).toEqual({ workers: 0, busy: 0, queued: 0, max: DEFAULT_QUEUE_MAX });
  });
});
