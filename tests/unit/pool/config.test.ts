import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUEUE_MAX, poolConfigFromEnv } from '@/app/_server/pool/config';

describe('poolConfigFromEnv', () => {
  it('uses every core in production and runs inline elsewhere', () => {
    expect(poolConfigFromEnv({ NODE_ENV: 'production' }, '/srv/villi')).toEqual({
      size: availableParallelism(),
      queueMax: DEFAULT_QUEUE_MAX,
      workerFile: join('/srv/villi', 'dist', 'plan-worker.mjs'),
    });
    expect(poolConfigFromEnv({ NODE_ENV: 'test' }).size).toBe(0);
    expect(poolConfigFromEnv({ NODE_ENV: 'development' }).size).toBe(0);
  });

  it('takes PLAN_WORKERS and PLAN_QUEUE_MAX from the environment', () => {
    const c = poolConfigFromEnv({ NODE_ENV: 'production', PLAN_WORKERS: '0', PLAN_QUEUE_MAX: '5' });
    expect(c.size).toBe(0);
    expect(c.queueMax).toBe(5);
    expect(poolConfigFromEnv({ NODE_ENV: 'test', PLAN_WORKERS: '3' }).size).toBe(3);
  });

  it('names a bad value', () => {
    expect(() => poolConfigFromEnv({ PLAN_WORKERS: 'many' })).toThrow(/PLAN_WORKERS/);
    expect(() => poolConfigFromEnv({ PLAN_QUEUE_MAX: '-1' })).toThrow(/PLAN_QUEUE_MAX/);
  });
});
