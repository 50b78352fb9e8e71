/**
 * Runs HiGHS (WebAssembly, single-threaded) in worker threads so independent MIPs solve in
 * parallel, one per core. Each job is CPLEX LP text; the answer carries the incumbent, the
 * proven dual bound and the variables at 1.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export type HighsAnswer = {
  status: string;
  /** Best incumbent objective, or null when none was found. */
  objective: number | null;
  /** Proven lower bound on the optimum (minimisation). */
  dualBound: number | null;
  seconds: number;
  /** Columns with value > 0.5 (enough to decode a 0/1 plan). */
  ones: Map<string, number>;
};

export type HighsOptions = {
  timeLimitS: number;
  relGap: number;
  /**
   * A known week as the solver's first incumbent (a MIP start): columns at 1 and columns at 0;
   * HiGHS completes the rest. It only prunes the search; a proven optimum is still proven.
   */
  start?: { ones: string[]; zeros: string[] };
};

// Plain CommonJS so the worker needs no TypeScript loader.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const loadHighs = require(workerData.highsPath);
const ready = loadHighs();
const STATUS = {
  7: 'Optimal', 8: 'Infeasible', 13: 'Time limit reached', 14: 'Iteration limit reached',
};
parentPort.on('message', async (job) => {
  const highs = await ready;
  const started = process.hrtime.bigint();
  try {
    const answer = highs.withModel({ format: 'lp', data: job.lp }, (model) => {
      model.options.set({
        output_flag: false,
        time_limit: job.timeLimitS,
        mip_rel_gap: job.relGap,
      });
      if (job.start) {
        const indices = [];
        const values = [];
        for (const [names, value] of [[job.start.ones, 1], [job.start.zeros, 0]]) {
          for (const name of names) {
            indices.push(model.getColByName(name));
            values.push(value);
          }
        }
        model.setSolution({ indices, values });
      }
      model.run();
      const code = model.getModelStatus();
      let objective = null;
      let dualBound = null;
      try { dualBound = Number(model.info.get('mip_dual_bound')); } catch {}
      const ones = [];
      const primal = Number(model.info.get('primal_solution_status'));
      if (primal === 2) {
        objective = model.getObjectiveValue();
        const values = model.getSolution().colValue;
        for (let i = 0; i < values.length; i++) {
          if (values[i] > 0.5) ones.push([model.getColName(i), values[i]]);
        }
      }
      return { status: STATUS[code] ?? 'status ' + code, objective, dualBound, ones };
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    parentPort.postMessage({ id: job.id, ok: true, answer: { ...answer, seconds } });
  } catch (error) {
    parentPort.postMessage({ id: job.id, ok: false, error: String(error && error.stack || error) });
  }
});
`;

type Job = {
  id: number;
  lp: string;
  options: HighsOptions;
  resolve: (a: HighsAnswer) => void;
  reject: (e: Error) => void;
};

export type HighsPool = {
  solve: (lp: string, options: HighsOptions) => Promise<HighsAnswer>;
  close: () => Promise<void>;
};

export function createHighsPool(size: number): HighsPool {
  const highsPath = createRequire(import.meta.url).resolve('highs');
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const running = new Map<number, Job>();
  const workers: Worker[] = [];
  let nextId = 0;

  const pump = (): void => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const job = queue.shift()!;
      running.set(job.id, job);
      worker.postMessage({
        id: job.id,
        lp: job.lp,
        timeLimitS: job.options.timeLimitS,
        relGap: job.options.relGap,
        start: job.options.start,
      });
    }
  };

  for (let i = 0; i < size; i++) {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { highsPath } });
    worker.on(
      'message',
      (msg: {
        id: number;
        ok: boolean;
        answer?: Omit<HighsAnswer, 'ones'> & { ones: [string, number][] };
        error?: string;
      }) => {
        const job = running.get(msg.id);
        running.delete(msg.id);
        idle.push(worker);
        if (job) {
          if (msg.ok && msg.answer) job.resolve({ ...msg.answer, ones: new Map(msg.answer.ones) });
          else job.reject(new Error(msg.error ?? 'HiGHS worker failed'));
        }
        pump();
      },
    );
    worker.on('error', (error) => {
      for (const job of running.values()) job.reject(error);
      running.clear();
    });
    workers.push(worker);
    idle.push(worker);
  }

  return {
    solve: (lp, options) =>
      new Promise<HighsAnswer>((resolve, reject) => {
        queue.push({ id: nextId++, lp, options, resolve, reject });
        pump();
      }),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
