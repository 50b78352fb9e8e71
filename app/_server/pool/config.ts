import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

/** Where scripts/build-worker.mjs writes the worker bundle, relative to the app's root. */
export const WORKER_BUNDLE = join('dist', 'plan-worker.mjs');

export const DEFAULT_QUEUE_MAX = 64;

const count = z.coerce.number().int().min(0).max(1024);
const envSchema = z.object({
  PLAN_WORKERS: count.optional(),
  PLAN_QUEUE_MAX: count.optional(),
  NODE_ENV: z.string().optional(),
});

export type PoolConfig = { size: number; queueMax: number; workerFile: string };

/**
 * The pool's size and queue from the environment. `PLAN_WORKERS` (0 = run inline) defaults to
 * the cores available in production and to 0 elsewhere: `next dev` and the tests run the
 * current source instead of a possibly stale bundle. The bundle is resolved from the working
 * directory because Next.js bundles route handlers (their own URL says nothing about dist/).
 */
export function poolConfigFromEnv(
  env: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): PoolConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${detail}`);
  }
  const { PLAN_WORKERS, PLAN_QUEUE_MAX, NODE_ENV } = parsed.data;
  return {
    size: PLAN_WORKERS ?? (NODE_ENV === 'production' ? availableParallelism() : 0),
    queueMax: PLAN_QUEUE_MAX ?? DEFAULT_QUEUE_MAX,
    workerFile: join(cwd, WORKER_BUNDLE),
  };
}
