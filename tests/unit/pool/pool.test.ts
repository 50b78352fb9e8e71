import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { WorkerPool } from '@/app/_server/pool/pool';
import { AppError } from '@/lib/http/app-error';
import { handle } from '@/lib/http/parse';
import { bundleWorker } from './bundle';
import { FIXTURE_TASKS, GATE, PEAK, RUNNING, STARTED } from './fixture-tasks';

let workerFile: string;
const pools: WorkerPool<typeof FIXTURE_TASKS>[] = [];
const log = { warn: vi.fn(), error: vi.fn() };

beforeAll(() => {
  workerFile = bundleWorker('tests/unit/pool/fixture-worker.ts', 'fixture-worker');
});

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
  log.warn.mockClear();
  log.error.mockClear();
});

function pool(size: number, queueMax = 8, file = workerFile) {
  const p = new WorkerPool({ tasks: FIXTURE_TASKS, size, queueMax, workerFile: file, log });
  pools.push(p);
  return p;
}

/** Shared counters for `hold` tasks; `open()` lets every held task finish. */
function gate() {
  const shared = new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT);
  const c = new Int32Array(shared);
  return {
    shared,
    running: () => Atomics.load(c, RUNNING),
    peak: () => Atomics.load(c, PEAK),
    started: () => Atomics.load(c, STARTED),
    open: () => {
      Atomics.store(c, GATE, 1);
      Atomics.notify(c, GATE);
    },
  };
}

/** Waits (event loop free) until `ready()`; fails the test after many polls. */
async function until(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !ready(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(ready()).toBe(true);
}

describe('WorkerPool', () => {
  it('runs tasks in parallel, one per worker, and queues the rest', async () => {
    const p = pool(2);
    const g = gate();
    const runs = Array.from({ length: 5 }, () => p.run('hold', g.shared));
    await until(() => g.started() === 2);
    // Both workers hold a task at the same moment; the other three wait in the queue.
    expect(g.running()).toBe(2);
    expect(p.stats()).toEqual({ workers: 2, busy: 2, queued: 3, max: 8 });
    g.open();
    const peaks = await Promise.all(runs);
    expect(g.started()).toBe(5);
    expect(g.peak()).toBe(2);
    expect(Math.max(...peaks)).toBe(2);
    expect(p.stats()).toEqual({ workers: 2, busy: 0, queued: 0, max: 8 });
  });

  it('refuses a task when the queue is full with a 503 busy error and Retry-After', async () => {
    const p = pool(1, 2);
    const g = gate();
    const held = [p.run('hold', g.shared), p.run('hold', g.shared), p.run('hold', g.shared)];
    await until(() => g.started() === 1);
    expect(p.stats()).toMatchObject({ busy: 1, queued: 2, max: 2 });

    const refused = await p.run('echo', 'one too many').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    const error = refused as AppError;
    expect(error.status).toBe(503);
    expect(error.code).toBe('busy');
    expect(error.retryAfterS).toBeGreaterThanOrEqual(1);

    const route = handle(async () => Response.json(await p.run('echo', 'via a route')));
    const response = await route();
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toBe(String(error.retryAfterS));
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('busy');
    expect(body.error.message).toMatch(/busy/);

    g.open();
    expect(await Promise.all(held)).toHaveLength(3);
    // Room again once the queue drained.
    expect(await p.run('echo', 'after')).toBe('after');
  });

  it('rejects a failing task with its error and keeps the worker', async () => {
    const p = pool(1);
    await expect(p.run('fail', 'no week fits')).rejects.toThrow('no week fits');
    expect(await p.run('echo', { a: [1, 2] })).toEqual({ a: [1, 2] });
    expect(log.error).not.toHaveBeenCalled();
  });

  it('replaces a crashed worker; only the crashed task is rejected', async () => {
    const p = pool(2);
    const g = gate();
    const held = p.run('hold', g.shared);
    await until(() => g.started() === 1);
    await expect(p.run('crash', 7)).rejects.toThrow(/exit code 7.*crash/);
    expect(p.stats().workers).toBe(2);
    // The replacement takes work, and the task on the other worker was not disturbed.
    expect(await p.run('echo', 'still here')).toBe('still here');
    g.open();
    expect(await held).toBe(1);
    expect(log.error).toHaveBeenCalledWith(
      expect.stringContaining('plan worker exited (code 7)'),
      undefined,
    );
  });

  it('runs inline, with a warning, when the worker bundle is missing', async () => {
    const p = pool(2, 8, join(process.cwd(), '.tmp', 'pool-tests', 'no-such-worker.mjs'));
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('is missing'));
    expect(p.stats()).toEqual({ workers: 0, busy: 0, queued: 0, max: 8 });
    expect(await p.run('echo', 3)).toBe(3);
    await expect(p.run('fail', 'inline failure')).rejects.toThrow('inline failure');
  });

  it('falls back to inline when workers die before they are ready', async () => {
    const dir = join(process.cwd(), '.tmp', 'pool-tests');
    mkdirSync(dir, { recursive: true });
    const broken = join(dir, `broken-${process.pid}.mjs`);
    writeFileSync(broken, "throw new Error('broken bundle');\n");
    const p = pool(1, 8, broken);
    const queued = p.run('echo', 'queued while starting');
    expect(await queued).toBe('queued while starting');
    expect(p.stats().workers).toBe(0);
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('cannot start'));
  });

  it('runs inline in the caller with size 0', async () => {
    const p = pool(0);
    expect(p.stats().workers).toBe(0);
    const g = gate();
    g.open();
    // Inline: the task has run before `run` returns.
    const result = p.run('hold', g.shared);
    expect(g.started()).toBe(1);
    expect(await result).toBe(1);
  });
});
