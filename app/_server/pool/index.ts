import 'server-only';
import { poolConfigFromEnv } from './config';
import { type PoolStats, WorkerPool } from './pool';
import { CATALOG_TASKS, PLAN_TASKS, type PlanTasks } from './tasks';

export type { PoolStats } from './pool';

export type PlanPool = WorkerPool<PlanTasks>;

/** A planner pool; the app uses the shared one (`getPlanPool`), tests make their own. */
export function createPlanPool(config = poolConfigFromEnv()): PlanPool {
  return new WorkerPool({
    ...config,
    tasks: PLAN_TASKS,
    catalogTasks: CATALOG_TASKS,
    log: console,
  });
}

const globalForPool = globalThis as unknown as { villiPlanPool?: PlanPool };

/** The app's pool, made on first use and kept on globalThis so dev reloads reuse its workers. */
export function getPlanPool(): PlanPool {
  globalForPool.villiPlanPool ??= createPlanPool();
  return globalForPool.villiPlanPool;
}

export function planPoolStats(): PoolStats {
  return getPlanPool().stats();
}

type Args<K extends keyof PlanTasks> = Parameters<PlanTasks[K]>;

/**
 * The library calls, off the event loop. Same arguments as the lib functions except that the
 * random source is given by its seed: `generatePlan(input, createRng(seed))` becomes
 * `await generatePlanInPool(input, seed)`. A full queue rejects with AppError 503 `busy`.
 */
export const generatePlanInPool = (...args: Args<'generatePlan'>) =>
  getPlanPool().run('generatePlan', ...args);

/** `regeneratePlan(input, plan, scope, createRng(seed))` → `await regeneratePlanInPool(input, plan, scope, seed)`. */
export const regeneratePlanInPool = (...args: Args<'regeneratePlan'>) =>
  getPlanPool().run('regeneratePlan', ...args);

/** `alternativesReport(input, plan, mealId, filter)`, same arguments. */
export const alternativesReportInPool = (...args: Args<'alternativesReport'>) =>
  getPlanPool().run('alternativesReport', ...args);

/** `buildShoppingList(input)`, same argument. */
export const buildShoppingListInPool = (...args: Args<'buildShoppingList'>) =>
  getPlanPool().run('buildShoppingList', ...args);
