import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../lib/http/app-error';
import { CatalogCache, catalogKey } from './catalog';
import { READY, type TaskMap, type TaskRequest, taskReplySchema } from './protocol';

export type PoolStats = {
  /** Live worker threads (0: tasks run inline in the caller). */
  workers: number;
  /** Tasks running in a worker. */
  busy: number;
  /** Tasks waiting for a worker. */
  queued: number;
  /** Most tasks that may wait; one more is refused with 503 `busy`. */
  max: number;
};

export type PoolOptions<T extends TaskMap> = {
  /** The tasks, for running inline (size 0, or no usable worker bundle). */
  tasks: T;
  /** Worker threads; 0 runs every task inline in the caller. */
  size: number;
  queueMax: number;
  /** The bundled worker entry (JavaScript); when missing the pool runs inline and says so. */
  workerFile: string;
  /** Tasks whose first argument's `recipes` is sent once per worker and then by key. */
  catalogTasks?: ReadonlySet<string>;
  log?: Pick<Console, 'warn' | 'error'>;
};

type Pending = {
  id: number;
  task: string;
  args: unknown[];
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

type Slot = {
  worker: Worker;
  ready: boolean;
  running: Pending | null;
  startedAt: number;
  /** Mirror of the worker's catalog cache (keys only). */
  catalogs: CatalogCache<true>;
};

/** Consecutive workers that die before they are ready; then the bundle is taken as broken. */
const MAX_START_FAILURES = 3;

function workerError(slot: Pending, code: number, cause: unknown): Error {
  return new Error(`plan worker stopped (exit code ${code}) while running ${slot.task}`, { cause });
}

/**
 * A fixed set of worker threads with one bounded queue. Each worker runs one task at a time;
 * a full queue refuses with AppError 503 `busy` (Retry-After from recent task times). A worker
 * that crashes rejects only its own task and is replaced. Idle workers do not keep the process
 * alive.
 */
export class WorkerPool<T extends TaskMap> {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private startFailures = 0;
  private closed = false;
  private inline: boolean;
  /** Moving average of a task's run time, for Retry-After. */
  private avgTaskMs = 50;

  constructor(private readonly options: PoolOptions<T>) {
    this.inline = options.size <= 0;
    if (!this.inline && !existsSync(options.workerFile)) {
      this.inline = true;
      options.log?.warn(
        `plan worker bundle ${options.workerFile} is missing (run \`npm run build\`); planning runs on the main thread`,
      );
    }
    if (!this.inline) for (let i = 0; i < options.size; i++) this.spawn();
  }

  /** Runs a task in a worker (or inline); resolves with its result, rejects with its error. */
  run<K extends keyof T & string>(
    task: K,
    ...args: Parameters<T[K]>
  ): Promise<Awaited<ReturnType<T[K]>>> {
    return new Promise<unknown>((resolve, reject) => {
      if (this.closed) throw new Error('the worker pool is closed');
      if (this.inline) {
        resolve(this.runInline(task, args));
        return;
      }
      const pending: Pending = { id: this.nextId++, task, args, resolve, reject };
      const idle = this.slots.find((s) => s.ready && !s.running);
      if (idle) {
        this.start(idle, pending);
        return;
      }
      // A starting worker will take one waiting task, so that task does not count as queued.
      const starting = this.slots.filter((s) => !s.ready).length;
      if (this.queue.length >= this.options.queueMax + starting) throw this.busyError();
      this.queue.push(pending);
    }) as Promise<Awaited<ReturnType<T[K]>>>;
  }

  stats(): PoolStats {
    return {
      workers: this.slots.length,
      busy: this.slots.filter((s) => s.running).length,
      queued: this.queue.length,
      max: this.options.queueMax,
    };
  }

  /** Stops every worker; running and queued tasks are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('the worker pool is closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private runInline(task: string, args: unknown[]): unknown {
    const fn = this.options.tasks[task];
    if (!fn) throw new Error(`unknown task ${task}`);
    // `run` typed the arguments against this very task.
    return (fn as (...a: unknown[]) => unknown)(...args);
  }

  private busyError(): AppError {
    const workers = Math.max(1, this.slots.length);
    const waitMs = ((this.queue.length + workers) * this.avgTaskMs) / workers;
    const retryAfterS = Math.min(60, Math.max(1, Math.ceil(waitMs / 1000)));
    return AppError.unavailable(
      'busy',
      'The planner is busy with other requests; try again shortly.',
      retryAfterS,
    );
  }

  private spawn(): void {
    const worker = new Worker(resolve(this.options.workerFile));
    const slot: Slot = {
      worker,
      ready: false,
      running: null,
      startedAt: 0,
      catalogs: new CatalogCache<true>(),
    };
    let lastError: unknown;
    worker.on('message', (message: unknown) => {
      if (message === READY) {
        slot.ready = true;
        this.startFailures = 0;
        this.drain();
        // Held while starting, so a task waiting for it keeps the process alive.
        if (!slot.running) worker.unref();
        return;
      }
      this.finish(slot, message);
    });
    worker.on('error', (error) => {
      lastError = error;
    });
    worker.on('exit', (code) => this.exited(slot, code, lastError));
    this.slots.push(slot);
  }

  private exited(slot: Slot, code: number, cause: unknown): void {
    this.slots.splice(this.slots.indexOf(slot), 1);
    if (slot.running) slot.running.reject(workerError(slot.running, code, cause));
    if (this.closed) return;
    this.options.log?.error(`plan worker exited (code ${code}); starting a new one`, cause);
    if (!slot.ready) this.startFailures += 1;
    if (this.startFailures >= MAX_START_FAILURES) {
      this.options.log?.error('plan workers cannot start; planning runs on the main thread');
      this.inline = true;
      for (const p of this.queue.splice(0)) {
        try {
          p.resolve(this.runInline(p.task, p.args));
        } catch (error) {
          p.reject(error);
        }
      }
      return;
    }
    this.spawn();
  }

  private start(slot: Slot, pending: Pending): void {
    slot.running = pending;
    slot.startedAt = performance.now();
    slot.worker.ref();
    const request: TaskRequest = { id: pending.id, task: pending.task, args: pending.args };
    const first = pending.args[0];
    if (this.options.catalogTasks?.has(pending.task) && hasRecipes(first)) {
      const key = catalogKey(first.recipes);
      const known = slot.catalogs.has(key);
      request.args = [{ ...first, recipes: [] }, ...pending.args.slice(1)];
      request.catalog = known ? { key } : { key, recipes: first.recipes };
    }
    try {
      slot.worker.postMessage(request);
      if (request.catalog?.recipes) slot.catalogs.add(request.catalog.key, true);
    } catch (error) {
      // Arguments that cannot be cloned: the caller's bug, reported to the caller.
      slot.running = null;
      slot.worker.unref();
      pending.reject(error);
      this.drain();
    }
  }

  private finish(slot: Slot, message: unknown): void {
    const reply = taskReplySchema.parse(message);
    const pending = slot.running;
    if (!pending || pending.id !== reply.id) return;
    slot.running = null;
    slot.worker.unref();
    this.avgTaskMs = 0.8 * this.avgTaskMs + 0.2 * (performance.now() - slot.startedAt);
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(Object.assign(new Error(reply.error.message), reply.error));
    this.drain();
  }

  private drain(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.ready && !slot.running) this.start(slot, this.queue.shift()!);
    }
  }
}

function hasRecipes(value: unknown): value is { recipes: unknown[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'recipes' in value &&
    Array.isArray(value.recipes)
  );
}
